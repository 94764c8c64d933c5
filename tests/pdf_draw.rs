//! The drawing stage, checked by parsing the produced PDF with lopdf (never trusting the writer).

use std::sync::Arc;

use lopdf::{Dictionary, Object, ObjectId};
use masterplan::typeset::draw::draw;
use masterplan::typeset::fonts::FontId;
use masterplan::typeset::page::{Document, Item, Metadata, OutlineEntry, Page, Rgb};

const A4: (f32, f32) = (595.2756, 841.8898);
const RED: Rgb = Rgb(0.8, 0.1, 0.1);
const NAVY: Rgb = Rgb(0.1, 0.2, 0.5);

fn text(x: f32, y: f32, font: FontId, color: Rgb, s: &str) -> Item {
    Item::Text {
        x,
        y,
        font,
        size: 11.0,
        color,
        text: s.to_string(),
    }
}

// ---- a tiny PNG encoder (stored zlib blocks), so the test owns its image bytes ----

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let chunks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn png(width: u32, height: u32, color_type: u8, pixel: &[u8]) -> Vec<u8> {
    png_with_palette(width, height, color_type, pixel, None)
}

fn png_with_palette(
    width: u32,
    height: u32,
    color_type: u8,
    pixel: &[u8],
    palette: Option<&[u8]>,
) -> Vec<u8> {
    // Each scanline: filter byte 0 (none), then the pixels.
    let scanline: Vec<u8> = std::iter::once(0u8)
        .chain((0..width).flat_map(|_| pixel.iter().copied()))
        .collect();
    let raw: Vec<u8> = (0..height).flat_map(|_| scanline.iter().copied()).collect();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], body: &[u8]| {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(body);
        out.extend_from_slice(&crc_input);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, color_type, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    if let Some(palette) = palette {
        chunk(b"PLTE", palette);
    }
    chunk(b"IDAT", &zlib_stored(&raw));
    chunk(b"IEND", &[]);
    out
}

// ---- the sample document ----

const INDONESIAN: &str =
    "Pemerintah Kabupaten Banggai menyiapkan anggaran Rp1.250.000.000 untuk tahun 2026";
const QUOTED: &str = "“Kota cerdas” — program prioritas • tahap 2025–2029, Bappeda’s plan";

