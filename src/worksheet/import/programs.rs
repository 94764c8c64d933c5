//! The programmes: a dimension sheet (one programme per row), and the `budget` and
//! `indicators` sheets whose rows name a programme by id and add to it.

use std::collections::{BTreeMap, HashMap};

use super::Cx;
use super::book::{Book, Grid, Raw};
use super::cells::{
    Bad, date_in_year, missing, opd_code, parse_number_text, read_cell, read_items, read_key,
    read_lines, read_money, read_prose, read_text, read_value, read_whole, read_year, read_yes_no,
    whole,
};
use super::sheet::{cell_at, columns, data_rows, field_of};
use crate::model::{
    BudgetLine, BudgetSource, Category, Direction, Indicator, Masterplan, Pokja, Program, Year,
};
use crate::suggest;
use crate::taxonomy::Taxonomy;
use crate::worksheet::{
    BUDGET, BUDGET_COLUMNS, Field, INDICATOR_COLUMNS, INDICATORS, Kind, PROGRAM_COLUMNS, cell_ref,
};

pub(super) fn read_programs(
    g: &Grid,
    file: &str,
    taxonomy: &Taxonomy,
    codes: &[String],
    cx: &mut Cx,
) -> Vec<Program> {
    let Some(cols) = columns(g, PROGRAM_COLUMNS, &|_| false, cx) else {
        return Vec::new();
    };
    let elements: Vec<&str> = taxonomy
        .dimension(&g.name)
        .map(|d| d.elements.iter().map(|e| e.key.as_str()).collect())
        .unwrap_or_default();
    let categories = Category::ALL.map(Category::key);
    let mut out = Vec::new();
    for (row, cells) in data_rows(g, &cols) {
        let i = out.len();
        let base = format!("programs[{i}]");
        let mut errors = false;
        // (cell, raw) of a column, and its location recorded.
        let at = |cx: &mut Cx, key: &str| -> (String, Option<&Raw>, &'static Field) {
            let f = field_of(PROGRAM_COLUMNS, key);
            let col = cols.get(key).copied();
            let c = cell_ref(&g.name, row, col.unwrap_or(0));
            cx.loc(file, format!("{base}.{key}"), c.clone(), f);
            (c, col.and_then(|col| cells.get(&col)), f)
        };
        let (c0, ..) = at(cx, "id");
        cx.loc(file, base.clone(), c0, &PROGRAM_COLUMNS[0]);
        let required = |cx: &mut Cx, key: &str, errors: &mut bool| -> Option<String> {
            let (c, v, f) = at(cx, key);
            let t = match read_text(v) {
                Ok(t) => t,
                Err(Bad(code, m, h)) => {
                    cx.error(
                        code,
                        &c,
                        format!("{m} (column `{}` / {key})", f.id),
                        Some(h),
                    );
                    *errors = true;
                    return None;
                }
            };
            if t.is_none() && f.required {
                missing(cx, &c, f, "");
                *errors = true;
            }
            t
        };
        let id = required(cx, "id", &mut errors).map(|s| s.to_uppercase());
        let name = required(cx, "name", &mut errors);
        let lead = required(cx, "lead", &mut errors).map(|t| opd_code(t, codes));
        let element = {
            let (c, v, f) = at(cx, "element");
            match read_text(v) {
                Ok(Some(t)) => {
                    let lower = t.to_lowercase();
                    Some(
                        elements
                            .iter()
                            .find(|e| e.eq_ignore_ascii_case(&lower))
                            .map_or(lower.replace(' ', "_"), |e| e.to_string()),
                    )
                }
                Ok(None) => {
                    missing(cx, &c, f, "");
                    errors = true;
                    None
                }
                Err(Bad(code, m, h)) => {
                    cx.error(code, &c, m, Some(h));
                    errors = true;
                    None
                }
            }
        };
        let category = {
            let (c, v, f) = at(cx, "category");
            let k = read_key(v, &categories, "category");
            if k.is_err() {
                errors = true;
            }
            let k = read_cell(cx, &c, f, k);
            if k.is_none() && v.is_none() {
                missing(cx, &c, f, "");
                errors = true;
            }
            k.and_then(|k| Category::ALL.into_iter().find(|x| x.key() == k))
        };
        let year = |cx: &mut Cx, key: &str, errors: &mut bool| -> Option<Year> {
            let (c, v, f) = at(cx, key);
            let r = read_year(v);
            if r.is_err() {
                *errors = true;
            }
            match read_cell(cx, &c, f, r) {
                Some((y, date)) => {
                    if date {
                        date_in_year(cx, &c, f, y);
                    }
                    Some(y)
                }
                None => {
                    if v.is_none() {
                        missing(cx, &c, f, "");
                        *errors = true;
                    }
                    None
                }
            }
        };
        let start = year(cx, "start", &mut errors);
        let end = year(cx, "end", &mut errors);
        let optional = |cx: &mut Cx, key: &str, prose: bool| -> Option<String> {
            let (c, v, f) = at(cx, key);
            let r = if prose { read_prose(v) } else { read_text(v) };
            read_cell(cx, &c, f, r)
        };
        let description = optional(cx, "description", true);
        let outcome = optional(cx, "outcome", true);
        let list = |cx: &mut Cx, key: &str, lines: bool| -> Vec<String> {
            let (c, v, f) = at(cx, key);
            let r = if lines { read_lines(v) } else { read_items(v) };
            read_cell(cx, &c, f, r.map(Some)).unwrap_or_default()
        };
        let support: Vec<String> = list(cx, "support", false)
            .into_iter()
            .map(|t| opd_code(t, codes))
            .collect();
        let outputs = list(cx, "outputs", true);
        let depends_on: Vec<String> = list(cx, "depends_on", false)
            .into_iter()
            .map(|s| s.to_uppercase())
            .collect();
        let rpjmd_missions: Vec<String> = list(cx, "rpjmd_missions", false)
            .into_iter()
            .map(|s| s.to_uppercase())
            .collect();
        let mut sdgs = Vec::new();
        {
            let (c, _, f) = at(cx, "sdgs");
            for s in list(cx, "sdgs", false) {
                match parse_number_text(&s).and_then(whole) {
                    Some(n) => sdgs.push(u8::try_from(n).unwrap_or(u8::MAX)),
                    None => {
                        errors = true;
                        cx.error(
                            "E0709",
                            &c,
                            format!("`{s}` is not an SDG number (column `{}` / sdgs)", f.id),
                            Some(
                                "list the goals as numbers 1-17 separated by commas, e.g. 8, 9"
                                    .into(),
                            ),
                        );
                    }
                }
            }
        }
        let quick_win = {
            let (c, v, f) = at(cx, "quick_win");
            read_cell(cx, &c, f, read_yes_no(v)).unwrap_or(false)
        };
        let score = |cx: &mut Cx, key: &str| -> Option<u8> {
            let (c, v, f) = at(cx, key);
            read_cell(cx, &c, f, read_whole(v)).map(|n| u8::try_from(n).unwrap_or(u8::MAX))
        };
        let impact = score(cx, "impact");
        let effort = score(cx, "effort");
        if let Some(id) = &id {
            cx.ids.push(id.clone());
            if errors {
                cx.broken.push(id.clone());
            }
        }
        if errors {
            continue;
        }
        let (
            Some(id),
            Some(name),
            Some(element),
            Some(category),
            Some(lead),
            Some(start),
            Some(end),
        ) = (id, name, element, category, lead, start, end)
        else {
            continue;
        };
        out.push(Program {
            id,
            name,
            element,
            category,
            description,
            lead,
            support,
            start,
            end,
            budget: Vec::new(),
            outputs,
            outcome,
            indicators: Vec::new(),
            quick_win,
            impact,
            effort,
            depends_on,
            rpjmd_missions,
            sdgs,
            risks: Vec::new(),
        });
    }
    out
}

