-- 0003: organisations that give us personal data (Art. 14(2)(f)), and the
-- third parties that collect data on our websites (cookies, pixels, embeds).

CREATE TABLE source_organisations (
    id                 TEXT PRIMARY KEY NOT NULL,
    name               TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    contact            TEXT NOT NULL DEFAULT '',
    privacy_policy_url TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    recipient_id       TEXT,                     -- the same organisation as a recipient, if it is one
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX source_organisations_by_name ON source_organisations (deleted, name);

CREATE TABLE website_third_parties (
    id                 TEXT PRIMARY KEY NOT NULL,
    provider           TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL DEFAULT 'cookie',
    purpose            TEXT NOT NULL DEFAULT '',
    data_collected     TEXT NOT NULL DEFAULT '',
    duration           TEXT NOT NULL DEFAULT '',
    consent_required   INTEGER NOT NULL DEFAULT 0,
    privacy_policy_url TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    recipient_id       TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    deleted            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX website_third_parties_by_provider ON website_third_parties (deleted, provider);