fn sample() -> Document {
    let rgb_png = Arc::new(png(3, 2, 2, &[200, 30, 30]));
    let rgba_png = Arc::new(png(2, 2, 6, &[10, 120, 200, 128]));
    let cover = Page {
        width: A4.0,
        height: A4.1,
        items: vec![
            Item::Watermark {
                text: "DRAFT".to_string(),
                size: 120.0,
                color: Rgb(0.9, 0.9, 0.9),
            },
            Item::Rect {
                x: 0.0,
                y: 0.0,
                w: A4.0,
                h: 120.0,
                fill: NAVY,
            },
            text(72.0, 200.0, FontId::Bold, RED, "Masterplan Smart City"),
            Item::Rect {
                x: 72.0,
                y: 210.0,
                w: 200.0,
                h: 20.0,
                fill: Rgb(0.95, 0.8, 0.2),
            },
            text(72.0, 260.0, FontId::Regular, Rgb::BLACK, INDONESIAN),
            text(72.0, 280.0, FontId::Italic, NAVY, QUOTED),
            text(
                72.0,
                300.0,
                FontId::BoldItalic,
                Rgb::BLACK,
                "Ringkasan Eksekutif",
            ),
            text(72.0, 320.0, FontId::Mono, Rgb::BLACK, "kode: SC-01 {x}"),
            Item::Line {
                x1: 72.0,
                y1: 330.0,
                x2: 520.0,
                y2: 330.0,
                width: 0.75,
                color: Rgb(0.5, 0.5, 0.5),
            },
            Item::Image {
                x: 400.0,
                y: 40.0,
                w: 60.0,
                h: 40.0,
                data: Arc::clone(&rgb_png),
            },
            Item::Image {
                x: 470.0,
                y: 40.0,
                w: 40.0,
                h: 40.0,
                data: rgba_png,
            },
            Item::Image {
                x: 300.0,
                y: 40.0,
                w: 40.0,
                h: 40.0,
                data: Arc::new(b"\x89PNG\r\n\x1a\nthis is not a png".to_vec()),
            },
            Item::UriLink {
                x: 72.0,
                y: 340.0,
                w: 150.0,
                h: 14.0,
                uri: "https://banggaikab.go.id".to_string(),
            },
            Item::GotoLink {
                x: 72.0,
                y: 360.0,
                w: 150.0,
                h: 14.0,
                page: 2,
                top: 100.0,
            },
        ],
    };
    let image = |x: f32, data: Arc<Vec<u8>>| Item::Image {
        x,
        y: 600.0,
        w: 30.0,
        h: 30.0,
        data,
    };
    let palette_png = png_with_palette(2, 1, 3, &[1], Some(&[0, 0, 0, 0, 128, 0]));
    let chapter = Page {
        width: A4.0,
        height: A4.1,
        items: vec![
            text(72.0, 100.0, FontId::Bold, Rgb::BLACK, "Bab 1 Pendahuluan"),
            // The cover's image again (same Arc, then equal bytes): one XObject.
            image(72.0, Arc::clone(&rgb_png)),
            image(110.0, Arc::new(rgb_png.as_ref().clone())),
            image(150.0, Arc::new(palette_png)),
        ],
    };
    let landscape = Page {
        width: A4.1,
        height: A4.0,
        items: vec![text(
            72.0,
            100.0,
            FontId::Regular,
            Rgb::BLACK,
            "Peta Jalan 2026–2030",
        )],
    };
    let entry = |title: &str, level: u8, page: usize, y: f32| OutlineEntry {
        title: title.to_string(),
        level,
        page,
        y,
    };
    Document {
        pages: vec![cover, chapter, landscape],
        outline: vec![
            entry("Ringkasan Eksekutif", 1, 0, 290.0),
            entry("Bab 1 Pendahuluan", 1, 1, 90.0),
            entry("1.1 Latar Belakang", 2, 1, 300.0),
            entry("1.1.1 Dasar Hukum", 3, 1, 400.0),
            entry("1.2 Maksud dan Tujuan", 2, 1, 500.0),
            entry("Bab 2 Peta Jalan – Rp1,25 miliar", 1, 2, 80.0),
        ],
        metadata: Metadata {
            title: "Masterplan Smart City Kabupaten Banggai".to_string(),
            author: "Kabupaten Banggai".to_string(),
            subject: "Masterplan Smart City 2026–2030".to_string(),
            keywords: vec!["smart city".to_string(), "Banggai".to_string()],
            language: "id".to_string(),
            body_start: None,
        },
    }
}

// ---- helpers over the parsed PDF ----

fn load(bytes: &[u8]) -> lopdf::Document {
    lopdf::Document::load_mem(bytes).expect("the output parses as PDF")
}

fn deref<'a>(doc: &'a lopdf::Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).expect("resolvable reference").1
}

fn dict<'a>(doc: &'a lopdf::Document, d: &'a Dictionary, key: &str) -> &'a Dictionary {
    deref(doc, d.get(key.as_bytes()).expect(key))
        .as_dict()
        .expect("a dictionary")
}

fn text_of(obj: &Object) -> String {
    let bytes = obj.as_str().expect("a string");
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).expect("utf-16")
    } else {
        String::from_utf8(bytes.to_vec()).expect("ascii")
    }
}

fn number(obj: &Object) -> f32 {
    obj.as_float()
        .or_else(|_| obj.as_i64().map(|i| i as f32))
        .expect("a number")
}

fn pages(doc: &lopdf::Document) -> Vec<ObjectId> {
    doc.get_pages().into_values().collect()
}

fn catalog(doc: &lopdf::Document) -> &Dictionary {
    let root = doc.trailer.get(b"Root").expect("Root");
    deref(doc, root).as_dict().expect("catalog")
}

// ---- tests ----

#[test]
fn pages_have_the_right_count_and_sizes() {
    let doc = load(&draw(&sample()).unwrap());
    let ids = pages(&doc);
    assert_eq!(ids.len(), 3);
    let sizes: Vec<(f32, f32)> = ids
        .iter()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            (
                number(&media[2]) - number(&media[0]),
                number(&media[3]) - number(&media[1]),
            )
        })
        .collect();
    for (got, want) in sizes.iter().zip([A4, A4, (A4.1, A4.0)]) {
        assert!(
            (got.0 - want.0).abs() < 0.01 && (got.1 - want.1).abs() < 0.01,
            "{got:?} vs {want:?}"
        );
    }
}

