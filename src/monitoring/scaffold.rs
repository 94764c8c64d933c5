//! The file `masterplan monitoring new YEAR` writes: `monitoring/<YEAR>.yaml` listing every
//! programme active that year (start <= YEAR <= end) with `status: not_started`, and as comments
//! what the plan says about it for that year (name, lead OPD, planned budget per source, planned
//! outputs, each indicator with the year's target), so each OPD only fills in what happened.
//! A programme reported `done` or `cancelled` in an earlier year's file keeps that status.
//!
//! Plain string building, deterministic; the comments are in the document's language. Every
//! value that comes from the inputs and is written as YAML (not as a comment) is a plain id or a
//! double-quoted scalar, and comment text is kept on one line, so the file is valid YAML and
//! checks clean (no errors, no warnings) whatever the inputs hold.

use std::fmt::Write as _;

use std::collections::HashMap;

use crate::model::{Indicator, Language, Program, Project, Status, Value, Year};
use crate::plan::{Amount, planned_in_year};
use crate::render::format;
use crate::taxonomy::Taxonomy;

/// The monitoring file's path relative to the project folder.
pub fn file_name(year: Year) -> String {
    format!("{}/{year}.yaml", crate::load::MONITORING_DIR)
}

/// The programmes active in `year`, in project order (taxonomy order, then file order).
pub fn active_programs(project: &Project, year: Year) -> Vec<&Program> {
    project
        .programs()
        .map(|(_, p)| p)
        .filter(|p| p.start <= year && year <= p.end)
        .collect()
}

struct Words {
    title: &'static str,
    intro: &'static [&'static str],
    date: &'static str,
    reported_by: &'static str,
    none_active: &'static str,
    lead: &'static str,
    planned: &'static str,
    no_budget: &'static str,
    total: &'static str,
    outputs: &'static str,
    target: &'static str,
    no_target: &'static str,
    baseline: &'static str,
    lower_better: &'static str,
    progress: &'static str,
    budget: &'static str,
    delivered: &'static str,
    actual: &'static str,
    evidence: &'static str,
    notes: &'static str,
    obstacles: &'static str,
    assessment: &'static str,
    closed_in: &'static str,
}

const ID: Words = Words {
    title: "Laporan pemantauan (monitoring) tahun",
    intro: &[
        "Setiap OPD mengisi program yang diampunya: ganti `status` dan buka (hapus `# `)",
        "baris yang diperlukan. Bappeda/Diskominfo menghimpun berkas ini awal tahun berikutnya;",
        "berkas ini menjadi bahan evaluasi tahunan Kominfo (`masterplan evaluate`).",
        "status: not_started (belum mulai) | on_track (sesuai jadwal) | delayed (terlambat)",
        "      | done (selesai) | cancelled (dibatalkan)",
        "Angka ditulis tanpa titik ribuan: 250000000, bukan 250.000.000.",
    ],
    date: "tanggal laporan dihimpun (YYYY-MM-DD)",
    reported_by: "kode OPD penghimpun",
    none_active: "Tidak ada program yang berjalan pada tahun ini.",
    lead: "OPD pengampu",
    planned: "Anggaran rencana",
    no_budget: "tidak ada anggaran rencana",
    total: "jumlah",
    outputs: "Keluaran rencana",
    target: "target",
    no_target: "tanpa target tahun ini",
    baseline: "baseline",
    lower_better: "makin kecil makin baik",
    progress: "persen pekerjaan yang direncanakan s.d. tahun ini, 0-100",
    budget: "realisasi belanja tahun ini, Rupiah",
    delivered: "keluaran yang sudah dihasilkan",
    actual: "realisasi indikator tahun ini",
    evidence: "tautan atau berkas di folder proyek",
    notes: "catatan",
    obstacles: "kendala (wajib bila delayed)",
    assessment: "Penilaian mandiri lima dimensi evaluasi, skor 0-5 (opsional):",
    closed_in: "menurut laporan tahun",
};

