//! The files `masterplan init` writes: masterplan.yaml and one pokja file per dimension of the
//! built-in taxonomy, every field present or shown commented (Indonesian, or English with
//! `--language en`), one worked example programme per dimension.
//!
//! The output is plain string building, deterministic, and valid YAML whatever the region or
//! province name holds: every value that comes from the options is written as a double-quoted
//! YAML scalar. The scaffold passes `masterplan check`; the only warnings are the elements that
//! have no programme yet, which each pokja file says in its header.

use std::fmt::Write as _;

use crate::model::{Language, RegionType, Year};
use crate::taxonomy::Taxonomy;

mod examples;
mod masterplan;
mod pokja;

use examples::{DESA_EXAMPLES, EXAMPLES, Opd, Role, opd_for};
use masterplan::masterplan_yaml;
use pokja::pokja_yaml;

#[derive(Debug, Clone)]
pub struct InitOptions {
    pub region: String,
    pub kind: RegionType,
    pub province: Option<String>,
    pub start_year: Year,
    pub years: u32,
    pub language: Language,
}

/// (path relative to the project folder, content), in the order they should be written.
pub fn files(options: &InitOptions) -> Vec<(String, String)> {
    let taxonomy = Taxonomy::default_builtin();
    let ctx = Ctx::new(options);
    let prefixes = crate::synth::prefixes(&taxonomy);
    let mut out = vec![("masterplan.yaml".to_string(), masterplan_yaml(&ctx))];
    for (i, d) in taxonomy.dimensions.iter().enumerate() {
        let prefix = prefixes.get(i).cloned().unwrap_or_else(|| format!("D{i}"));
        let id = format!("{prefix}-01");
        out.push((format!("pokja/{}.yaml", d.key), pokja_yaml(&ctx, d, i, &id)));
    }
    out
}

/// One pokja file for an existing project (`masterplan init DIR --pokja KEY`): the dimension
/// `key` of the project's taxonomy, with one worked example programme. OPD codes of the example
/// that the project does not define are replaced by the project's first OPD (`coordinator`,
/// `lead`) or left out (`members`, `support`), so that the file checks clean in that project.
/// None when the taxonomy has no dimension `key`.
pub fn pokja_file(
    options: &InitOptions,
    taxonomy: &Taxonomy,
    key: &str,
    project_opd: &[String],
) -> Option<(String, String)> {
    let index = taxonomy.dimensions.iter().position(|d| d.key == key)?;
    let d = &taxonomy.dimensions[index];
    let prefixes = crate::synth::prefixes(taxonomy);
    let prefix = prefixes
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("D{index}"));
    let text = pokja_yaml(&Ctx::new(options), d, index, &format!("{prefix}-01"));
    Some((
        format!("pokja/{key}.yaml"),
        use_known_opd(&text, project_opd),
    ))
}

