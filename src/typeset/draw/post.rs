//! Post-processing of printpdf's output with lopdf: document information without dates, the
//! document language, the nested outline, stream compression and a content-derived `/ID`.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::super::page::{Document, Metadata, OutlineEntry};

/// The producer written into the document information.
const PRODUCER: &str = "masterplan";

/// FNV-1a, 64 bits: small, fast and stable across Rust versions (unlike `DefaultHasher`).
pub struct Fnv(u64);

impl Fnv {
    const PRIME: u64 = 0x0000_0100_0000_01B3;

    pub fn new() -> Fnv {
        Fnv(0xCBF2_9CE4_8422_2325)
    }

    fn with_basis(basis: u64) -> Fnv {
        Fnv(basis)
    }

    pub fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(Self::PRIME);
        }
        self.0 = h;
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// What is kept of printpdf's one-page document: the catalog, the page tree and the shared
/// resources dictionary (fonts, image XObjects) the real pages point at.
pub struct Base {
    catalog: ObjectId,
    pub pages: ObjectId,
    pub resources: ObjectId,
}

impl Base {
    /// Take printpdf's document apart: its glyph page (with its content) and its `/Info` are
    /// removed, and what remains (fonts, ToUnicode maps, images) is compressed.
    pub fn take(doc: &mut lopdf::Document) -> anyhow::Result<Base> {
        let missing = |what: &str| anyhow::anyhow!("printpdf wrote no {what}");
        let catalog = doc
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(|_| missing("catalog"))?;
        let pages = doc
            .get_dictionary(catalog)
            .and_then(|c| c.get(b"Pages"))
            .and_then(Object::as_reference)
            .map_err(|_| missing("page tree"))?;
        let glyph_page = doc
            .get_dictionary(pages)
            .and_then(|p| p.get(b"Kids"))
            .and_then(Object::as_array)
            .ok()
            .and_then(|kids| kids.first())
            .and_then(|kid| kid.as_reference().ok())
            .ok_or_else(|| missing("page"))?;
        let page = doc
            .get_dictionary(glyph_page)
            .map_err(|_| missing("page"))?;
        let resources = page
            .get(b"Resources")
            .and_then(Object::as_reference)
            .map_err(|_| missing("page resources"))?;
        let contents = page.get(b"Contents").and_then(Object::as_reference).ok();
        doc.objects.remove(&glyph_page);
        if let Some(contents) = contents {
            doc.objects.remove(&contents);
        }
        // Our own /Info replaces printpdf's (epoch dates and PDF/X keys).
        if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
            doc.objects.remove(&info);
        }
        doc.trailer.remove(b"Info");
        doc.compress();
        Ok(Base {
            catalog,
            pages,
            resources,
        })
    }
}

/// Deflate level for content streams: `fast` compresses text-heavy content streams to within a
/// few percent of `best` at a fraction of the time.
const CONTENT_COMPRESSION: u32 = 1;

thread_local! {
    /// One deflate state per drawing thread, reset for every stream: a fresh state per page
    /// allocated and zeroed a few hundred kilobytes each time (with the zlib-rs backend, fresh
    /// pages from the system: page faults were a tenth of the time at 600 programmes).
    static DEFLATE: std::cell::RefCell<Option<flate2::Compress>> =
        const { std::cell::RefCell::new(None) };
}

/// `content` deflated in the zlib format at [`CONTENT_COMPRESSION`].
fn deflate(content: &[u8]) -> anyhow::Result<Vec<u8>> {
    DEFLATE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let c = slot.get_or_insert_with(|| {
            flate2::Compress::new(flate2::Compression::new(CONTENT_COMPRESSION), true)
        });
        c.reset();
        let mut out = Vec::with_capacity(content.len() / 3 + 64);
        loop {
            let consumed = usize::try_from(c.total_in()).unwrap_or(content.len());
            let rest = content.get(consumed..).unwrap_or(&[]);
            match c.compress_vec(rest, &mut out, flate2::FlushCompress::Finish)? {
                flate2::Status::StreamEnd => return Ok(out),
                flate2::Status::Ok | flate2::Status::BufError => {
                    out.reserve(out.capacity().max(4096));
                }
            }
        }
    })
}

/// A Flate-compressed stream with an empty dictionary (besides `/Filter` and `/Length`).
pub fn compressed_stream(content: &[u8]) -> anyhow::Result<lopdf::Stream> {
    let compressed = deflate(content)?;
    let mut dict = Dictionary::new();
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    Ok(lopdf::Stream::new(dict, compressed).with_compression(false))
}