#[test]
fn all_used_fonts_are_embedded_as_subsets_with_tounicode() {
    let doc = load(&draw(&sample()).unwrap());
    let mut base_fonts = Vec::new();
    for page in pages(&doc) {
        for (_, font) in doc.get_page_fonts(page).unwrap() {
            let base =
                String::from_utf8(font.get(b"BaseFont").unwrap().as_name().unwrap().to_vec())
                    .unwrap();
            if base_fonts.contains(&base) {
                continue;
            }
            assert_eq!(font.get(b"Subtype").unwrap().as_name().unwrap(), b"Type0");
            let (tag, name) = base.split_once('+').expect("a subset tag");
            assert_eq!(tag.len(), 6, "{base}");
            assert!(tag.bytes().all(|b| b.is_ascii_uppercase()), "{base}");
            let face = match name {
                "Carlito" => FontId::Regular,
                "Carlito-Bold" => FontId::Bold,
                "Carlito-Italic" => FontId::Italic,
                "Carlito-BoldItalic" => FontId::BoldItalic,
                "LiberationMono" => FontId::Mono,
                other => panic!("unexpected font {other}"),
            };

            let to_unicode = deref(&doc, font.get(b"ToUnicode").unwrap())
                .as_stream()
                .unwrap();
            let cmap = to_unicode.decompressed_content().unwrap();
            assert!(
                String::from_utf8_lossy(&cmap).contains("beginbfchar")
                    || String::from_utf8_lossy(&cmap).contains("beginbfrange")
            );

            let descendants = deref(&doc, font.get(b"DescendantFonts").unwrap())
                .as_array()
                .unwrap();
            let cid_font = deref(&doc, &descendants[0]).as_dict().unwrap();
            let descriptor = dict(&doc, cid_font, "FontDescriptor");
            let program = deref(&doc, descriptor.get(b"FontFile2").unwrap())
                .as_stream()
                .unwrap();
            let ttf = program.decompressed_content().unwrap();
            assert!(ttf.len() > 1000, "{name}: a real font program");
            assert!(
                ttf.len() * 10 < face.bytes().len(),
                "{name}: subset {} bytes vs full {}",
                ttf.len(),
                face.bytes().len()
            );
            assert!(
                program.content.len() < ttf.len(),
                "font program is compressed"
            );
            base_fonts.push(base);
        }
    }
    let mut names: Vec<&str> = base_fonts
        .iter()
        .map(|b| b.split_once('+').unwrap().1)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Carlito",
            "Carlito-Bold",
            "Carlito-BoldItalic",
            "Carlito-Italic",
            "LiberationMono"
        ]
    );
}

#[test]
fn only_used_fonts_are_embedded() {
    let mut document = sample();
    document.pages.truncate(2);
    document.pages[0].items.retain(|i| {
        matches!(
            i,
            Item::Text {
                font: FontId::Regular,
                ..
            }
        )
    });
    document.outline.clear();
    let doc = load(&draw(&document).unwrap());
    let mut names = Vec::new();
    for (_, font) in doc.get_page_fonts(pages(&doc)[0]).unwrap() {
        let base = font.get(b"BaseFont").unwrap().as_name().unwrap().to_vec();
        names.push(
            String::from_utf8(base)
                .unwrap()
                .split_once('+')
                .unwrap()
                .1
                .to_string(),
        );
    }
    names.sort();
    assert_eq!(names, ["Carlito", "Carlito-Bold"]);
}

#[test]
fn text_is_extractable_including_indonesian_and_typography() {
    let doc = load(&draw(&sample()).unwrap());
    let cover = doc.extract_text(&[1]).unwrap();
    for expected in [
        "Masterplan Smart City",
        INDONESIAN,
        "Rp1.250.000.000",
        QUOTED,
        "Ringkasan Eksekutif",
        "kode: SC-01 {x}",
        "DRAFT",
    ] {
        assert!(
            cover.contains(expected),
            "missing {expected:?} in {cover:?}"
        );
    }
    assert!(
        doc.extract_text(&[3])
            .unwrap()
            .contains("Peta Jalan 2026–2030")
    );
}

