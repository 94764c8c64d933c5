//! Caption numbers. A template writes a caption as a paragraph whose bold label has no number
//! yet (`**Tabel** Ringkasan Kesiapan`, `**Gambar** …`; English `Table` / `Figure`); this pass
//! numbers them per chapter as Indonesian documents do (`**Tabel 3.2**` in `BAB III`; in a
//! chapter without a number, `Tabel 1`, `Tabel 2`, …). Every chart (a Mermaid `gantt` or
//! `xychart-beta` with a `title`) that a template did not caption gets a figure caption below
//! it from its title, so a new chart is in the list of figures without a template change.
//! Already numbered labels are kept as written. Fenced code and `pdf:skip` blocks are left as
//! they are.

use super::escape;
use crate::model::Language;

/// The label words of a language: (table, figure).
fn words(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::Id => ("Tabel", "Gambar"),
        Language::En => ("Table", "Figure"),
    }
}

/// The chapter number of a level-1 heading: `BAB XII …` -> 12, `CHAPTER 3 …` -> 3.
fn chapter_number(heading: &str) -> Option<u32> {
    let mut words = heading.split_whitespace();
    let first = words.next()?;
    if !matches!(first.to_lowercase().as_str(), "bab" | "chapter") {
        return None;
    }
    let number = words.next()?;
    words.next()?;
    if let Ok(n) = number.parse::<u32>() {
        return Some(n);
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = number.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

/// The title of a chart's Mermaid source, decoded, when the source is a chart.
fn chart_title(source: &[&str]) -> Option<String> {
    let mut lines = source.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let kind = lines.next()?;
    if kind != "gantt" && kind != "quadrantChart" && !kind.starts_with("xychart") {
        return None;
    }
    let title = lines.find_map(|l| l.strip_prefix("title "))?.trim();
    let title = title
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(title);
    let title = crate::typeset::chart::clean(title);
    (!title.is_empty()).then_some(title)
}

struct Counter {
    chapter: Option<u32>,
    tables: u32,
    figures: u32,
}

impl Counter {
    fn next(&mut self, figure: bool) -> String {
        let n = if figure {
            &mut self.figures
        } else {
            &mut self.tables
        };
        *n += 1;
        match self.chapter {
            Some(c) => format!("{c}.{n}"),
            None => n.to_string(),
        }
    }
}

/// Number the captions of finished Markdown (see the module documentation).
pub fn number(markdown: &str, language: Language) -> String {
    let (table, figure) = words(language);
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out = String::with_capacity(markdown.len() + 1024);
    let mut counter = Counter {
        chapter: None,
        tables: 0,
        figures: 0,
    };
    let mut fence: Option<(char, usize)> = None;
    let mut chart_from: Option<usize> = None;
    let mut skip = false;
    let mut front_matter = false;
    for (i, line) in lines.iter().enumerate() {
        let line = *line;
        if i == 0 && line == "---" {
            front_matter = true;
        } else if front_matter {
            front_matter = line != "---" && line != "...";
        } else if escape::update_fence(line, &mut fence) {
            if fence.is_some() {
                let info = line.trim_start().trim_start_matches(['`', '~']).trim();
                chart_from = (!skip && info.eq_ignore_ascii_case("mermaid")).then_some(i + 1);
            } else if let Some(from) = chart_from.take() {
                out.push_str(line);
                out.push('\n');
                let captioned = lines
                    .iter()
                    .skip(i + 1)
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| l.starts_with(&format!("**{figure}")));
                if !captioned && let Some(title) = chart_title(&lines[from..i]) {
                    out.push('\n');
                    out.push_str(&format!(
                        "**{figure} {}** {}\n",
                        counter.next(true),
                        escape::inline(&title)
                    ));
                }
                continue;
            }
        } else if fence.is_none() {
            match line {
                "<!-- pdf:skip -->" => skip = true,
                "<!-- /pdf:skip -->" => skip = false,
                _ if skip => {}
                _ => {
                    if let Some(heading) = line.strip_prefix("# ") {
                        counter = Counter {
                            chapter: chapter_number(heading),
                            tables: 0,
                            figures: 0,
                        };
                    }
                    if let Some(numbered) = numbered(line, &mut counter, table, figure) {
                        out.push_str(&numbered);
                        out.push('\n');
                        continue;
                    }
                }
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A template's unnumbered caption line (`**Tabel** text`) with its number.
fn numbered(line: &str, counter: &mut Counter, table: &str, figure: &str) -> Option<String> {
    let rest = line.strip_prefix("**")?;
    for (word, is_figure) in [(table, false), (figure, true)] {
        if let Some(text) = rest.strip_prefix(word).and_then(|l| l.strip_prefix("** ")) {
            return Some(format!("**{word} {}** {text}", counter.next(is_figure)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_numbers() {
        assert_eq!(chapter_number("BAB XII PETA JALAN"), Some(12));
        assert_eq!(chapter_number("BAB IV VISI"), Some(4));
        assert_eq!(chapter_number("BAB XIV M"), Some(14));
        assert_eq!(chapter_number("CHAPTER 3 ROADMAP"), Some(3));
        assert_eq!(chapter_number("BAB IV"), None);
        assert_eq!(chapter_number("LAMPIRAN"), None);
        assert_eq!(chapter_number("RINGKASAN EKSEKUTIF"), None);
    }

    #[test]
    fn captions_numbered_per_chapter_and_charts_captioned() {
        let md = "---\ntitle: x\n---\n\n# RINGKASAN\n\n**Tabel** A\n\n# BAB III ANALISIS\n\n\
                  **Tabel** B\n\n| a |\n|---|\n| 1 |\n\n```mermaid\nxychart-beta\n    title \"Kesiapan#58; Tata\"\n    bar [1]\n```\n\n\
                  **Tabel** C\n\n```text\n**Tabel** in code\n```\n\n```mermaid\ngantt\n    title Peta\n```\n\n**Gambar 9.9** Kept\n\n\
                  # BAB IV VISI\n\n**Tabel** D\n\n<!-- pdf:skip -->\n**Tabel** skipped\n<!-- /pdf:skip -->\n";
        let out = number(md, Language::Id);
        assert_eq!(
            out,
            "---\ntitle: x\n---\n\n# RINGKASAN\n\n**Tabel 1** A\n\n# BAB III ANALISIS\n\n\
             **Tabel 3.1** B\n\n| a |\n|---|\n| 1 |\n\n```mermaid\nxychart-beta\n    title \"Kesiapan#58; Tata\"\n    bar [1]\n```\n\n**Gambar 3.1** Kesiapan: Tata\n\n\
             **Tabel 3.2** C\n\n```text\n**Tabel** in code\n```\n\n```mermaid\ngantt\n    title Peta\n```\n\n**Gambar 9.9** Kept\n\n\
             # BAB IV VISI\n\n**Tabel 4.1** D\n\n<!-- pdf:skip -->\n**Tabel** skipped\n<!-- /pdf:skip -->\n"
        );
        let en = number(
            "# CHAPTER 2 X\n\n**Table** A\n\n**Figure** B\n",
            Language::En,
        );
        assert_eq!(en, "# CHAPTER 2 X\n\n**Table 2.1** A\n\n**Figure 2.1** B\n");
    }
}
