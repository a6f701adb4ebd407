-- 0001: the op log and its heads, this device's identity, the organisation
-- profile and processing activities.
-- Shipped migrations are never edited: add a new numbered file instead.

-- Key/value facts about this installation: device_id, organisation_id, the
-- hybrid logical clock (hlc_wall, hlc_counter), next_seq, demo_offer.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Every change ever made, by any device: append-only.
CREATE TABLE ops (
    op_id       TEXT PRIMARY KEY NOT NULL,  -- "<seq>@<device>"
    device      TEXT NOT NULL,
    seq         INTEGER NOT NULL,           -- 1, 2, 3… per device, without gaps
    entity      TEXT NOT NULL,              -- EntityKind::id()
    row_id      TEXT NOT NULL,              -- UUID of the row
    field       TEXT NOT NULL,              -- FieldSpec::name, or "$deleted"
    value       TEXT NOT NULL,              -- canonical JSON
    hlc_wall    INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL,
    parents     TEXT NOT NULL,              -- JSON array of the op ids this op replaced
    UNIQUE (device, seq)
) STRICT;
CREATE INDEX ops_by_row ON ops (entity, row_id, field);

-- The ops of each (row, field) that no other op names as a parent. One head
-- is the field's value; several are a conflict (see sync-design.md).
CREATE TABLE heads (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    op_id  TEXT NOT NULL REFERENCES ops (op_id),
    PRIMARY KEY (entity, row_id, field, op_id)
) STRICT, WITHOUT ROWID;

-- Names of the devices whose ops we hold, for history and conflicts.
CREATE TABLE devices (
    device TEXT PRIMARY KEY NOT NULL,
    name   TEXT NOT NULL
) STRICT;

-- Materialised state: the current value of every field, derived from ops.
CREATE TABLE organisation (
    id                    TEXT PRIMARY KEY NOT NULL,
    legal_name            TEXT NOT NULL DEFAULT '',
    address               TEXT NOT NULL DEFAULT '',
    contact_email         TEXT NOT NULL DEFAULT '',
    dpo_name              TEXT NOT NULL DEFAULT '',
    dpo_contact           TEXT NOT NULL DEFAULT '',
    eu_representative     TEXT NOT NULL DEFAULT '',
    supervisory_authority TEXT NOT NULL DEFAULT '',
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    deleted               INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE activities (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    purposes    TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    legal_basis TEXT,                        -- LegalBasis::id(), or NULL
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX activities_by_name ON activities (deleted, name);