/// Programme id -> (pokja index, programme index), built once per sheet (linear cost).
pub(super) fn program_index(pokja: &[(String, Pokja)]) -> HashMap<String, (usize, usize)> {
    let mut index = HashMap::new();
    for (pi, (_, p)) in pokja.iter().enumerate() {
        for (i, x) in p.programs.iter().enumerate() {
            index.entry(x.id.clone()).or_insert((pi, i));
        }
    }
    index
}

/// The programme with this id: (pokja index, programme index), or a located error with the
/// nearest id.
pub(super) fn find_program(
    index: &HashMap<String, (usize, usize)>,
    id: &str,
    cell: &str,
    sheet: &str,
    cx: &mut Cx,
) -> Option<(usize, usize)> {
    if let Some(found) = index.get(id) {
        return Some(*found);
    }
    // A programme whose own row has an error is reported there already.
    if cx.broken.iter().any(|b| b == id) {
        return None;
    }
    let hint = match suggest::did_you_mean(id, cx.ids.iter().map(String::as_str)) {
        Some(n) => format!("did you mean `{n}`?"),
        None => "use the id of a programme on one of the dimension sheets".into(),
    };
    cx.error(
        "E0713",
        cell,
        format!("the {sheet} row names programme `{id}`, which no dimension sheet has"),
        Some(hint),
    );
    None
}

