//! The change-file format, version 1 (documented in `docs/sync.md`).
//!
//! A change file is UTF-8 text, one item per line, each line ending in `\n`:
//!
//! ```text
//! steward-changes 1
//! {"format":1,"schema":10,"organisation":"…","author":"…","created":"…","devices":{…},"ranges":{…},"ops":N}
//! {"id":"1@<device>","entity":"activity","row":"…","field":"name","value":"Newsletter","hlc":[1763892000000,0],"parents":[]}
//! … N op lines, by device and sequence number …
//! sha256:<64 lowercase hex digits of the SHA-256 of every byte before this line>
//! ```
//!
//! Encoding is canonical: the same ops give the same bytes. Parsing checks
//! the whole file before anything is applied — the magic line, the checksum,
//! the header, that every op belongs to a device and sequence range the
//! header declares, that each range is complete, and that each value fits
//! its field — and refuses it whole, with the reason, otherwise.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use steward_core::HlcStamp;
use steward_core::entity::DELETED_FIELD;
use steward_store::Op;

/// The version this build writes and reads.
pub const CHANGES_FORMAT_VERSION: u32 = 1;
const MAGIC: &str = "steward-changes";
const CHECKSUM_PREFIX: &str = "sha256:";
/// Larger files are refused before they are read further.
pub const MAX_FILE_BYTES: usize = 512 << 20;
const MAX_NAME: usize = 64;
const MAX_PARENTS: usize = 10_000;
/// HLC wall times are milliseconds; anything past year 9999 is nonsense.
const MAX_WALL_MS: i64 = 253_402_300_799_999;

/// The header line: who wrote the file, for which organisation, and which
/// ops of which devices it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Header {
    pub format: u32,
    /// The schema version (number of migrations) of the writer.
    pub schema: i64,
    pub organisation: String,
    /// The device that wrote the file.
    pub author: String,
    /// When it was written (RFC 3339), for people; merging ignores it.
    pub created: String,
    /// The names of the devices whose ops the file holds.
    pub devices: BTreeMap<String, String>,
    /// For each device, the first and last sequence number held: every
    /// number in between is in the file.
    pub ranges: BTreeMap<String, (i64, i64)>,
    /// How many op lines follow.
    pub ops: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireOp {
    id: String,
    entity: String,
    row: String,
    field: String,
    value: Value,
    hlc: (i64, u32),
    parents: Vec<String>,
}

/// A parsed, checked change file.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeFile {
    pub header: Header,
    pub ops: Vec<Op>,
    /// Hex SHA-256 of the whole file, as recorded when it is imported.
    pub sha256: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Writes a change file. The header's ranges (each device's lowest and
/// highest sequence number) and count are derived from `ops`, in whatever
/// order they come: a file read with its ops out of order (the reader takes
/// any order) is written again with the same ranges. Found by the fuzzer.
pub fn encode(mut header: Header, ops: &[Op]) -> Vec<u8> {
    header.ops = ops.len();
    header.format = CHANGES_FORMAT_VERSION;
    header.ranges = BTreeMap::new();
    for op in ops {
        header
            .ranges
            .entry(op.device.clone())
            .and_modify(|r| *r = (r.0.min(op.seq), r.1.max(op.seq)))
            .or_insert((op.seq, op.seq));
    }
    let mut out = format!("{MAGIC} {CHANGES_FORMAT_VERSION}\n");
    out.push_str(&serde_json::to_string(&header).expect("a header serialises"));
    out.push('\n');
    for op in ops {
        let wire = WireOp {
            id: op.op_id.clone(),
            entity: op.entity.clone(),
            row: op.row_id.clone(),
            field: op.field.clone(),
            value: op.value.clone(),
            hlc: (op.stamp.wall_ms, op.stamp.counter),
            parents: op.parents.clone(),
        };
        out.push_str(&serde_json::to_string(&wire).expect("an op serialises"));
        out.push('\n');
    }
    let sum = sha256_hex(out.as_bytes());
    out.push_str(CHECKSUM_PREFIX);
    out.push_str(&sum);
    out.push('\n');
    out.into_bytes()
}

/// Splits an op id `"<seq>@<device>"`.
pub fn parse_op_id(id: &str) -> Option<(i64, &str)> {
    let (seq, device) = id.split_once('@')?;
    let seq: i64 = seq.parse().ok().filter(|s| *s >= 1)?;
    (!seq_text_is_odd(id) && is_name(device, true)).then_some((seq, device))
}

/// `"01@x"` and `"+1@x"` parse as 1 but are not canonical.
fn seq_text_is_odd(id: &str) -> bool {
    id.starts_with('0') || id.starts_with('+')
}

