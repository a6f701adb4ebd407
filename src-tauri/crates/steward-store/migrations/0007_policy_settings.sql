-- 0007: the organisation-wide facts a privacy policy states that are not
-- processing records (steward-core's `PolicySettings`): scope, effective
-- date, minimum age, response time, and the organisation's own words on
-- breaches, cookies, opting out, de-identified data and policy changes.

ALTER TABLE organisation ADD COLUMN policy_scope           TEXT NOT NULL DEFAULT '[]';
ALTER TABLE organisation ADD COLUMN policy_effective_date  TEXT;
ALTER TABLE organisation ADD COLUMN minimum_age            INTEGER;
ALTER TABLE organisation ADD COLUMN rights_response_days   INTEGER;
ALTER TABLE organisation ADD COLUMN breach_notification    TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN cookie_controls        TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN communications_opt_out TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN deidentified_data      TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN policy_change_notice   TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN other_disclosures      TEXT NOT NULL DEFAULT '[]';