pub(super) fn read_budget(book: &Book, pokja: &mut [(String, Pokja)], cx: &mut Cx) {
    let Some(g) = book.sheet(BUDGET) else {
        return;
    };
    let Some(cols) = columns(g, BUDGET_COLUMNS, &|_| false, cx) else {
        return;
    };
    let sources = BudgetSource::ALL.map(BudgetSource::key);
    let index = program_index(pokja);
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, BUDGET_COLUMNS, key);
        let (pc, pv, pf) = at("program");
        let Some(id) = read_cell(cx, &pc, pf, read_text(pv)) else {
            missing(cx, &pc, pf, "");
            continue;
        };
        let (sc, sv, sf) = at("source");
        let source = read_cell(cx, &sc, sf, read_key(sv, &sources, "budget source"));
        if source.is_none() && sv.is_none() {
            missing(cx, &sc, sf, "");
        }
        let (ac, av, af) = at("amount");
        let amount = read_cell(cx, &ac, af, read_money(av));
        if amount.is_none() && av.is_none() {
            missing(cx, &ac, af, "");
        }
        let (yc, yv, yf) = at("year");
        let year = read_cell(cx, &yc, yf, read_year(yv));
        if let Some((y, true)) = year {
            date_in_year(cx, &yc, yf, y);
        }
        let Some((pi, i)) = find_program(&index, &id.to_uppercase(), &pc, BUDGET, cx) else {
            continue;
        };
        let (Some(source), Some(amount)) = (source, amount) else {
            continue;
        };
        let Some(source) = BudgetSource::ALL.into_iter().find(|s| s.key() == source) else {
            continue;
        };
        let (dim, p) = &mut pokja[pi];
        let file = format!("pokja/{dim}.yaml");
        let prog = &mut p.programs[i];
        let base = format!("programs[{i}].budget[{}]", prog.budget.len());
        cx.loc(&file, base.clone(), pc.clone(), pf);
        cx.loc(&file, format!("{base}.source"), sc, sf);
        cx.loc(&file, format!("{base}.amount"), ac, af);
        cx.loc(&file, format!("{base}.year"), yc, yf);
        cx.loc(&file, format!("programs[{i}].budget"), pc, pf);
        prog.budget.push(BudgetLine {
            source,
            amount,
            year: year.map(|(y, _)| y),
        });
    }
}

pub(super) fn read_indicators(
    book: &Book,
    pokja: &mut [(String, Pokja)],
    _m: &Masterplan,
    cx: &mut Cx,
) {
    let Some(g) = book.sheet(INDICATORS) else {
        return;
    };
    let is_target = |k: &str| {
        k.strip_prefix("targets.")
            .is_some_and(|y| y.parse::<Year>().is_ok())
    };
    let Some(cols) = columns(g, INDICATOR_COLUMNS, &is_target, cx) else {
        return;
    };
    let mut targets: Vec<(Year, u16)> = cols
        .iter()
        .filter_map(|(k, c)| Some((k.strip_prefix("targets.")?.parse().ok()?, *c)))
        .collect();
    targets.sort();
    let target_field = Field {
        key: "targets",
        id: "Target",
        en: "Target",
        kind: Kind::Value,
        required: false,
    };
    let directions = Direction::ALL.map(Direction::key);
    let index = program_index(pokja);
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, INDICATOR_COLUMNS, key);
        let (pc, pv, pf) = at("program");
        let Some(id) = read_cell(cx, &pc, pf, read_text(pv)) else {
            missing(cx, &pc, pf, "");
            continue;
        };
        let (nc, nv, nf) = at("name");
        let name = read_cell(cx, &nc, nf, read_text(nv));
        if name.is_none() && nv.is_none() {
            missing(cx, &nc, nf, "");
        }
        let (uc, uv, uf) = at("unit");
        let unit = read_cell(cx, &uc, uf, read_text(uv));
        let (bc, bv, bf) = at("baseline");
        let baseline = read_cell(cx, &bc, bf, read_value(bv));
        let (dc, dv, df) = at("direction");
        let direction = match read_cell(cx, &dc, df, read_key(dv, &directions, "direction")) {
            Some("decrease") => Direction::Decrease,
            _ => Direction::Increase,
        };
        let mut values = BTreeMap::new();
        let mut cells_of = Vec::new();
        for (year, col) in &targets {
            let c = cell_ref(&g.name, row, *col);
            if let Some(v) = read_cell(cx, &c, &target_field, read_value(cells.get(col))) {
                values.insert(*year, v);
            }
            cells_of.push((*year, c));
        }
        let Some((pi, i)) = find_program(&index, &id.to_uppercase(), &pc, INDICATORS, cx) else {
            continue;
        };
        let Some(name) = name else { continue };
        let (dim, p) = &mut pokja[pi];
        let file = format!("pokja/{dim}.yaml");
        let prog = &mut p.programs[i];
        let base = format!("programs[{i}].indicators[{}]", prog.indicators.len());
        cx.loc(&file, base.clone(), nc.clone(), nf);
        cx.loc(&file, format!("{base}.name"), nc, nf);
        cx.loc(&file, format!("{base}.unit"), uc, uf);
        cx.loc(&file, format!("{base}.baseline"), bc, bf);
        cx.loc(&file, format!("{base}.direction"), dc, df);
        cx.loc(&file, format!("programs[{i}].indicators"), pc, pf);
        for (year, c) in cells_of {
            cx.loc(&file, format!("{base}.targets.{year}"), c, &target_field);
        }
        prog.indicators.push(Indicator {
            name,
            unit,
            baseline,
            direction,
            targets: values,
        });
    }
}
