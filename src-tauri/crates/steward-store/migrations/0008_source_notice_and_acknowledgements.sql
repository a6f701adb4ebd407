-- 0008: how people are told about data received from another organisation
-- (Art. 14), and the findings of the compliance checks that a person has
-- acknowledged with a reason (steward-core's `AcknowledgementDraft`).

ALTER TABLE activity_sources ADD COLUMN notice TEXT NOT NULL DEFAULT '';

CREATE TABLE acknowledgements (
    id            TEXT PRIMARY KEY NOT NULL,
    check_id      TEXT NOT NULL DEFAULT '',
    record_id     TEXT NOT NULL DEFAULT '',
    finding_field TEXT,
    finding       TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX acknowledgements_by_record ON acknowledgements (deleted, record_id);
