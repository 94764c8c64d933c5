//! The issue-11 sheets of the worksheet: `risks` (a programme's risk register, one risk per row,
//! keyed by programme id) and `omitted` (an element a pokja has no programme for, and why).
//! Both are optional: a workbook exported before they existed imports as before.

use super::Cx;
use super::book::{Book, Grid, Raw};
use super::cells::{missing, read_cell, read_key, read_prose, read_text, read_whole};
use super::programs::{find_program, program_index};
use super::sheet::{cell_at, columns, data_rows};
use crate::model::{Pokja, Risk};
use crate::taxonomy::Taxonomy;
use crate::worksheet::{OMITTED, OMITTED_COLUMNS, RISK_COLUMNS, RISKS};

pub(super) fn read_risks(book: &Book, pokja: &mut [(String, Pokja)], cx: &mut Cx) {
    let Some(g) = book.sheet(RISKS) else {
        return;
    };
    let Some(cols) = columns(g, RISK_COLUMNS, &|_| false, cx) else {
        return;
    };
    let index = program_index(pokja);
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, RISK_COLUMNS, key);
        let (pc, pv, pf) = at("program");
        let Some(id) = read_cell(cx, &pc, pf, read_text(pv)) else {
            missing(cx, &pc, pf, "");
            continue;
        };
        let (rc, rv, rf) = at("risk");
        let risk = read_cell(cx, &rc, rf, read_prose(rv));
        if risk.is_none() && rv.is_none() {
            missing(cx, &rc, rf, "");
        }
        let score = |cx: &mut Cx, key: &str| {
            let (c, v, f) = at(key);
            let n = read_cell(cx, &c, f, read_whole(v));
            if n.is_none() && v.is_none() {
                missing(cx, &c, f, "");
            }
            (c, f, n.map(|n| u8::try_from(n).unwrap_or(u8::MAX)))
        };
        let (lc, lf, likelihood) = score(cx, "likelihood");
        let (ic, if_, impact) = score(cx, "impact");
        let (mc, mv, mf) = at("mitigation");
        let mitigation = read_cell(cx, &mc, mf, read_prose(mv));
        let Some((pi, i)) = find_program(&index, &id.to_uppercase(), &pc, RISKS, cx) else {
            continue;
        };
        let (Some(risk), Some(likelihood), Some(impact)) = (risk, likelihood, impact) else {
            continue;
        };
        let (dim, p) = &mut pokja[pi];
        let file = format!("pokja/{dim}.yaml");
        let prog = &mut p.programs[i];
        let base = format!("programs[{i}].risks[{}]", prog.risks.len());
        cx.loc(&file, base.clone(), rc.clone(), rf);
        cx.loc(&file, format!("{base}.risk"), rc, rf);
        cx.loc(&file, format!("{base}.likelihood"), lc, lf);
        cx.loc(&file, format!("{base}.impact"), ic, if_);
        cx.loc(&file, format!("{base}.mitigation"), mc, mf);
        cx.loc(&file, format!("programs[{i}].risks"), pc, pf);
        prog.risks.push(Risk {
            risk,
            likelihood,
            impact,
            mitigation,
        });
    }
}

pub(super) fn read_omitted(
    book: &Book,
    taxonomy: &Taxonomy,
    pokja: &mut [(String, Pokja)],
    cx: &mut Cx,
) {
    let Some(g): Option<&Grid> = book.sheet(OMITTED) else {
        return;
    };
    let Some(cols) = columns(g, OMITTED_COLUMNS, &|_| false, cx) else {
        return;
    };
    let dims: Vec<&str> = taxonomy.dimensions.iter().map(|d| d.key.as_str()).collect();
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, OMITTED_COLUMNS, key);
        let (dc, dv, df) = at("dimension");
        let dim = read_cell(cx, &dc, df, read_key(dv, &dims, "dimension"));
        if dim.is_none() && dv.is_none() {
            missing(cx, &dc, df, "");
        }
        let (ec, ev, ef) = at("element");
        // Lower-cased and trimmed as planners type it; `check` says whether it is an element
        // of the dimension (E0230, at this cell).
        let element = read_cell(cx, &ec, ef, read_text(ev)).map(|e| e.trim().to_lowercase());
        if element.is_none() && ev.is_none() {
            missing(cx, &ec, ef, "");
        }
        let (rc, rv, rf): (String, Option<&Raw>, _) = at("reason");
        let reason = read_cell(cx, &rc, rf, read_prose(rv));
        if reason.is_none() && rv.is_none() {
            missing(cx, &rc, rf, "");
        }
        let (Some(dim), Some(element), Some(reason)) = (dim, element, reason) else {
            continue;
        };
        let Some((_, p)) = pokja.iter_mut().find(|(d, _)| d == dim) else {
            cx.error(
                "E0720",
                &dc,
                format!("the omitted element `{element}` is for pokja `{dim}`, which the workbook does not have"),
                Some(format!(
                    "fill in the coordinator of `{dim}` on the pokja sheet, or delete this row"
                )),
            );
            continue;
        };
        let file = format!("pokja/{dim}.yaml");
        if p.omitted_elements.contains_key(&element) {
            cx.error(
                "E0721",
                &ec,
                format!("element `{element}` of `{dim}` is listed as omitted twice"),
                Some("keep one row per element and merge the reasons".into()),
            );
            continue;
        }
        cx.loc(&file, format!("omitted_elements.{element}"), ec, ef);
        p.omitted_elements.insert(element, reason);
    }
}
