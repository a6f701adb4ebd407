//! The smallest Typst world that typesets one report: the template as the
//! main file, the report's data as `data.json`, the fonts shipped in
//! `assets/fonts`, and a fixed "today". Every other file is refused.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts every document may use, embedded at compile time (OFL 1.1, see
/// `assets/fonts/README.md`).
/// Noto Sans CJK SC (a subset: GB 2312's 6,763 hanzi, CJK punctuation, kana
/// and full-width forms) is the fallback that makes Chinese names render.
const FONT_FILES: [&[u8]; 6] = [
    include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../../../assets/fonts/NotoSansCJKsc-Regular-subset.otf"),
    include_bytes!("../../../../assets/fonts/NotoSansCJKsc-Bold-subset.otf"),
];

static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
});

/// Whether a shipped font (the regular face) has a glyph for `c`.
fn covered(c: char) -> bool {
    FONTS
        .iter()
        .filter(|f| f.info().variant.weight == typst::text::FontWeight::REGULAR)
        .any(|f| f.info().coverage.contains(c as u32))
}

/// `text` with every character that no shipped font can draw written as
/// its code point, `[U+1F600]`. PDF/A forbids text without a glyph, and an
/// export must not fail because someone typed an emoji or a script Steward
/// ships no font for: the reader still sees what was there, and can search
/// for it.
pub fn drawable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| c.is_whitespace() || covered(c)) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_whitespace() || covered(c) {
            out.push(c);
        } else {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        }
    }
    out.into()
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

static BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_fonts(FONTS.iter())));

pub struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl ReportWorld {
    pub fn new(template: &str, data: Vec<u8>, generated_at: jiff::Timestamp) -> ReportWorld {
        ReportWorld {
            main: Source::new(file_id("main.typ"), template.to_owned()),
            data_id: file_id("data.json"),
            data: Bytes::new(data),
            today: datetime(generated_at),
        }
    }
}

/// The id of a file at the root of the report's virtual project.
fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(name).expect("a plain file name is a valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

fn datetime(at: jiff::Timestamp) -> Datetime {
    let utc = at.to_zoned(jiff::tz::TimeZone::UTC);
    Datetime::from_ymd_hms(
        i32::from(utc.year()),
        utc.month().unsigned_abs(),
        utc.day().unsigned_abs(),
        utc.hour().unsigned_abs(),
        utc.minute().unsigned_abs(),
        utc.second().unsigned_abs(),
    )
    .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("a valid date"))
}

/// The PDF's creation date: the generation time, in UTC.
pub fn pdf_timestamp(at: jiff::Timestamp) -> typst_pdf::Timestamp {
    typst_pdf::Timestamp::new_utc(datetime(at))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BOOK
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
