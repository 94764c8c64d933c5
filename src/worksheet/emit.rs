//! The YAML that `worksheet import` writes: the contract's field order, optional fields left
//! out when unset, block style with flow lists of codes, and quotes only where YAML needs them.

use std::fmt::Write as _;

use crate::model::{Direction, Indicator, Masterplan, Pokja, Program, Value};

/// masterplan.yaml, after a comment line `header` (without the `# `).
pub fn masterplan(m: &Masterplan, header: &str) -> String {
    let mut o = comment(header);
    let r = &m.region;
    o.push_str("region:\n");
    kv(&mut o, 1, "name", &r.name);
    kv(&mut o, 1, "type", r.kind.key());
    opt(&mut o, 1, "province", &r.province);
    opt(&mut o, 1, "capital", &r.capital);
    opt(&mut o, 1, "head", &r.head);
    if let Some(a) = r.area_km2 {
        raw(&mut o, 1, "area_km2", &a.to_string());
    }
    if let Some(n) = r.population {
        raw(&mut o, 1, "population", &n.to_string());
    }
    if let Some(n) = r.districts {
        raw(&mut o, 1, "districts", &n.to_string());
    }
    if let Some(n) = r.villages {
        raw(&mut o, 1, "villages", &n.to_string());
    }
    opt(&mut o, 1, "logo", &r.logo);
    o.push_str("period:\n");
    raw(&mut o, 1, "start_year", &m.period.start_year.to_string());
    raw(&mut o, 1, "years", &m.period.years.to_string());
    raw(&mut o, 0, "language", m.language.key());
    opt(&mut o, 0, "taxonomy", &m.taxonomy);
    opt(&mut o, 0, "title", &m.title);
    opt(&mut o, 0, "foreword", &m.foreword);
    kv(&mut o, 0, "vision", &m.vision);
    list(&mut o, 0, "missions", &m.missions);
    if let Some(rp) = &m.rpjmd {
        o.push_str("rpjmd:");
        if rp.period.is_none() && rp.vision.is_none() && rp.missions.is_empty() {
            o.push_str(" {}\n");
        } else {
            o.push('\n');
        }
        if let Some([a, b]) = rp.period {
            raw(&mut o, 1, "period", &format!("[{a}, {b}]"));
        }
        opt(&mut o, 1, "vision", &rp.vision);
        if !rp.missions.is_empty() {
            o.push_str("  missions:\n");
            for x in &rp.missions {
                let _ = writeln!(
                    o,
                    "    - {{ id: {}, text: {} }}",
                    flow(&x.id),
                    flow(&x.text)
                );
            }
        }
    }
    o.push_str("opd:\n");
    for x in &m.opd {
        let _ = write!(o, "  - {{ code: {}, name: {}", flow(&x.code), flow(&x.name));
        if let Some(h) = &x.head {
            let _ = write!(o, ", head: {}", flow(h));
        }
        o.push_str(" }\n");
    }
    if let Some(t) = &m.team {
        o.push_str("team:");
        if t.decree.is_none() && t.council.is_empty() && t.implementers.is_empty() {
            o.push_str(" {}\n");
        } else {
            o.push('\n');
        }
        opt(&mut o, 1, "decree", &t.decree);
        for (key, members) in [("council", &t.council), ("implementers", &t.implementers)] {
            if members.is_empty() {
                continue;
            }
            let _ = writeln!(o, "  {key}:");
            for x in members {
                let _ = write!(o, "    - {{ name: {}", flow(&x.name));
                if let Some(r) = &x.role {
                    let _ = write!(o, ", role: {}", flow(r));
                }
                o.push_str(" }\n");
            }
        }
    }
    if let Some(l) = &m.legal_basis {
        if l.is_empty() {
            o.push_str("legal_basis: []\n");
        } else {
            list(&mut o, 0, "legal_basis", l);
        }
    }
    if let Some(e) = &m.evaluation {
        match e.weights {
            None => o.push_str("evaluation: {}\n"),
            Some(w) => {
                let _ = writeln!(
                    o,
                    "evaluation:\n  weights: {{ baseline: {}, output: {}, outcome: {}, impact: {}, quick_win: {} }}",
                    w.baseline, w.output, w.outcome, w.impact, w.quick_win
                );
            }
        }
    }
    o
}