/// Finish the document: page tree, document information, language, nested outline, `/ID`; and
/// serialise it.
pub fn finish(
    mut doc: lopdf::Document,
    base: &Base,
    page_ids: &[ObjectId],
    document: &Document,
) -> anyhow::Result<Vec<u8>> {
    // Transparency (image soft masks) and /Lang need PDF 1.4; we write a 1.7 file.
    doc.version = "1.7".to_string();

    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", Object::Integer(page_ids.len() as i64));
    tree.set(
        "Kids",
        Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect()),
    );
    doc.objects.insert(base.pages, Object::Dictionary(tree));

    // No dates: identical input, identical bytes.
    let info_id = doc.add_object(info_dictionary(&document.metadata));
    doc.trailer.set("Info", Object::Reference(info_id));

    let outline_root = build_outline(&mut doc, &document.outline, page_ids, document);

    let catalog = doc
        .get_object_mut(base.catalog)
        .and_then(Object::as_dict_mut)
        .map_err(|e| anyhow::anyhow!("printpdf wrote no catalog: {e}"))?;
    let language = document.metadata.language.trim();
    if !language.is_empty() {
        catalog.set("Lang", text_string(language));
    }
    // Page labels matching the printed numbers: front matter i, ii, …; the body 1, 2, ….
    if let Some(body) = document
        .metadata
        .body_start
        .filter(|&b| b > 0 && b < page_ids.len())
    {
        let style = |s: &[u8]| {
            Object::Dictionary(Dictionary::from_iter(vec![("S", Object::Name(s.to_vec()))]))
        };
        let nums = vec![
            Object::Integer(0),
            style(b"r"),
            Object::Integer(body as i64),
            style(b"D"),
        ];
        catalog.set(
            "PageLabels",
            Dictionary::from_iter(vec![("Nums", Object::Array(nums))]),
        );
    }
    catalog.set(
        "ViewerPreferences",
        Dictionary::from_iter(vec![("DisplayDocTitle", Object::Boolean(true))]),
    );
    match outline_root {
        Some(root) => {
            catalog.set("Outlines", Object::Reference(root));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }

    // The /ID is a hash of the file written with a zero ID; the zeros are then overwritten in
    // place (same length, so the cross-reference offsets stay valid).
    let zero = Object::String(vec![0; 16], StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![zero.clone(), zero]));
    let mut bytes = Vec::with_capacity(estimated_size(&doc));
    doc.save_to(&mut bytes)?;
    drop(doc);
    patch_id(&mut bytes)?;
    Ok(bytes)
}

/// A little more than the file will take: the streams plus about 100 bytes per other object.
fn estimated_size(doc: &lopdf::Document) -> usize {
    doc.objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len() + 100,
            _ => 120,
        })
        .sum::<usize>()
        + 4096
}

fn info_dictionary(meta: &Metadata) -> Dictionary {
    let mut info = Dictionary::new();
    let mut put = |key: &str, value: &str| {
        if !value.trim().is_empty() {
            info.set(key, text_string(value.trim()));
        }
    };
    put("Title", &meta.title);
    put("Author", &meta.author);
    put("Subject", &meta.subject);
    let keywords: Vec<&str> = meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    put("Keywords", &keywords.join(", "));
    put("Creator", PRODUCER);
    put("Producer", PRODUCER);
    info
}

/// A PDF text string: a literal for printable ASCII, UTF-16BE with a byte-order mark otherwise.
pub fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Build the nested outline; returns the `/Outlines` dictionary's id (`None` when empty).
///
/// An entry's parent is the nearest earlier entry with a lower level, so a level jump (1 -> 3)
/// nests under the last level-1 entry rather than failing. Chapters (level 1) are open, deeper
/// entries closed.
fn build_outline(
    doc: &mut lopdf::Document,
    entries: &[OutlineEntry],
    page_ids: &[ObjectId],
    document: &Document,
) -> Option<ObjectId> {
    if entries.is_empty() || page_ids.is_empty() {
        return None;
    }
    let n = entries.len();
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = (0..n).map(|_| doc.new_object_id()).collect();

    // Parent of each entry (None: top level) and children lists, in document order.
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let level = entry.level.max(1);
        while let Some(&last) = stack.last() {
            if entries[last].level.max(1) >= level {
                stack.pop();
            } else {
                break;
            }
        }
        match stack.last() {
            Some(&p) => {
                parent[i] = Some(p);
                children[p].push(i);
            }
            None => top.push(i),
        }
        stack.push(i);
    }

    // Descendants visible when an entry is open; children always follow their parent, so one
    // backwards pass suffices.
    let open = |i: usize| entries[i].level <= 1;
    let mut visible = vec![0i64; n];
    let mut root_count = 0i64;
    for i in (0..n).rev() {
        let contribution = 1 + if open(i) { visible[i] } else { 0 };
        match parent[i] {
            Some(p) => visible[p] += contribution,
            None => root_count += contribution,
        }
    }

    let link_siblings = |dict: &mut Dictionary, siblings: &[usize], pos: usize| {
        if pos > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(next) = siblings.get(pos + 1) {
            dict.set("Next", Object::Reference(ids[*next]));
        }
    };

    let mut place = |i: usize, siblings: &[usize], pos: usize, parent_id: ObjectId| {
        let entry = &entries[i];
        let page = entry.page.min(page_ids.len() - 1);
        let height = document
            .pages
            .get(page)
            .map(|p| {
                if p.height.is_finite() && p.height >= 1.0 {
                    p.height
                } else {
                    1.0
                }
            })
            .unwrap_or(0.0);
        let y = if entry.y.is_finite() { entry.y } else { 0.0 };
        let top = (height - y).clamp(0.0, height);
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&entry.title));
        dict.set("Parent", Object::Reference(parent_id));
        dict.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page_ids[page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(top),
                Object::Null,
            ]),
        );
        link_siblings(&mut dict, siblings, pos);
        if let (Some(first), Some(last)) = (children[i].first(), children[i].last()) {
            dict.set("First", Object::Reference(ids[*first]));
            dict.set("Last", Object::Reference(ids[*last]));
            let count = if open(i) { visible[i] } else { -visible[i] };
            dict.set("Count", Object::Integer(count));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    };

    for (pos, &i) in top.iter().enumerate() {
        place(i, &top, pos, root);
    }
    for i in 0..n {
        for (pos, &c) in children[i].iter().enumerate() {
            place(c, &children[i], pos, ids[i]);
        }
    }

    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        outlines.set("First", Object::Reference(ids[*first]));
        outlines.set("Last", Object::Reference(ids[*last]));
    }
    outlines.set("Count", Object::Integer(root_count));
    doc.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// Overwrite the zero `/ID` strings in the trailer with a hash of the whole file.