#[test]
fn fill_colours_never_leak_into_text() {
    let doc = load(&draw(&sample()).unwrap());
    let content = doc.get_and_decode_page_content(pages(&doc)[0]).unwrap();
    // Replay q/Q/rg and record the fill colour each text run is shown with.
    let mut stack = vec![Vec::<f32>::new()];
    let mut shown = Vec::new();
    let mut rects_outside_q = 0;
    let mut depth = 0;
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => {
                let top = stack.last().unwrap().clone();
                stack.push(top);
                depth += 1;
            }
            "Q" => {
                stack.pop();
                depth -= 1;
            }
            "rg" => *stack.last_mut().unwrap() = op.operands.iter().map(number).collect(),
            "re" if depth == 0 => rects_outside_q += 1,
            "Tj" | "TJ" => shown.push(stack.last().unwrap().clone()),
            _ => {}
        }
    }
    assert_eq!(rects_outside_q, 0);
    let rgb = |c: Rgb| vec![c.0, c.1, c.2];
    // Watermark, then the five text runs in order.
    assert_eq!(
        shown,
        [
            rgb(Rgb(0.9, 0.9, 0.9)),
            rgb(RED),
            rgb(Rgb::BLACK),
            rgb(NAVY),
            rgb(Rgb::BLACK),
            rgb(Rgb::BLACK)
        ]
    );
}

#[test]
fn watermark_is_drawn_first_and_diagonal() {
    let doc = load(&draw(&sample()).unwrap());
    let content = doc.get_and_decode_page_content(pages(&doc)[0]).unwrap();
    let first_tm = content
        .operations
        .iter()
        .find(|op| op.operator == "Tm")
        .unwrap();
    let m: Vec<f32> = first_tm.operands.iter().map(number).collect();
    let angle = m[1].atan2(m[0]).to_degrees();
    assert!(
        angle > 45.0 && angle < 65.0,
        "diagonal watermark, got {angle}"
    );
    let first_paint = content
        .operations
        .iter()
        .position(|op| matches!(op.operator.as_str(), "Tj" | "TJ" | "re" | "Do" | "S"))
        .unwrap();
    assert_eq!(
        content.operations[first_paint].operator, "Tj",
        "watermark text comes first"
    );
    assert_eq!(content.operations[0].operator, "BMC");
    assert_eq!(
        content.operations[0].operands[0].as_name().unwrap(),
        b"Artifact"
    );
}

#[test]
fn rects_lines_and_images_are_painted() {
    let doc = load(&draw(&sample()).unwrap());
    let page = pages(&doc)[0];
    let content = doc.get_and_decode_page_content(page).unwrap();
    let ops: Vec<&str> = content
        .operations
        .iter()
        .map(|op| op.operator.as_str())
        .collect();
    assert_eq!(ops.iter().filter(|o| **o == "re").count(), 2);
    assert!(ops.windows(2).any(|w| w == ["re", "f"]), "rects are filled");
    assert!(
        ops.contains(&"S") && ops.contains(&"RG") && ops.contains(&"w"),
        "lines are stroked"
    );
    // Two good images drawn, the broken one skipped.
    assert_eq!(ops.iter().filter(|o| **o == "Do").count(), 2);

    let resources = dict(&doc, doc.get_dictionary(page).unwrap(), "Resources");
    let xobjects = dict(&doc, resources, "XObject");
    let mut sizes = Vec::new();
    let mut masked = 0;
    for (_, obj) in xobjects.iter() {
        let image = deref(&doc, obj).as_stream().unwrap();
        assert_eq!(
            image.dict.get(b"Subtype").unwrap().as_name().unwrap(),
            b"Image"
        );
        let w = image.dict.get(b"Width").unwrap().as_i64().unwrap();
        let h = image.dict.get(b"Height").unwrap().as_i64().unwrap();
        let pixels = image.decompressed_content().unwrap();
        if let Ok(space) = image.dict.get(b"ColorSpace").and_then(Object::as_array) {
            assert_eq!(space[0].as_name().unwrap(), b"Indexed");
            assert_eq!(pixels, [1, 1]);
        } else if let Ok(mask) = image.dict.get(b"SMask") {
            masked += 1;
            let mask = deref(&doc, mask).as_stream().unwrap();
            assert_eq!(mask.decompressed_content().unwrap(), vec![128; 4]);
            assert_eq!(pixels, [10, 120, 200].repeat(4));
        } else {
            assert_eq!(pixels, [200, 30, 30].repeat(6));
        }
        sizes.push((w, h));
    }
    sizes.sort();
    assert_eq!(sizes, [(2, 1), (2, 2), (3, 2)]);
    assert_eq!(masked, 1);
    let second = doc.get_and_decode_page_content(pages(&doc)[1]).unwrap();
    let names: Vec<&[u8]> = second
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .map(|op| op.operands[0].as_name().unwrap())
        .collect();
    assert_eq!(names.len(), 3);
    assert_eq!(names[0], names[1], "equal images share one XObject");
    assert_ne!(names[0], names[2]);
}