/// pokja/<dimension>.yaml, after a comment line `header`.
pub fn pokja(p: &Pokja, header: &str) -> String {
    let mut o = comment(header);
    kv(&mut o, 0, "dimension", &p.dimension);
    kv(&mut o, 0, "coordinator", &p.coordinator);
    flow_list(&mut o, 0, "members", &p.members);
    opt(&mut o, 0, "goal", &p.goal);
    list(&mut o, 0, "targets", &p.targets);
    list(&mut o, 0, "issues", &p.issues);
    if let Some(r) = &p.readiness {
        o.push_str("readiness:");
        let parts = [
            ("structure", &r.structure),
            ("infrastructure", &r.infrastructure),
            ("superstructure", &r.superstructure),
        ];
        if parts.iter().all(|(_, s)| s.is_none()) {
            o.push_str(" {}\n");
        } else {
            o.push('\n');
        }
        for (key, s) in parts {
            let Some(s) = s else { continue };
            let _ = writeln!(o, "  {key}:");
            raw(&mut o, 2, "score", &s.score.to_string());
            if let Some(t) = s.target {
                raw(&mut o, 2, "target", &t.to_string());
            }
            opt(&mut o, 2, "notes", &s.notes);
        }
    }
    if let Some(s) = &p.swot {
        o.push_str("swot:");
        let parts = [
            ("strengths", &s.strengths),
            ("weaknesses", &s.weaknesses),
            ("opportunities", &s.opportunities),
            ("threats", &s.threats),
        ];
        if parts.iter().all(|(_, v)| v.is_empty()) {
            o.push_str(" {}\n");
        } else {
            o.push('\n');
        }
        for (key, v) in parts {
            list(&mut o, 1, key, v);
        }
    }
    if p.programs.is_empty() {
        o.push_str("programs: []\n");
    } else {
        o.push_str("programs:\n");
        for prog in &p.programs {
            program(&mut o, prog);
        }
    }
    o
}

fn program(o: &mut String, p: &Program) {
    let _ = writeln!(o, "  - id: {}", plain_or_quoted(&p.id, false));
    kv(o, 2, "name", &p.name);
    kv(o, 2, "element", &p.element);
    kv(o, 2, "category", p.category.key());
    opt(o, 2, "description", &p.description);
    kv(o, 2, "lead", &p.lead);
    flow_list(o, 2, "support", &p.support);
    raw(o, 2, "start", &p.start.to_string());
    raw(o, 2, "end", &p.end.to_string());
    if !p.budget.is_empty() {
        indent(o, 2);
        o.push_str("budget:\n");
        for b in &p.budget {
            indent(o, 3);
            let _ = write!(o, "- {{ source: {}, amount: {}", b.source.key(), b.amount);
            if let Some(y) = b.year {
                let _ = write!(o, ", year: {y}");
            }
            o.push_str(" }\n");
        }
    }
    list(o, 2, "outputs", &p.outputs);
    opt(o, 2, "outcome", &p.outcome);
    if !p.indicators.is_empty() {
        indent(o, 2);
        o.push_str("indicators:\n");
        for i in &p.indicators {
            indicator(o, i);
        }
    }
    if p.quick_win {
        raw(o, 2, "quick_win", "true");
    }
    if let Some(n) = p.impact {
        raw(o, 2, "impact", &n.to_string());
    }
    if let Some(n) = p.effort {
        raw(o, 2, "effort", &n.to_string());
    }
    flow_list(o, 2, "depends_on", &p.depends_on);
    flow_list(o, 2, "rpjmd_missions", &p.rpjmd_missions);
    if !p.sdgs.is_empty() {
        let s: Vec<String> = p.sdgs.iter().map(u8::to_string).collect();
        raw(o, 2, "sdgs", &format!("[{}]", s.join(", ")));
    }
}

fn indicator(o: &mut String, i: &Indicator) {
    indent(o, 3);
    let _ = writeln!(o, "- name: {}", plain_or_quoted(&i.name, false));
    opt(o, 4, "unit", &i.unit);
    if let Some(b) = &i.baseline {
        raw(o, 4, "baseline", &value(b, false));
    }
    if i.direction == Direction::Decrease {
        raw(o, 4, "direction", "decrease");
    }
    if !i.targets.is_empty() {
        let t: Vec<String> = i
            .targets
            .iter()
            .map(|(y, v)| format!("{y}: {}", value(v, true)))
            .collect();
        raw(o, 4, "targets", &format!("{{ {} }}", t.join(", ")));
    }
}

fn value(v: &Value, in_flow: bool) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::Text(t) => plain_or_quoted(t, in_flow),
    }
}

fn comment(header: &str) -> String {
    let mut o = String::new();
    for line in header.lines() {
        let _ = writeln!(o, "# {line}");
    }
    o
}

fn indent(o: &mut String, level: usize) {
    for _ in 0..level {
        o.push_str("  ");
    }
}

