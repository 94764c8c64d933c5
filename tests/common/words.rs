//! Word positions read back from a produced PDF: every text run of every page decoded through its
//! font's ToUnicode map (lopdf), split into words, each placed with its width measured from the
//! bundled font the run is set in (the same advances the file's /W arrays carry). Positions are
//! in points from the page's top-left corner; `y` is the baseline.

use std::collections::BTreeMap;

use lopdf::{Document, Encoding, Object};
use masterplan::typeset::fonts::{FontId, text_width};

#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

impl Word {
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub number: usize,
    pub width: f32,
    pub height: f32,
    /// Words in reading order (top to bottom, then left to right).
    pub words: Vec<Word>,
}

impl Page {
    /// Words grouped by baseline (within 1 pt), each line left to right, lines top to bottom.
    pub fn lines(&self) -> Vec<Vec<Word>> {
        let mut out: Vec<Vec<Word>> = Vec::new();
        for w in &self.words {
            match out.last_mut() {
                Some(line) if (line[0].y - w.y).abs() <= 1.0 => line.push(w.clone()),
                _ => out.push(vec![w.clone()]),
            }
        }
        for line in &mut out {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
        }
        out
    }

    /// The words of the text block: without the running header and footer (their baselines
    /// within 60 pt of the paper's edge).
    pub fn body(&self) -> Vec<&Word> {
        self.words
            .iter()
            .filter(|w| w.y > 60.0 && w.y < self.height - 60.0)
            .collect()
    }

    /// The page's text, words joined with spaces.
    pub fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }
}

fn number(obj: &Object) -> f32 {
    obj.as_float()
        .or_else(|_| obj.as_i64().map(|i| i as f32))
        .unwrap_or(0.0)
}

fn face(base_font: &str) -> FontId {
    let name = base_font.rsplit('+').next().unwrap_or(base_font);
    FontId::ALL
        .into_iter()
        .find(|f| f.name() == name)
        .unwrap_or(FontId::Regular)
}

/// Every page of the PDF with its words.
pub fn pages(pdf: &[u8]) -> Vec<Page> {
    let doc = Document::load_mem(pdf).expect("the output parses as PDF");
    let mut out = Vec::new();
    for (page_no, id) in doc.get_pages() {
        let dict = doc.get_dictionary(id).expect("page dictionary");
        let media: Vec<f32> = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok().cloned())
            .map(|a| a.iter().map(number).collect())
            .unwrap_or_else(|| vec![0.0, 0.0, 0.0, 0.0]);
        let (width, height) = (media[2] - media[0], media[3] - media[1]);
        let mut fonts: BTreeMap<Vec<u8>, (Encoding, FontId)> = BTreeMap::new();
        for (name, font) in doc.get_page_fonts(id).expect("page fonts") {
            let base = font
                .get(b"BaseFont")
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let encoding = font.get_font_encoding(&doc).expect("font encoding");
            fonts.insert(name, (encoding, face(&base)));
        }
        let content = doc.get_and_decode_page_content(id).expect("page content");
        let mut words = Vec::new();
        let (mut x, mut y, mut upright) = (0.0f32, 0.0f32, true);
        let mut font: Option<Vec<u8>> = None;
        let mut size = 0.0f32;
        for op in &content.operations {
            match op.operator.as_str() {
                "BT" => (x, y, upright) = (0.0, 0.0, true),
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    size = op.operands.get(1).map_or(0.0, number);
                }
                "Tm" => {
                    upright = number(&op.operands[1]).abs() < 1e-6;
                    x = number(&op.operands[4]);
                    y = number(&op.operands[5]);
                }
                "Td" | "TD" => {
                    x += number(&op.operands[0]);
                    y += number(&op.operands[1]);
                }
                "Tj" | "TJ" if upright => {
                    let Some((encoding, id)) = font.as_ref().and_then(|f| fonts.get(f)) else {
                        continue;
                    };
                    let pieces: Vec<&Object> = match &op.operands[0] {
                        Object::Array(items) => items.iter().collect(),
                        other => vec![other],
                    };
                    let mut text = String::new();
                    for piece in pieces {
                        if let Ok(bytes) = piece.as_str() {
                            text.push_str(
                                &Document::decode_text(encoding, bytes).unwrap_or_default(),
                            );
                        }
                    }
                    // Split the run into words, each at its offset in the run.
                    let mut offset = 0.0;
                    for (i, part) in text.split(' ').enumerate() {
                        if i > 0 {
                            offset += text_width(*id, size, " ");
                        }
                        let w = text_width(*id, size, part);
                        if !part.is_empty() {
                            words.push(Word {
                                x: x + offset,
                                y: height - y,
                                w,
                                size,
                                bold: matches!(id, FontId::Bold | FontId::BoldItalic),
                                text: part.to_string(),
                            });
                        }
                        offset += w;
                    }
                }
                _ => {}
            }
        }
        words.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        out.push(Page {
            number: page_no as usize,
            width,
            height,
            words,
        });
    }
    out
}