/// Rewrite the OPD codes of the fields `coordinator`, `lead`, `members` and `support` (outside
/// comments) to codes the project defines.
fn use_known_opd(text: &str, known: &[String]) -> String {
    let Some(first) = known.first() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    // The coordinator or lead last written: members and support leave it out.
    let mut head = String::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        let rewritten = body
            .trim_start()
            .split_once(": ")
            .and_then(|(field, value)| {
                let value = value.trim();
                match field {
                    "coordinator" | "lead" => {
                        head = if known.iter().any(|k| k == value) {
                            value.to_string()
                        } else {
                            first.clone()
                        };
                        Some(head.clone())
                    }
                    "members" | "support" => {
                        let inner = value.strip_prefix('[')?.strip_suffix(']')?;
                        let mut kept: Vec<&str> = Vec::new();
                        for code in inner.split(',').map(str::trim) {
                            if known.iter().any(|k| k == code)
                                && code != head
                                && !kept.contains(&code)
                            {
                                kept.push(code);
                            }
                        }
                        Some(format!("[{}]", kept.join(", ")))
                    }
                    _ => None,
                }
                .map(|v| format!("{}{field}: {v}", &body[..indent]))
            });
        match rewritten {
            Some(r) => {
                out.push_str(&r);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// A YAML double-quoted scalar holding `s` exactly.
pub(super) fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(o, "\\x{:02x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Everything the templates need, derived once from the options.
pub(super) struct Ctx<'a> {
    pub(super) o: &'a InitOptions,
    pub(super) en: bool,
    /// "Kabupaten Banggai" / "Banggai Regency".
    pub(super) full_name: String,
    /// Bupati / Wali Kota / Gubernur / Kepala Desa (or the English word).
    pub(super) head: &'static str,
    pub(super) end_year: Year,
}

impl<'a> Ctx<'a> {
    fn new(o: &'a InitOptions) -> Self {
        let en = o.language == Language::En;
        let name = o.region.trim();
        let full_name = match (en, o.kind) {
            (false, RegionType::Kabupaten) => format!("Kabupaten {name}"),
            (false, RegionType::Kota) => format!("Kota {name}"),
            (false, RegionType::Provinsi) => format!("Provinsi {name}"),
            (false, RegionType::Desa) => format!("Desa {name}"),
            (true, RegionType::Kabupaten) => format!("{name} Regency"),
            (true, RegionType::Kota) => format!("{name} City"),
            (true, RegionType::Provinsi) => format!("{name} Province"),
            (true, RegionType::Desa) => format!("{name} Village"),
        };
        let head = match (en, o.kind) {
            (false, RegionType::Kabupaten) => "Bupati",
            (false, RegionType::Kota) => "Wali Kota",
            (false, RegionType::Provinsi) => "Gubernur",
            (false, RegionType::Desa) => "Kepala Desa",
            (true, RegionType::Kabupaten) => "Regent (Bupati)",
            (true, RegionType::Kota) => "Mayor (Wali Kota)",
            (true, RegionType::Provinsi) => "Governor (Gubernur)",
            (true, RegionType::Desa) => "Village Head (Kepala Desa)",
        };
        let years = i32::try_from(o.years.max(1)).unwrap_or(1);
        Ctx {
            o,
            en,
            full_name,
            head,
            end_year: o.start_year.saturating_add(years - 1),
        }
    }

    /// The text in the scaffold's language.
    /// `t` with the words of a village (`type: desa`) where they differ from a region's.
    fn v<'s>(&self, region: (&'s str, &'s str), village: (&'s str, &'s str)) -> &'s str {
        let (id, en) = if self.o.kind == RegionType::Desa {
            village
        } else {
            region
        };
        self.t(id, en)
    }

    fn t<'s>(&self, id: &'s str, en: &'s str) -> &'s str {
        if self.en { en } else { id }
    }

    /// A year `offset` years into the period, never past its end.
    fn year(&self, offset: i32) -> Year {
        self.o.start_year.saturating_add(offset).min(self.end_year)
    }

    fn opd(&self, role: Role) -> Opd {
        opd_for(self.o.kind, role)
    }
}

/// The description of the example programme of a dimension without a worked example.
pub(super) const FALLBACK_DESCRIPTION: (&str, &str) = (
    "Uraikan program: apa yang dibangun, untuk siapa, dan bagaimana dilaksanakan.",
    "Describe the programme: what is built, for whom, and how it is carried out.",
);

/// True when a programme's description is still that of an example `masterplan init` writes
/// (a worked example's, in either language, or the placeholder): the example was not replaced,
/// even if its name was. Used by `check` to warn (W0221) before the example text reaches the
/// document.
pub fn is_example_description(description: Option<&str>) -> bool {
    let Some(description) = description.map(str::trim) else {
        return false;
    };
    description == FALLBACK_DESCRIPTION.0
        || description == FALLBACK_DESCRIPTION.1
        || EXAMPLES
            .iter()
            .chain(DESA_EXAMPLES)
            .any(|e| description == e.description.0.trim() || description == e.description.1.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_read_back_exactly() {
        for s in [
            "Banggai",
            "Kota \"Lama\": Timur # 2",
            "back\\slash",
            "line\nbreak\ttab",
            "- starts like a list",
            "yes",
            "2023",
            "bell\u{7}",
            "Bau-Bau's ümlaut 漢字",
        ] {
            let yaml = format!("v: {}\n", q(s));
            let back: std::collections::BTreeMap<String, String> =
                crate::yaml::from_str(&yaml, "t").unwrap();
            assert_eq!(back["v"], s, "{yaml}");
        }
    }

    #[test]
    fn absurd_options_do_not_panic_and_stay_parseable() {
        for (start_year, years) in [(i32::MAX, u32::MAX), (i32::MIN, 0), (2025, 1), (0, 3)] {
            let o = InitOptions {
                region: String::new(),
                kind: RegionType::Provinsi,
                province: None,
                start_year,
                years,
                language: Language::En,
            };
            let files = files(&o);
            assert_eq!(files.len(), 7);
            let m: crate::model::Masterplan = crate::yaml::from_str(&files[0].1, "m").unwrap();
            assert_eq!(m.period.start_year, start_year);
            for (path, src) in &files[1..] {
                crate::yaml::from_str::<crate::model::Pokja>(src, path).unwrap();
            }
        }
    }

    #[test]
    fn every_builtin_dimension_has_a_worked_example_of_its_own_element() {
        let t = Taxonomy::default_builtin();
        for d in &t.dimensions {
            for list in [EXAMPLES, DESA_EXAMPLES] {
                let e = list.iter().find(|e| e.dimension == d.key).unwrap();
                assert!(d.element(e.element).is_some(), "{}", d.key);
            }
        }
    }
}
