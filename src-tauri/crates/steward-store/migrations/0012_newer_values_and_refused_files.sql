-- 0012: what a merge keeps but cannot show, and the files it refused.

-- The heads whose value this version cannot read (a newer Steward wrote a
-- value it does not know, such as a new status). The register shows the
-- latest value it can read; the app marks the field as "written by a newer
-- Steward". Recomputed with the row, like `heads`.
CREATE TABLE newer_values (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    op_id  TEXT NOT NULL,                   -- "<seq>@<device>" of a head
    PRIMARY KEY (entity, row_id, field, op_id)
) STRICT, WITHOUT ROWID;

-- Change files that were refused, so that the app can show each as a
-- problem until a person dismisses it. Keyed by the SHA-256 of the bytes
-- (of the name, for a file that could not be read at all).
CREATE TABLE refused_files (
    sha256     TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    refused_at TEXT NOT NULL,
    dismissed  INTEGER NOT NULL DEFAULT 0
) STRICT;