#[test]
fn jpeg_is_embedded_as_dct() {
    // 34x47 baseline RGB JPEG (a thumbnail of the sample's cover, made with pdftoppm).
    let jpeg = include_bytes!("data/tiny.jpg");
    let document = Document {
        pages: vec![Page {
            width: A4.0,
            height: A4.1,
            items: vec![Item::Image {
                x: 100.0,
                y: 100.0,
                w: 340.0,
                h: 340.0,
                data: Arc::new(jpeg.to_vec()),
            }],
        }],
        outline: Vec::new(),
        metadata: Metadata::default(),
    };
    let doc = load(&draw(&document).unwrap());
    let page = pages(&doc)[0];
    let resources = dict(&doc, doc.get_dictionary(page).unwrap(), "Resources");
    let xobjects = dict(&doc, resources, "XObject");
    assert_eq!(xobjects.len(), 1);
    let (_, image) = xobjects.iter().next().unwrap();
    let image = deref(&doc, image).as_stream().unwrap();
    assert_eq!(
        image.dict.get(b"Filter").unwrap().as_name().unwrap(),
        b"DCTDecode"
    );
    assert_eq!(image.dict.get(b"Width").unwrap().as_i64().unwrap(), 34);
    assert_eq!(image.dict.get(b"Height").unwrap().as_i64().unwrap(), 47);
    assert_eq!(
        image.dict.get(b"ColorSpace").unwrap().as_name().unwrap(),
        b"DeviceRGB"
    );
    assert_eq!(
        image.content,
        jpeg.to_vec(),
        "the JPEG is embedded unchanged"
    );
    // Fitted into the 340 x 340 box keeping its aspect ratio, centred horizontally.
    let content = doc.get_and_decode_page_content(page).unwrap();
    let cm = content
        .operations
        .iter()
        .find(|op| op.operator == "cm")
        .unwrap();
    let m: Vec<f32> = cm.operands.iter().map(number).collect();
    assert!((m[3] - 340.0).abs() < 0.01, "{m:?}");
    assert!((m[0] - 340.0 * 34.0 / 47.0).abs() < 0.01, "{m:?}");
    assert!(
        (m[4] - (100.0 + (340.0 - m[0]) / 2.0)).abs() < 0.01,
        "{m:?}"
    );
    assert!((m[5] - (A4.1 - 440.0)).abs() < 0.01, "{m:?}");
}

#[test]
fn links_point_to_uris_and_pages() {
    let doc = load(&draw(&sample()).unwrap());
    let ids = pages(&doc);
    let annots = doc.get_page_annotations(ids[0]).unwrap();
    assert_eq!(annots.len(), 2);
    let mut uri = None;
    let mut goto = None;
    for annot in annots {
        assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        let action = dict(&doc, annot, "A");
        match action.get(b"S").unwrap().as_name().unwrap() {
            b"URI" => uri = Some(text_of(action.get(b"URI").unwrap())),
            b"GoTo" => goto = Some(action.get(b"D").unwrap().as_array().unwrap().clone()),
            other => panic!("unexpected action {other:?}"),
        }
        let rect: Vec<f32> = annot
            .get(b"Rect")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(number)
            .collect();
        // Top-left y 340/360, height 14: PDF y from the bottom.
        assert!((rect[3] - rect[1] - 14.0).abs() < 0.01);
        assert!(rect[3] > A4.1 - 361.0 && rect[3] < A4.1 - 339.0, "{rect:?}");
    }
    assert_eq!(uri.as_deref(), Some("https://banggaikab.go.id"));
    let dest = goto.expect("a GoTo link");
    assert_eq!(dest[0].as_reference().unwrap(), ids[2]);
    assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
    // The landscape page is A4.0 high; top 100 from its top edge.
    assert!((number(&dest[3]) - (A4.0 - 100.0)).abs() < 0.01);
}

