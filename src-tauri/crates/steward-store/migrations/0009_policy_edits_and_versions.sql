-- 0009: the administrator's own text for sections of the privacy policy, and
-- the versions of the policy that were saved (steward-core's `policy_text`).

CREATE TABLE policy_edits (
    id         TEXT PRIMARY KEY NOT NULL,
    section_id TEXT NOT NULL DEFAULT '',
    mode       TEXT NOT NULL DEFAULT 'append',
    text       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE policy_versions (
    id         TEXT PRIMARY KEY NOT NULL,
    saved_at   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    markdown   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX policy_versions_by_time ON policy_versions (deleted, saved_at);
