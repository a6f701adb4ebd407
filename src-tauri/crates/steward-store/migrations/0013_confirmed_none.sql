-- 0013: what a person confirmed the organisation does not do at all
-- (steward-core's `ConfirmedNone`): no automated decisions, no sharing, no
-- transfers. A privacy policy denies these only when they are confirmed.

ALTER TABLE organisation ADD COLUMN confirmed_none TEXT NOT NULL DEFAULT '[]';