#[test]
fn outline_is_nested_with_destinations() {
    let doc = load(&draw(&sample()).unwrap());
    let ids = pages(&doc);
    let cat = catalog(&doc);
    assert_eq!(
        cat.get(b"PageMode").unwrap().as_name().unwrap(),
        b"UseOutlines"
    );
    let outlines = dict(&doc, cat, "Outlines");

    // (title, depth, page index, top) in reading order, with /Parent and /Prev checked on the way.
    fn walk(
        doc: &lopdf::Document,
        parent: ObjectId,
        first: Option<&Object>,
        depth: usize,
        ids: &[ObjectId],
        out: &mut Vec<(String, usize, usize, f32)>,
    ) -> usize {
        let mut next = first.map(|o| o.as_reference().unwrap());
        let mut prev: Option<ObjectId> = None;
        let mut count = 0;
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            assert_eq!(item.get(b"Parent").unwrap().as_reference().unwrap(), parent);
            assert_eq!(
                item.get(b"Prev").ok().map(|p| p.as_reference().unwrap()),
                prev
            );
            let dest = item.get(b"Dest").unwrap().as_array().unwrap();
            let page = ids
                .iter()
                .position(|p| *p == dest[0].as_reference().unwrap())
                .unwrap();
            assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
            out.push((
                text_of(item.get(b"Title").unwrap()),
                depth,
                page,
                number(&dest[3]),
            ));
            count += 1;
            let children = walk(doc, id, item.get(b"First").ok(), depth + 1, ids, out);
            if children > 0 {
                let c = item.get(b"Count").unwrap().as_i64().unwrap();
                assert!(
                    c.unsigned_abs() as usize >= 1,
                    "Count on an entry with children"
                );
                assert!(item.get(b"Last").is_ok());
            }
            prev = Some(id);
            next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
        }
        count
    }
    let root_id = cat.get(b"Outlines").unwrap().as_reference().unwrap();
    let mut entries = Vec::new();
    let top = walk(
        &doc,
        root_id,
        outlines.get(b"First").ok(),
        0,
        &ids,
        &mut entries,
    );
    assert_eq!(top, 3);
    let shape: Vec<(&str, usize, usize)> = entries
        .iter()
        .map(|(t, d, p, _)| (t.as_str(), *d, *p))
        .collect();
    assert_eq!(
        shape,
        [
            ("Ringkasan Eksekutif", 0, 0),
            ("Bab 1 Pendahuluan", 0, 1),
            ("1.1 Latar Belakang", 1, 1),
            ("1.1.1 Dasar Hukum", 2, 1),
            ("1.2 Maksud dan Tujuan", 1, 1),
            ("Bab 2 Peta Jalan – Rp1,25 miliar", 0, 2),
        ]
    );
    assert!((entries[2].3 - (A4.1 - 300.0)).abs() < 0.01);
    assert!((entries[5].3 - (A4.0 - 80.0)).abs() < 0.01);
    // Chapters open (their sections visible), sections closed.
    let bab1 = doc
        .get_dictionary(outlines.get(b"First").unwrap().as_reference().unwrap())
        .unwrap()
        .get(b"Next")
        .unwrap()
        .as_reference()
        .unwrap();
    assert_eq!(
        doc.get_dictionary(bab1)
            .unwrap()
            .get(b"Count")
            .unwrap()
            .as_i64()
            .unwrap(),
        2
    );
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 5);
}

