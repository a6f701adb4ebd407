-- 0010: exchanging changes with other devices (sync-design.md).

-- Every change file imported here, by the SHA-256 of its bytes, so that
-- importing the same file again is recognised (and harmless either way: a
-- merge is a set union).
CREATE TABLE imported_files (
    sha256      TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    author      TEXT NOT NULL,             -- the device that wrote the file
    ops         INTEGER NOT NULL,          -- ops in the file
    new_ops     INTEGER NOT NULL,          -- ops this database did not hold
    imported_at TEXT NOT NULL
) STRICT;