const EN: Words = Words {
    title: "Monitoring report for the year",
    intro: &[
        "Each OPD fills in its own programmes: change `status` and uncomment (remove `# `)",
        "the lines it needs. Bappeda/Diskominfo compiles this file early the next year; it",
        "feeds the yearly Kominfo evaluation (`masterplan evaluate`).",
        "status: not_started | on_track | delayed | done | cancelled",
        "Numbers are written without thousands separators: 250000000.",
    ],
    date: "when the report was compiled (YYYY-MM-DD)",
    reported_by: "the compiling OPD's code",
    none_active: "No programme runs in this year.",
    lead: "Lead OPD",
    planned: "Planned budget",
    no_budget: "no planned budget",
    total: "total",
    outputs: "Planned outputs",
    target: "target",
    no_target: "no target this year",
    baseline: "baseline",
    lower_better: "lower is better",
    progress: "percent of the work planned up to this year, 0-100",
    budget: "money spent this year, Rupiah",
    delivered: "outputs delivered",
    actual: "actual value of each indicator this year",
    evidence: "links or files in the project folder",
    notes: "notes",
    obstacles: "obstacles (required when delayed)",
    assessment: "Self-assessment on the five evaluation dimensions, scores 0-5 (optional):",
    closed_in: "as reported for",
};

