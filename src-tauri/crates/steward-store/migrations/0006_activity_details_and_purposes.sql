-- 0006: the rest of an activity's Art. 30 record — who runs it, on which
-- systems, whether providing the data is required, automated decisions, the
-- DPIA screening, Art. 30(5) applicability and security measures — and its
-- purposes as rows with a legal basis each. The skeleton's `purposes` and
-- `legal_basis` columns stay: old ops still name them, and the data upgrade
-- moves them into `purposes` rows through the op log.

ALTER TABLE activities ADD COLUMN business_function     TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN owner                 TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN systems               TEXT NOT NULL DEFAULT '[]';
ALTER TABLE activities ADD COLUMN data_location         TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN next_review           TEXT;
ALTER TABLE activities ADD COLUMN role                  TEXT NOT NULL DEFAULT 'controller';
ALTER TABLE activities ADD COLUMN controller_name       TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN controller_contact    TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN provision_requirement TEXT NOT NULL DEFAULT 'notStated';
ALTER TABLE activities ADD COLUMN provision_consequence TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN automated_decisions   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN profiling             INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN adm_logic             TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN dpia_criteria         TEXT NOT NULL DEFAULT '[]';
ALTER TABLE activities ADD COLUMN dpia_status           TEXT NOT NULL DEFAULT 'notScreened';
ALTER TABLE activities ADD COLUMN dpia_reference        TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN dpia_notes            TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN occasional            INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN risk_to_rights        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN security_measures     TEXT NOT NULL DEFAULT '[]';
ALTER TABLE activities ADD COLUMN security_notes        TEXT NOT NULL DEFAULT '';

ALTER TABLE organisation ADD COLUMN employee_count    INTEGER;
ALTER TABLE organisation ADD COLUMN security_measures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE organisation ADD COLUMN security_notes    TEXT NOT NULL DEFAULT '';

ALTER TABLE recipients ADD COLUMN dpa_reference TEXT NOT NULL DEFAULT '';

CREATE TABLE purposes (
    id                  TEXT PRIMARY KEY NOT NULL,
    activity_id         TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    legal_basis         TEXT,
    legitimate_interest TEXT NOT NULL DEFAULT '',
    lia_reference       TEXT NOT NULL DEFAULT '',
    consent_record      TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX purposes_by_activity ON purposes (activity_id, deleted);
