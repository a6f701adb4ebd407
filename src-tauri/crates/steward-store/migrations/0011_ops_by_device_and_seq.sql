-- 0011: the op log is stored by (device, seq), its natural key.
--
-- An op id is "<seq>@<device>" by construction (a change file with any
-- other id is refused), so storing it beside device and seq cost a column,
-- a rowid B-tree and a unique index per op: four B-trees per inserted op,
-- and about 45% of a large import's database. Now the table is clustered
-- by (device, seq), which is also the order in which a device's ops
-- arrive, and the op id is computed when it is read. `heads` named
-- ops(op_id) as a foreign key, so it is rebuilt without that reference;
-- its op ids stay "<seq>@<device>" text, as before.

CREATE TABLE ops_by_seq (
    device      TEXT NOT NULL,
    seq         INTEGER NOT NULL,           -- 1, 2, 3… per device, without gaps
    entity      TEXT NOT NULL,              -- EntityKind::id()
    row_id      TEXT NOT NULL,              -- UUID of the row
    field       TEXT NOT NULL,              -- FieldSpec::name, or "$deleted"
    value       TEXT NOT NULL,              -- canonical JSON
    hlc_wall    INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL,
    parents     TEXT NOT NULL,              -- JSON array of the op ids this op replaced
    PRIMARY KEY (device, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO ops_by_seq (device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents)
    SELECT device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents FROM ops;

CREATE TABLE heads_of_ops (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    op_id  TEXT NOT NULL,                   -- "<seq>@<device>" of an op in ops
    PRIMARY KEY (entity, row_id, field, op_id)
) STRICT, WITHOUT ROWID;
INSERT INTO heads_of_ops (entity, row_id, field, op_id)
    SELECT entity, row_id, field, op_id FROM heads;

DROP TABLE heads;
DROP TABLE ops;
ALTER TABLE ops_by_seq RENAME TO ops;
ALTER TABLE heads_of_ops RENAME TO heads;
CREATE INDEX ops_by_row ON ops (entity, row_id, field);