/// Device and row ids: letters, digits and `-`. Entity and field names:
/// lower-case letters, digits, `_` (and `$` for the delete pseudo-field).
fn is_name(text: &str, id: bool) -> bool {
    !text.is_empty()
        && text.len() <= MAX_NAME
        && text.chars().all(|c| {
            if id {
                c.is_ascii_alphanumeric() || c == '-'
            } else {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$'
            }
        })
}

/// Reads and checks a change file. The error says, for a person, why it
/// was refused.
pub fn decode(bytes: &[u8]) -> Result<ChangeFile, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "it is larger than {} MiB, more than a change file can be",
            MAX_FILE_BYTES >> 20
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "it is not a Steward change file (it is not text)".to_owned())?;
    let Some((first, _)) = text.split_once('\n') else {
        return Err("it is not a Steward change file (or it was cut short)".into());
    };
    match first.strip_prefix(MAGIC).and_then(|v| v.strip_prefix(' ')) {
        Some(v) if v == CHANGES_FORMAT_VERSION.to_string() => {}
        Some(v) if v.parse::<u32>().is_ok_and(|v| v > CHANGES_FORMAT_VERSION) => {
            return Err(format!(
                "it was written by a newer Steward (change-file format {v}; this version reads {CHANGES_FORMAT_VERSION}): update Steward, then import it again"
            ));
        }
        _ => return Err("it is not a Steward change file".into()),
    }
    let body = text
        .strip_suffix('\n')
        .ok_or("it is incomplete: it was cut short (no final line break)")?;
    let (covered, sum) = match body.rfind('\n') {
        Some(i) => (&text[..=i], &body[i + 1..]),
        None => return Err("it is incomplete: it was cut short".into()),
    };
    let sum = sum
        .strip_prefix(CHECKSUM_PREFIX)
        .ok_or("it is incomplete: its checksum line is missing, so it was cut short")?;
    // The checksums (of the covered text, which the file states, and of the
    // whole file, which names it here) are one pass over the bytes. It runs
    // on a second thread, which then reads the last ops while this one reads
    // the first. A damaged file is reported as damaged, whatever else its
    // reading found.
    let content = &covered[first.len() + 1..];
    let (header_line, op_lines) = content.split_once('\n').unwrap_or((content, ""));
    let header = read_header(header_line, !content.is_empty());
    let (head, tail) = op_lines.split_at(line_boundary(op_lines, 5, 9));
    let (sums, parsed) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| {
            let mut hash = Sha256::new();
            hash.update(covered.as_bytes());
            let covered_sum = hex(&hash.clone().finalize());
            hash.update(&bytes[covered.len()..]);
            let sums = (covered_sum, hex(&hash.finalize()));
            let tail = header.as_ref().ok().map(|h| parse_ops(tail, h));
            (sums, tail)
        });
        let head = header.as_ref().ok().map(|h| parse_ops(head, h));
        let (sums, tail) = rest
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (sums, head.zip(tail))
    });
    let (covered_sum, file_sum) = sums;
    if sum != covered_sum {
        return Err("it is damaged: its checksum does not match its content".into());
    }
    let header = header?;
    // Both halves were read, since the header could be.
    let (head, tail) = parsed.unwrap_or_default();
    let ops = join_ops(head, tail)?;
    if ops.len() != header.ops {
        return Err(format!(
            "it holds {} ops but its header declares {}",
            ops.len(),
            header.ops
        ));
    }
    Ok(ChangeFile {
        header,
        ops,
        sha256: file_sum,
    })
}