/// Comment text on one line.
fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML double-quoted scalar holding `s` exactly.
fn q(s: &str) -> String {
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

/// A mapping key: plain when it is a programme id (`[A-Z0-9-]+`), else double-quoted.
fn key(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    if plain { s.to_string() } else { q(s) }
}

fn value(v: &Value, language: Language) -> String {
    match v {
        Value::Number(x) => format::decimal(*x, 2, language),
        Value::Text(t) => line(t),
    }
}

/// The text of `monitoring/<year>.yaml` for the project.
pub fn monitoring_yaml(project: &Project, taxonomy: Option<&Taxonomy>, year: Year) -> String {
    let m = &project.masterplan;
    let lang = m.language;
    let w = match lang {
        Language::Id => &ID,
        Language::En => &EN,
    };
    let mut o = String::new();
    let title = m.title.clone().unwrap_or_else(|| {
        format!(
            "Masterplan Smart City {} {}-{}",
            line(&m.region.name),
            m.period.start_year,
            m.period.end_year()
        )
    });
    let _ = writeln!(o, "# {} {year}: {}", w.title, line(&title));
    for l in w.intro {
        let _ = writeln!(o, "# {l}");
    }
    let _ = writeln!(o, "year: {year}");
    let _ = writeln!(o, "# date: {}-01-31  # {}", year.saturating_add(1), w.date);
    let reporter = m
        .opd
        .iter()
        .find(|o| o.code == "BAPPEDA")
        .or(m.opd.first())
        .map(|o| o.code.as_str())
        .unwrap_or("BAPPEDA");
    let _ = writeln!(o, "# reported_by: {}  # {}", line(reporter), w.reported_by);
    let active = active_programs(project, year);
    if active.is_empty() {
        let _ = writeln!(o, "# {}", w.none_active);
        let _ = writeln!(o, "programs: {{}}");
    } else {
        let _ = writeln!(o, "programs:");
    }
    let closed = super::rules::closed_before(project, year);
    let mut last_dimension: Option<&str> = None;
    for (pf, p) in project.programs() {
        if !(p.start <= year && year <= p.end) {
            continue;
        }
        let dim = pf.pokja.dimension.as_str();
        if last_dimension != Some(dim) {
            last_dimension = Some(dim);
            let label = taxonomy
                .and_then(|t| t.dimension(dim))
                .map(|d| d.label.get(lang).to_string())
                .unwrap_or_else(|| dim.to_string());
            let _ = writeln!(o, "\n  # ===== {} ({}) =====", line(&label), line(dim));
        }
        program(&mut o, project, p, year, w, &closed);
    }
    let _ = writeln!(o, "\n# {}", w.assessment);
    let _ = writeln!(o, "# assessment:");
    for d in crate::model::EvaluationDimension::ALL {
        let pad = " ".repeat(10usize.saturating_sub(d.key().len()));
        let _ = writeln!(
            o,
            "#   {}:{pad}{{ score: 0, notes: \"\", evidence: [] }}",
            d.key()
        );
    }
    o
}

fn program(
    o: &mut String,
    project: &Project,
    p: &Program,
    year: Year,
    w: &Words,
    closed: &HashMap<&str, (Year, Status)>,
) {
    let m = &project.masterplan;
    let lang = m.language;
    let quick_win = if p.quick_win { " (quick win)" } else { "" };
    let _ = writeln!(o, "\n  # {} {}{quick_win}", line(&p.id), line(&p.name));
    let lead = match m.opd(&p.lead) {
        Some(opd) => format!("{} ({})", line(&opd.code), line(&opd.name)),
        None => line(&p.lead),
    };
    let _ = writeln!(o, "  #   {}: {lead}", w.lead);
    let planned = planned_in_year(p, &m.period, year);
    if planned.is_empty() {
        let _ = writeln!(o, "  #   {} {year}: {}", w.planned, w.no_budget);
    } else {
        let parts: Vec<String> = planned
            .iter()
            .map(|s| format!("{} {}", s.source.key(), format::rupiah(s.amount, lang)))
            .collect();
        let total: Amount = planned.iter().map(|s| s.amount).sum();
        let _ = writeln!(
            o,
            "  #   {} {year}: {} ({} {})",
            w.planned,
            parts.join("; "),
            w.total,
            format::rupiah(total, lang)
        );
    }
    if !p.outputs.is_empty() {
        let outs: Vec<String> = p.outputs.iter().map(|s| line(s)).collect();
        let _ = writeln!(o, "  #   {}: {}", w.outputs, outs.join("; "));
    }
    let _ = writeln!(o, "  {}:", key(&p.id));
    match closed.get(p.id.as_str()) {
        Some(&(y, status)) => {
            let _ = writeln!(o, "    status: {}  # {} {y}", status.key(), w.closed_in);
        }
        None => {
            let _ = writeln!(o, "    status: not_started");
        }
    }
    let _ = writeln!(o, "    # progress: 0  # {}", w.progress);
    let _ = writeln!(o, "    # budget:  # {}", w.budget);
    if planned.is_empty() {
        let _ = writeln!(o, "    #   - {{ source: apbd, amount: 0 }}");
    }
    for s in &planned {
        let _ = writeln!(o, "    #   - {{ source: {}, amount: 0 }}", s.source.key());
    }
    let _ = writeln!(o, "    # outputs: []  # {}", w.delivered);
    if !p.indicators.is_empty() {
        let _ = writeln!(o, "    # indicators:  # {}", w.actual);
        for i in &p.indicators {
            // A text indicator (`ditetapkan`) gets a text to fill in, a number one a number.
            let text_valued = i
                .targets
                .get(&year)
                .or(i.targets.values().next_back())
                .or(i.baseline.as_ref())
                .is_some_and(|v| matches!(v, Value::Text(_)));
            let _ = writeln!(
                o,
                "    #   {}: {}  # {}",
                q(&i.name),
                if text_valued { "\"\"" } else { "0" },
                indicator_note(i, year, lang, w)
            );
        }
    }
    let _ = writeln!(o, "    # evidence: []  # {}", w.evidence);
    let _ = writeln!(o, "    # notes: \"\"  # {}", w.notes);
    let _ = writeln!(o, "    # obstacles: \"\"  # {}", w.obstacles);
}

/// `target 2024: 300 UKM; baseline 0`.
fn indicator_note(i: &Indicator, year: Year, lang: Language, w: &Words) -> String {
    let unit = i
        .unit
        .as_deref()
        .map(|u| format!(" {}", line(u)))
        .unwrap_or_default();
    let mut s = match i.targets.get(&year) {
        Some(t) => format!("{} {year}: {}{unit}", w.target, value(t, lang)),
        None => w.no_target.to_string(),
    };
    if let Some(b) = &i.baseline {
        let _ = write!(s, "; {} {}{unit}", w.baseline, value(b, lang));
    }
    if i.direction == crate::model::Direction::Decrease {
        let _ = write!(s, "; {}", w.lower_better);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_comment_lines() {
        assert_eq!(key("ECO-01"), "ECO-01");
        assert_eq!(key("eco 1"), "\"eco 1\"");
        assert_eq!(key("-X"), "\"-X\"");
        assert_eq!(line("a\n  b #c"), "a b #c");
        assert_eq!(q("a\"b"), "\"a\\\"b\"");
    }
}