#[test]
fn outline_level_jumps_nest_under_the_last_lower_level() {
    let mut document = sample();
    let entry = |title: &str, level: u8| OutlineEntry {
        title: title.to_string(),
        level,
        page: 1,
        y: 0.0,
    };
    document.outline = vec![
        entry("Bab 1", 1),
        entry("1.1.1", 3),
        entry("1.2", 2),
        entry("Bab 2", 1),
    ];
    let doc = load(&draw(&document).unwrap());
    let outlines = dict(&doc, catalog(&doc), "Outlines");
    let item = |id: &Object| doc.get_dictionary(id.as_reference().unwrap()).unwrap();
    let bab1 = item(outlines.get(b"First").unwrap());
    assert_eq!(text_of(bab1.get(b"Title").unwrap()), "Bab 1");
    let first = item(bab1.get(b"First").unwrap());
    let last = item(bab1.get(b"Last").unwrap());
    assert_eq!(text_of(first.get(b"Title").unwrap()), "1.1.1");
    assert_eq!(text_of(last.get(b"Title").unwrap()), "1.2");
    assert_eq!(bab1.get(b"Count").unwrap().as_i64().unwrap(), 2);
    let bab2 = item(bab1.get(b"Next").unwrap());
    assert_eq!(text_of(bab2.get(b"Title").unwrap()), "Bab 2");
    assert!(bab2.get(b"First").is_err());
    // Destinations at y = 0 point at the top edge of the page.
    let dest = first.get(b"Dest").unwrap().as_array().unwrap();
    assert!((number(&dest[3]) - A4.1).abs() < 0.01);
}

#[test]
fn metadata_language_and_id() {
    let bytes = draw(&sample()).unwrap();
    let doc = load(&bytes);
    let info = deref(&doc, doc.trailer.get(b"Info").unwrap())
        .as_dict()
        .unwrap();
    assert_eq!(
        text_of(info.get(b"Title").unwrap()),
        "Masterplan Smart City Kabupaten Banggai"
    );
    assert_eq!(text_of(info.get(b"Author").unwrap()), "Kabupaten Banggai");
    assert_eq!(
        text_of(info.get(b"Subject").unwrap()),
        "Masterplan Smart City 2026–2030"
    );
    assert_eq!(
        text_of(info.get(b"Keywords").unwrap()),
        "smart city, Banggai"
    );
    assert_eq!(text_of(info.get(b"Producer").unwrap()), "masterplan");
    assert!(info.get(b"CreationDate").is_err() && info.get(b"ModDate").is_err());
    assert_eq!(text_of(catalog(&doc).get(b"Lang").unwrap()), "id");

    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2);
    for part in id {
        let s = part.as_str().unwrap();
        assert_eq!(s.len(), 16);
        assert!(s.iter().any(|b| *b != 0));
    }
    assert!(!String::from_utf8_lossy(&bytes).contains("CreationDate"));
}

#[test]
fn output_is_deterministic_and_content_derived() {
    let a = draw(&sample()).unwrap();
    let b = draw(&sample()).unwrap();
    assert!(a == b, "two draws of the same document differ");
    let mut changed = sample();
    changed.pages[1]
        .items
        .push(text(72.0, 140.0, FontId::Regular, Rgb::BLACK, "Bab 2"));
    let c = draw(&changed).unwrap();
    assert!(a != c);
    let id = |bytes: &[u8]| load(bytes).trailer.get(b"ID").unwrap().as_array().unwrap()[0].clone();
    assert_ne!(id(&a), id(&c));
}

#[test]
fn content_is_compressed_and_a_long_document_stays_small() {
    let line =
        "Program prioritas Dinas Komunikasi dan Informatika: anggaran Rp1.250.000.000 (2026–2030)";
    let page = |n: usize| Page {
        width: A4.0,
        height: A4.1,
        items: (0..48)
            .map(|i| {
                text(
                    56.0,
                    60.0 + i as f32 * 15.0,
                    FontId::ALL[i % 5],
                    Rgb::BLACK,
                    &format!("{n}.{i} {line}"),
                )
            })
            .chain([
                Item::Rect {
                    x: 56.0,
                    y: 40.0,
                    w: 480.0,
                    h: 12.0,
                    fill: NAVY,
                },
                Item::Line {
                    x1: 56.0,
                    y1: 800.0,
                    x2: 540.0,
                    y2: 800.0,
                    width: 0.5,
                    color: Rgb::BLACK,
                },
            ])
            .collect(),
    };
    let document = Document {
        pages: (0..45).map(page).collect(),
        outline: Vec::new(),
        metadata: Metadata::default(),
    };
    let bytes = draw(&document).unwrap();
    assert!(bytes.len() < 500_000, "45 pages took {} bytes", bytes.len());
    let doc = load(&bytes);
    assert_eq!(pages(&doc).len(), 45);
    let first = doc.get_dictionary(pages(&doc)[0]).unwrap();
    let contents = deref(&doc, first.get(b"Contents").unwrap())
        .as_stream()
        .unwrap();
    assert_eq!(
        contents.dict.get(b"Filter").unwrap().as_name().unwrap(),
        b"FlateDecode"
    );
    assert!(
        doc.extract_text(&[45])
            .unwrap()
            .contains("44.47 Program prioritas")
    );
    assert!(catalog(&doc).get(b"Outlines").is_err());
}