/// The offset of the line start nearest to `numerator/denominator` of
/// `text` (at or after it), or its end.
fn line_boundary(text: &str, numerator: usize, denominator: usize) -> usize {
    let at = text.len() / denominator * numerator;
    text.as_bytes()[at..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(text.len(), |i| at + i + 1)
}

/// The ops of some lines, up to the first that cannot be read: that one's
/// index among them and why.
#[derive(Default)]
struct ParsedOps {
    ops: Vec<Op>,
    error: Option<(usize, String)>,
}

fn parse_ops(lines: &str, header: &Header) -> ParsedOps {
    let mut ops = vec![];
    for (i, line) in lines.lines().enumerate() {
        match parse_op(line, header) {
            Ok(op) => ops.push(op),
            Err(e) => {
                return ParsedOps {
                    ops,
                    error: Some((i, e)),
                };
            }
        }
    }
    ParsedOps { ops, error: None }
}

/// The ops of both halves of a file, or its first problem by line: an op
/// that cannot be read, or one that appears twice.
fn join_ops(head: ParsedOps, tail: ParsedOps) -> Result<Vec<Op>, String> {
    // Line numbers: the first line is the magic, the second the header.
    let (ops, error) = match head.error {
        Some((i, e)) => (head.ops, Some((i + 3, e))),
        None => {
            let offset = head.ops.len() + 3;
            let mut ops = head.ops;
            ops.extend(tail.ops);
            (ops, tail.error.map(|(i, e)| (offset + i, e)))
        }
    };
    let mut seen = HashSet::with_capacity(ops.len());
    for (i, op) in ops.iter().enumerate() {
        if !seen.insert(op.op_id.as_str()) {
            return Err(format!("line {}: the op {} appears twice", i + 3, op.op_id));
        }
    }
    if let Some((number, e)) = error {
        return Err(format!("line {number}: {e}"));
    }
    drop(seen);
    Ok(ops)
}

/// Reads and checks a change file's header line (`present`: the file has
/// one at all).
fn read_header(line: &str, present: bool) -> Result<Header, String> {
    if !present {
        return Err("it has no header".into());
    }
    let header: Header =
        serde_json::from_str(line).map_err(|e| format!("its header cannot be read ({e})"))?;
    if header.format != CHANGES_FORMAT_VERSION {
        return Err(format!(
            "its header says format {}, its first line {CHANGES_FORMAT_VERSION}",
            header.format
        ));
    }
    if !is_name(&header.author, true) || !is_name(&header.organisation, true) {
        return Err("its header names no valid author or organisation".into());
    }
    let mut expected = 0usize;
    for (device, (first, last)) in &header.ranges {
        if !is_name(device, true) || *first < 1 || last < first {
            return Err(format!(
                "its header declares an impossible range for device {device}"
            ));
        }
        expected = expected.saturating_add(usize::try_from(last - first + 1).unwrap_or(usize::MAX));
    }
    if expected != header.ops {
        return Err(format!(
            "its header declares {} ops but ranges of {expected}",
            header.ops
        ));
    }
    Ok(header)
}

fn parse_op(line: &str, header: &Header) -> Result<Op, String> {
    let wire: WireOp =
        serde_json::from_str(line).map_err(|e| format!("an op cannot be read ({e})"))?;
    let (seq, device) =
        parse_op_id(&wire.id).ok_or_else(|| format!("{:?} is no op id", wire.id))?;
    match header.ranges.get(device) {
        Some((first, last)) if (*first..=*last).contains(&seq) => {}
        _ => {
            return Err(format!(
                "the op {} is outside the ranges the header declares",
                wire.id
            ));
        }
    }
    if !is_name(&wire.entity, false) || !is_name(&wire.field, false) || !is_name(&wire.row, true) {
        return Err(format!(
            "the op {} names an impossible record or field",
            wire.id
        ));
    }
    if wire.parents.len() > MAX_PARENTS || wire.parents.iter().any(|p| parse_op_id(p).is_none()) {
        return Err(format!("the op {} has impossible parents", wire.id));
    }
    let (wall_ms, counter) = wire.hlc;
    if !(0..=MAX_WALL_MS).contains(&wall_ms) {
        return Err(format!("the op {} has an impossible time", wire.id));
    }
    check_value(&wire)?;
    Ok(Op {
        device: device.to_owned(),
        seq,
        op_id: wire.id,
        entity: wire.entity,
        row_id: wire.row,
        field: wire.field,
        value: wire.value,
        stamp: HlcStamp { wall_ms, counter },
        parents: wire.parents,
    })
}

/// The longest text an op may carry: the longest any form accepts (a saved
/// version of the privacy policy), so that only a hostile file meets it.
const MAX_TEXT_CHARS: usize = 2_000_000;

/// An op may carry only what some version of Steward could have written:
/// text without control or text-direction characters, of bounded length.
/// Whether this version can *read* the value (its kind, a status it knows)
/// is not checked here: a value a newer Steward wrote is kept in the op log
/// and shown once a version that knows it opens the register.
fn check_value(op: &WireOp) -> Result<(), String> {
    if op.field == DELETED_FIELD {
        return match op.value {
            Value::Bool(_) => Ok(()),
            _ => Err(format!(
                "the op {} deletes with a value that is no yes/no",
                op.id
            )),
        };
    }
    if op.field.contains('$') {
        return Err(format!("the op {} names an impossible field", op.id));
    }
    check_text(&op.value)
        .map_err(|what| format!("the op {} gives {}.{} {what}", op.id, op.entity, op.field))
}

/// Every text inside a value: refuses a forbidden character or an
/// unbounded length, naming what is wrong.
fn check_text(value: &Value) -> Result<(), String> {
    match value {
        Value::String(text) => {
            if let Some(c) = steward_core::text::forbidden_anywhere(text) {
                return Err(format!(
                    "a text with an invisible control or text-direction character (U+{:04X}), which no Steward form accepts",
                    c as u32
                ));
            }
            if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
                return Err(format!(
                    "a text of more than {MAX_TEXT_CHARS} characters, which no Steward form accepts"
                ));
            }
            Ok(())
        }
        Value::Array(items) => items.iter().try_for_each(check_text),
        Value::Object(map) => map.values().try_for_each(check_text),
        _ => Ok(()),
    }
}
