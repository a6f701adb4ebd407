-- 0004: what an activity shares and keeps — recipients linked with their
-- role (Art. 30(1)(d)), transfers outside the EEA (Art. 30(1)(e)) and
-- retention rules per data category (Art. 30(1)(f)). Each row belongs to one
-- activity; the link is a field like any other, so it merges like one.

CREATE TABLE activity_recipients (
    id            TEXT PRIMARY KEY NOT NULL,
    activity_id   TEXT NOT NULL DEFAULT '',
    recipient_id  TEXT,
    internal_team TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'processor',
    arrangement   TEXT NOT NULL DEFAULT '',
    purpose       TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX activity_recipients_by_activity ON activity_recipients (activity_id, deleted);

CREATE TABLE transfers (
    id           TEXT PRIMARY KEY NOT NULL,
    activity_id  TEXT NOT NULL DEFAULT '',
    recipient_id TEXT,
    country      TEXT NOT NULL DEFAULT '',
    mechanism    TEXT,
    safeguards   TEXT NOT NULL DEFAULT '',
    tia_done     INTEGER NOT NULL DEFAULT 0,
    tia_date     TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX transfers_by_activity ON transfers (activity_id, deleted);

CREATE TABLE retention_rules (
    id            TEXT PRIMARY KEY NOT NULL,
    activity_id   TEXT NOT NULL DEFAULT '',
    data_category TEXT NOT NULL DEFAULT '',
    period_value  INTEGER,
    period_unit   TEXT,
    criterion     TEXT NOT NULL DEFAULT '',
    trigger_event TEXT NOT NULL DEFAULT '',
    justification TEXT NOT NULL DEFAULT '',
    end_action    TEXT NOT NULL DEFAULT 'erase',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX retention_rules_by_activity ON retention_rules (activity_id, deleted);