fn patch_id(bytes: &mut [u8]) -> anyhow::Result<()> {
    let zeros = [b'0'; 32];
    // The trailer is at the end of the file; search only there.
    let tail_start = bytes.len().saturating_sub(4096);
    let id_key = find_last(&bytes[tail_start..], b"/ID")
        .map(|p| p + tail_start)
        .ok_or_else(|| anyhow::anyhow!("the trailer has no /ID to fill in"))?;

    let first = word_hash(0xCBF2_9CE4_8422_2325, bytes);
    let (front, back) = bytes.split_at(bytes.len() / 2);
    let second = word_hash(word_hash(first ^ 0x6C62_272E_07BB_0142, front), back);
    let mut hex = Vec::with_capacity(32);
    for h in [first, second] {
        for b in h.to_be_bytes() {
            hex.extend_from_slice(format!("{b:02X}").as_bytes());
        }
    }

    let mut at = id_key;
    for _ in 0..2 {
        let found = find_first(&bytes[at..], &zeros)
            .map(|p| p + at)
            .ok_or_else(|| anyhow::anyhow!("the trailer /ID placeholder is missing"))?;
        bytes[found..found + 32].copy_from_slice(&hex);
        at = found + 32;
    }
    Ok(())
}

/// A fast 64-bit hash of `bytes`, eight at a time (the file is hashed whole, so FNV's one
/// multiply per byte would show): multiply-rotate per word, the tail and length mixed in last.
fn word_hash(basis: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = basis;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(31);
    }
    let mut tail = Fnv::with_basis(h);
    tail.write(words.remainder());
    tail.write(&(bytes.len() as u64).to_le_bytes());
    let h = tail.finish();
    // Final avalanche (splitmix64's), so every input bit reaches every output bit.
    let h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn find_first(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_round_trips_and_repeats_itself() {
        use std::io::Read;
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("BT {i} Tj ET\n").into_bytes())
            .collect();
        let a = deflate(&text).unwrap();
        let b = deflate(b"short").unwrap();
        let c = deflate(&text).unwrap();
        assert_eq!(a, c, "a reused state gives the same bytes");
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&a[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&b[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, b"short");
    }

    #[test]
    fn fnv_matches_the_reference_vectors() {
        let mut h = Fnv::new();
        h.write(b"a");
        assert_eq!(h.finish(), 0xAF63_DC4C_8601_EC8C);
        assert_eq!(Fnv::new().finish(), 0xCBF2_9CE4_8422_2325);
    }

    #[test]
    fn word_hash_sees_every_byte_and_the_length() {
        let base = vec![7u8; 4099];
        let h = word_hash(1, &base);
        for at in [0, 5, 8, 4095, 4098] {
            let mut changed = base.clone();
            changed[at] ^= 1;
            assert_ne!(word_hash(1, &changed), h, "byte {at}");
        }
        assert_ne!(word_hash(1, &base[..4098]), h);
        assert_ne!(word_hash(2, &base), h);
        assert_eq!(word_hash(1, &base), h);
    }

    #[test]
    fn text_strings_are_literal_or_utf16() {
        assert_eq!(
            text_string("Bab 1"),
            Object::String(b"Bab 1".to_vec(), StringFormat::Literal)
        );
        let Object::String(bytes, StringFormat::Hexadecimal) = text_string("Rp1–2") else {
            panic!("expected a hex string");
        };
        assert_eq!(&bytes[..2], &[0xFE, 0xFF]);
        assert_eq!(bytes.len(), 2 + 2 * 5);
    }
}
