-- 0002: the register of recipients and processors (Art. 30(1)(d), Art. 28).

CREATE TABLE recipients (
    id                 TEXT PRIMARY KEY NOT NULL,
    legal_name         TEXT NOT NULL DEFAULT '',
    trading_name       TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',   -- ISO 3166-1 alpha-2, or ''
    address            TEXT NOT NULL DEFAULT '',
    contact            TEXT NOT NULL DEFAULT '',
    privacy_policy_url TEXT NOT NULL DEFAULT '',
    dpa_status         TEXT NOT NULL DEFAULT 'missing',
    dpa_signed         TEXT,                        -- YYYY-MM-DD
    dpa_expires        TEXT,                        -- YYYY-MM-DD
    sub_processors     TEXT NOT NULL DEFAULT '[]', -- JSON array of names
    dpf                TEXT NOT NULL DEFAULT 'unknown',
    dpf_verified       TEXT,                        -- YYYY-MM-DD
    notes              TEXT NOT NULL DEFAULT '',
    catalogue_id       TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX recipients_by_name ON recipients (deleted, legal_name);
