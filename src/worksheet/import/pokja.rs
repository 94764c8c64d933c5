//! The pokja of the workbook: the `pokja` sheet (coordinator, members, goal, targets, issues,
//! readiness scores, SWOT and TOWS strategies; one row per field, by dimension), each with the
//! programmes of its dimension sheet.

use std::collections::{BTreeMap, HashMap};

use super::Cx;
use super::book::{Book, Raw};
use super::cells::{
    Bad, missing, opd_code, read_cell, read_key, read_prose, read_text, read_whole,
};
use super::programs::read_programs;
use super::sheet::kv_rows;
use crate::model::{Pokja, Readiness, ReadinessScore, Strategies, Swot};
use crate::taxonomy::Taxonomy;
use crate::worksheet::{Field, POKJA, POKJA_ROWS, cell_ref};

/// One row of the pokja sheet: row, field, value.
pub(super) type KvRow<'g> = (u32, &'static Field, Option<&'g Raw>);

/// The pokja of the workbook by dimension key, in taxonomy order.
pub(super) fn read_pokja(
    book: &Book,
    taxonomy: &Taxonomy,
    codes: &[String],
    cx: &mut Cx,
) -> Vec<(String, Pokja)> {
    let dims: Vec<&str> = taxonomy.dimensions.iter().map(|d| d.key.as_str()).collect();
    // dimension -> rows of the pokja sheet.
    let mut header: BTreeMap<&str, Vec<KvRow>> = BTreeMap::new();
    let mut sheet_name = POKJA.to_string();
    if let Some(g) = book.sheet(POKJA) {
        sheet_name = g.name.clone();
        for (row, field, cells) in kv_rows(g, 2, POKJA_ROWS, cx) {
            let c = cell_ref(&g.name, row, 0);
            let dim = match read_key(cells.get(&0), &dims, "dimension") {
                Ok(Some(d)) => d,
                Ok(None) => {
                    if cells.contains_key(&3) {
                        cx.error(
                            "E0011",
                            &c,
                            "missing the dimension of this row".into(),
                            Some(format!("fill in the dimension key: {}", dims.join(", "))),
                        );
                    }
                    continue;
                }
                Err(Bad(code, m, h)) => {
                    cx.error(code, &c, m, Some(h));
                    continue;
                }
            };
            header
                .entry(dim)
                .or_default()
                .push((row, field, cells.get(&3)));
        }
    }
    let mut out = Vec::new();
    for dim in &dims {
        let sheet = book.sheet(dim);
        let rows = header.remove(dim).unwrap_or_default();
        let has_values = rows.iter().any(|(_, _, v)| v.is_some());
        if sheet.is_none() && !has_values {
            continue;
        }
        let file = format!("pokja/{dim}.yaml");
        let mut p = Pokja {
            dimension: dim.to_string(),
            coordinator: String::new(),
            members: Vec::new(),
            goal: None,
            targets: Vec::new(),
            issues: Vec::new(),
            readiness: None,
            swot: None,
            strategies: None,
            omitted_elements: BTreeMap::new(),
            programs: Vec::new(),
        };
        let mut coordinator_cell = None;
        let mut readiness: BTreeMap<&str, (Option<u8>, Option<String>, String)> = BTreeMap::new();
        let mut targets: BTreeMap<&str, u8> = BTreeMap::new();
        let mut swot = Swot::default();
        let mut swot_used = false;
        let mut tows = Strategies::default();
        let mut tows_used = false;
        let rows_cell: HashMap<&str, String> = rows
            .iter()
            .map(|(row, field, _)| (field.key, cell_ref(&sheet_name, *row, 3)))
            .collect();
        for (row, field, v) in rows {
            let c = cell_ref(&sheet_name, row, 3);
            match field.key {
                "coordinator" => {
                    coordinator_cell = Some(c.clone());
                    cx.loc(&file, "coordinator".into(), c.clone(), field);
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        p.coordinator = opd_code(t, codes);
                    }
                }
                "members" => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        cx.loc(
                            &file,
                            format!("members[{}]", p.members.len()),
                            c.clone(),
                            field,
                        );
                        p.members.push(opd_code(t, codes));
                    }
                }
                "goal" => {
                    cx.loc(&file, "goal".into(), c.clone(), field);
                    p.goal = read_cell(cx, &c, field, read_text(v));
                }
                "targets" | "issues" => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        let list = if field.key == "targets" {
                            &mut p.targets
                        } else {
                            &mut p.issues
                        };
                        cx.loc(
                            &file,
                            format!("{}[{}]", field.key, list.len()),
                            c.clone(),
                            field,
                        );
                        list.push(t);
                    }
                }
                k if k.starts_with("readiness.") && k.ends_with(".target") => {
                    let part = k.split('.').nth(1).unwrap_or_default();
                    cx.loc(&file, format!("readiness.{part}.target"), c.clone(), field);
                    if let Some(n) = read_cell(cx, &c, field, read_whole(v)) {
                        targets.insert(part, u8::try_from(n).unwrap_or(u8::MAX));
                    }
                }
                k if k.starts_with("strategies.") => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        tows_used = true;
                        let list = match k {
                            "strategies.so" => &mut tows.so,
                            "strategies.wo" => &mut tows.wo,
                            "strategies.st" => &mut tows.st,
                            _ => &mut tows.wt,
                        };
                        cx.loc(&file, format!("{k}[{}]", list.len()), c.clone(), field);
                        list.push(t);
                    }
                }
                k if k.starts_with("readiness.") => {
                    let mut parts = k.split('.').skip(1);
                    let part = parts.next().unwrap_or_default();
                    let entry = readiness.entry(part).or_insert((None, None, c.clone()));
                    if parts.next() == Some("score") {
                        entry.2 = c.clone();
                        cx.loc(&file, format!("readiness.{part}.score"), c.clone(), field);
                        cx.loc(&file, format!("readiness.{part}"), c.clone(), field);
                        entry.0 = read_cell(cx, &c, field, read_whole(v))
                            .map(|n| u8::try_from(n).unwrap_or(u8::MAX));
                    } else {
                        cx.loc(&file, format!("readiness.{part}.notes"), c.clone(), field);
                        entry.1 = read_cell(cx, &c, field, read_prose(v));
                    }
                }
                k => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        swot_used = true;
                        let list = match k {
                            "swot.strengths" => &mut swot.strengths,
                            "swot.weaknesses" => &mut swot.weaknesses,
                            "swot.opportunities" => &mut swot.opportunities,
                            _ => &mut swot.threats,
                        };
                        cx.loc(&file, format!("{k}[{}]", list.len()), c.clone(), field);
                        list.push(t);
                    }
                }
            }
        }
        if p.coordinator.is_empty() {
            let f = &POKJA_ROWS[0];
            missing(
                cx,
                coordinator_cell.as_deref().unwrap_or(&sheet_name),
                f,
                &format!("for pokja {dim}"),
            );
        }
        let mut r = Readiness {
            structure: None,
            infrastructure: None,
            superstructure: None,
        };
        let mut any = false;
        for (part, (score, notes, cell)) in readiness {
            let s = match (score, notes) {
                (None, None) => continue,
                (Some(score), notes) => ReadinessScore {
                    score,
                    target: targets.remove(part),
                    notes,
                },
                (None, Some(_)) => {
                    let f = POKJA_ROWS
                        .iter()
                        .find(|f| f.key == format!("readiness.{part}.score"))
                        .unwrap_or(&POKJA_ROWS[0]);
                    missing(cx, &cell, f, "(notes are given without a score)");
                    continue;
                }
            };
            any = true;
            match part {
                "structure" => r.structure = Some(s),
                "infrastructure" => r.infrastructure = Some(s),
                _ => r.superstructure = Some(s),
            }
        }
        // A target without a score: the score is what is missing.
        for part in targets.keys() {
            let key = format!("readiness.{part}.score");
            let f = POKJA_ROWS
                .iter()
                .find(|f| f.key == key)
                .unwrap_or(&POKJA_ROWS[0]);
            let cell = rows_cell
                .get(key.as_str())
                .cloned()
                .unwrap_or_else(|| sheet_name.clone());
            missing(cx, &cell, f, "(a target is given without a score)");
        }
        p.readiness = any.then_some(r);
        p.swot = swot_used.then_some(swot);
        p.strategies = tows_used.then_some(tows);
        if let Some(g) = sheet {
            p.programs = read_programs(g, &file, taxonomy, codes, cx);
        }
        out.push((dim.to_string(), p));
    }
    out
}