#[test]
fn hostile_values_do_not_break_the_file() {
    let document = Document {
        pages: vec![Page {
            width: f32::NAN,
            height: -5.0,
            items: vec![
                Item::Text {
                    x: f32::INFINITY,
                    y: f32::NAN,
                    font: FontId::Regular,
                    size: f32::NAN,
                    color: Rgb(2.0, -1.0, f32::NAN),
                    text: "\u{0}\t漢字 🙂".to_string(),
                },
                Item::GotoLink {
                    x: 0.0,
                    y: 0.0,
                    w: 10.0,
                    h: 10.0,
                    page: 99,
                    top: 0.0,
                },
                // A face none of whose characters it has: nothing to embed or show.
                Item::Text {
                    x: 10.0,
                    y: 10.0,
                    font: FontId::Mono,
                    size: 10.0,
                    color: Rgb::BLACK,
                    text: "漢字".to_string(),
                },
                Item::Watermark {
                    text: "草稿".to_string(),
                    size: 50.0,
                    color: Rgb::BLACK,
                },
                Item::Image {
                    x: 0.0,
                    y: 0.0,
                    w: 10.0,
                    h: 10.0,
                    data: Arc::new(vec![0xFF, 0xD8, 0xFF]),
                },
            ],
        }],
        outline: vec![OutlineEntry {
            title: String::new(),
            level: 7,
            page: 42,
            y: f32::NAN,
        }],
        metadata: Metadata::default(),
    };
    let doc = load(&draw(&document).unwrap());
    assert_eq!(pages(&doc).len(), 1);
    let page = pages(&doc)[0];
    assert!(doc.get_page_annotations(page).unwrap().is_empty());
    // Every font the content selects exists in the page's resources.
    let fonts = doc.get_page_fonts(page).unwrap();
    let content = doc.get_and_decode_page_content(page).unwrap();
    let selected: Vec<&[u8]> = content
        .operations
        .iter()
        .filter(|op| op.operator == "Tf")
        .map(|op| op.operands[0].as_name().unwrap())
        .collect();
    assert_eq!(selected.len(), 1, "only the Regular run is drawn");
    for name in selected {
        assert!(fonts.contains_key(name));
    }
    assert!(
        draw(&Document {
            pages: Vec::new(),
            outline: Vec::new(),
            metadata: Metadata::default()
        })
        .is_err()
    );
}

/// Not a timed assertion: `cargo test --release --test pdf_draw -- --ignored --nocapture`
/// prints how long a 1700-page document takes to draw.
#[test]
#[ignore]
fn measure_1700_pages() {
    let line =
        "Program prioritas Dinas Komunikasi dan Informatika: anggaran Rp1.250.000.000 (2026–2030)";
    let page = |n: usize| Page {
        width: A4.0,
        height: A4.1,
        items: (0..50)
            .map(|i| {
                text(
                    56.0,
                    60.0 + i as f32 * 15.0,
                    FontId::styled(i % 7 == 0, i % 5 == 0),
                    Rgb::BLACK,
                    &format!("{n}.{i} {line}"),
                )
            })
            .chain([Item::Rect {
                x: 56.0,
                y: 40.0,
                w: 480.0,
                h: 12.0,
                fill: NAVY,
            }])
            .collect(),
    };
    let document = Document {
        pages: (0..1700).map(page).collect(),
        outline: (0..1700)
            .step_by(10)
            .map(|p| OutlineEntry {
                title: format!("Bagian {p}"),
                level: 1 + (p % 3) as u8,
                page: p,
                y: 60.0,
            })
            .collect(),
        metadata: Metadata::default(),
    };
    let _ = draw(&sample()).unwrap(); // font parsing, once per process
    let start = std::time::Instant::now();
    let bytes = draw(&document).unwrap();
    eprintln!("1700 pages: {:?}, {} bytes", start.elapsed(), bytes.len());
}