fn raw(o: &mut String, level: usize, key: &str, v: &str) {
    indent(o, level);
    let _ = writeln!(o, "{key}: {v}");
}

/// `key: value`, a block literal for multi-line text.
fn kv(o: &mut String, level: usize, key: &str, v: &str) {
    indent(o, level);
    let _ = write!(o, "{key}:");
    scalar_after_key(o, level, v);
}

fn scalar_after_key(o: &mut String, level: usize, v: &str) {
    if let Some(block) = block_literal(v, level + 1) {
        o.push_str(&block);
    } else {
        let _ = writeln!(o, " {}", plain_or_quoted(v, false));
    }
}

fn opt(o: &mut String, level: usize, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        kv(o, level, key, v);
    }
}

fn list(o: &mut String, level: usize, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    indent(o, level);
    let _ = writeln!(o, "{key}:");
    for item in items {
        indent(o, level + 1);
        o.push('-');
        scalar_after_key(o, level + 1, item);
    }
}

/// `key: [A, B]` for short codes; a block list when an item needs more.
fn flow_list(o: &mut String, level: usize, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    if items.iter().all(|i| !i.contains('\n')) {
        let parts: Vec<String> = items.iter().map(|i| flow(i)).collect();
        raw(o, level, key, &format!("[{}]", parts.join(", ")));
    } else {
        list(o, level, key, items);
    }
}

fn flow(s: &str) -> String {
    plain_or_quoted(s, true)
}

/// A `|` block (with the chomping that keeps the text exact) when the text has line breaks and
/// a block can hold it; none otherwise (the caller quotes it).
fn block_literal(s: &str, level: usize) -> Option<String> {
    if !s.contains('\n') {
        return None;
    }
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    if body.is_empty()
        || body.starts_with(' ')
        || body.starts_with('\t')
        || s.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{feff}')
        || body.lines().any(|l| l.ends_with(' ') || l.ends_with('\t'))
    {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut o = format!(" |{chomp}\n");
    let pad = "  ".repeat(level);
    for line in s.trim_end_matches('\n').split('\n') {
        if line.is_empty() {
            o.push('\n');
        } else {
            let _ = writeln!(o, "{pad}{line}");
        }
    }
    for _ in 1..trailing {
        o.push('\n');
    }
    Some(o)
}

/// The scalar as written: plain when YAML reads it back as this very string, otherwise single-
/// or (for control characters and line breaks) double-quoted.
pub fn plain_or_quoted(s: &str, in_flow: bool) -> String {
    if is_plain_safe(s, in_flow) {
        return s.to_string();
    }
    if s.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return double_quoted(s);
    }
    format!("'{}'", s.replace('\'', "''"))
}

fn double_quoted(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn is_plain_safe(s: &str, in_flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || s.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if in_flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]
    .contains(&lower.as_str())
    {
        return false;
    }
    // Numbers, dates and the like: anything starting like a number without a space in it.
    if (first.is_ascii_digit() || first == '+' || first == '.') && !s.contains(' ') {
        return false;
    }
    if lower == ".inf" || lower == ".nan" {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_where_yaml_needs_it() {
        assert_eq!(
            plain_or_quoted("Galeri UKM Online", false),
            "Galeri UKM Online"
        );
        assert_eq!(plain_or_quoted("2023", false), "'2023'");
        assert_eq!(plain_or_quoted("yes", false), "'yes'");
        assert_eq!(plain_or_quoted("a: b", false), "'a: b'");
        assert_eq!(plain_or_quoted("Dinas A, B", false), "Dinas A, B");
        assert_eq!(plain_or_quoted("Dinas A, B", true), "'Dinas A, B'");
        assert_eq!(plain_or_quoted("it's", false), "it's");
        assert_eq!(plain_or_quoted("'x'", false), "'''x'''");
        assert_eq!(plain_or_quoted("a\tb", false), "\"a\\tb\"");
        assert_eq!(plain_or_quoted("", false), "''");
        assert_eq!(plain_or_quoted("5.000 UMKM", false), "5.000 UMKM");
    }

    #[test]
    fn block_literals_keep_the_text_exact() {
        assert_eq!(block_literal("a\nb\n", 1).unwrap(), " |\n  a\n  b\n");
        assert_eq!(block_literal("a\n\nb", 1).unwrap(), " |-\n  a\n\n  b\n");
        assert_eq!(block_literal("a\n\n", 1).unwrap(), " |+\n  a\n\n");
        assert!(block_literal(" a\nb", 1).is_none());
    }
}
