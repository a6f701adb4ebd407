-- 0005: whose data an activity processes and what data (Art. 30(1)(c)),
-- and where it comes from (Art. 13 from the people, Art. 14 from others).

CREATE TABLE subject_groups (
    id               TEXT PRIMARY KEY NOT NULL,
    activity_id      TEXT NOT NULL DEFAULT '',
    subject_category TEXT NOT NULL DEFAULT '',
    data_categories  TEXT NOT NULL DEFAULT '[]',  -- JSON array of vocabulary ids or words
    art9_condition   TEXT,
    art10_basis      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX subject_groups_by_activity ON subject_groups (activity_id, deleted);

CREATE TABLE activity_sources (
    id                     TEXT PRIMARY KEY NOT NULL,
    activity_id            TEXT NOT NULL DEFAULT '',
    kind                   TEXT NOT NULL DEFAULT 'dataSubject',
    context                TEXT NOT NULL DEFAULT '',
    source_organisation_id TEXT,
    data_categories        TEXT NOT NULL DEFAULT '[]',
    publicly_accessible    INTEGER NOT NULL DEFAULT 0,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    deleted                INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX activity_sources_by_activity ON activity_sources (activity_id, deleted);
