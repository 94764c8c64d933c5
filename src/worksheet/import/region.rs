//! The sheets of `masterplan.yaml`: the `region` sheet (region, period, vision and missions,
//! RPJMD, team, legal basis, evaluation weights; one field per row) and the `opd` sheet (the
//! region's OPD, one per row).

use std::collections::HashMap;

use super::book::{Grid, Raw};
use super::cells::{
    date_in_year, missing, read_cell, read_decimal, read_key, read_prose, read_text, read_whole,
    read_year,
};
use super::sheet::{columns, data_rows, field_of, kv_rows};
use super::{Cx, MP};
use crate::model::{
    EvaluationConfig, Language, Masterplan, Member, Opd, Period, Region, RegionType, Rpjmd,
    RpjmdMission, Team, Weights,
};
use crate::worksheet::{OPD_COLUMNS, REGION_ROWS, cell_ref};

pub(super) fn read_region(g: &Grid, cx: &mut Cx) -> Option<Masterplan> {
    let rows = kv_rows(g, 1, REGION_ROWS, cx);
    let mut one: HashMap<&str, (u32, Option<&Raw>)> = HashMap::new();
    let mut missions = Vec::new();
    let mut legal = Vec::new();
    let mut rpjmd_missions = Vec::new();
    let mut council = Vec::new();
    let mut implementers = Vec::new();
    let mut rpjmd_period = None;
    let mut weights: HashMap<&str, u32> = HashMap::new();
    let mut weight_row = None;
    let mut rpjmd_used = false;
    let mut team_used = false;
    let mut legal_used = false;
    for (row, field, cells) in rows {
        let c = cell_ref(&g.name, row, 2);
        let v1 = cells.get(&2);
        let v2 = cells.get(&3);
        match field.key {
            "missions" => {
                if let Some(t) = read_cell(cx, &c, field, read_text(v1)) {
                    cx.loc(
                        MP,
                        format!("missions[{}]", missions.len()),
                        c.clone(),
                        field,
                    );
                    missions.push(t);
                }
            }
            "legal_basis" => {
                if let Some(t) = read_cell(cx, &c, field, read_text(v1)) {
                    legal_used = true;
                    cx.loc(
                        MP,
                        format!("legal_basis[{}]", legal.len()),
                        c.clone(),
                        field,
                    );
                    legal.push(t);
                }
            }
            "rpjmd.missions" => {
                let id = read_cell(cx, &c, field, read_text(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let text = read_cell(cx, &c2, field, read_text(v2));
                if id.is_none() && text.is_none() {
                    continue;
                }
                rpjmd_used = true;
                let i = rpjmd_missions.len();
                cx.loc(MP, format!("rpjmd.missions[{i}]"), c.clone(), field);
                cx.loc(MP, format!("rpjmd.missions[{i}].id"), c.clone(), field);
                cx.loc(MP, format!("rpjmd.missions[{i}].text"), c2.clone(), field);
                match (id, text) {
                    (Some(id), Some(text)) => rpjmd_missions.push(RpjmdMission {
                        id: id.to_uppercase(),
                        text,
                    }),
                    (None, _) => missing(cx, &c, field, "(the mission id, in this column)"),
                    (_, None) => missing(cx, &c2, field, "(the mission text, in this column)"),
                }
            }
            "team.council" | "team.implementers" => {
                let name = read_cell(cx, &c, field, read_text(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let role = read_cell(cx, &c2, field, read_text(v2));
                let list = if field.key == "team.council" {
                    &mut council
                } else {
                    &mut implementers
                };
                match name {
                    Some(name) => {
                        team_used = true;
                        let i = list.len();
                        let base = format!("{}[{i}]", field.key);
                        cx.loc(MP, base.clone(), c.clone(), field);
                        cx.loc(MP, format!("{base}.name"), c.clone(), field);
                        cx.loc(MP, format!("{base}.role"), c2.clone(), field);
                        list.push(Member { name, role });
                    }
                    None if role.is_some() => {
                        missing(cx, &c, field, "(the member's name, in this column)")
                    }
                    None => {}
                }
            }
            "rpjmd.period" => {
                let a = read_cell(cx, &c, field, read_year(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let b = read_cell(cx, &c2, field, read_year(v2));
                cx.loc(MP, "rpjmd.period".into(), c.clone(), field);
                match (a, b) {
                    (Some((a, _)), Some((b, _))) => {
                        rpjmd_used = true;
                        rpjmd_period = Some([a, b]);
                    }
                    (None, None) => {}
                    (None, _) => missing(cx, &c, field, "(the first year)"),
                    (_, None) => missing(cx, &c2, field, "(the last year)"),
                }
            }
            k if k.starts_with("evaluation.weights.") => {
                cx.loc(MP, k.to_string(), c.clone(), field);
                if let Some(n) = read_cell(cx, &c, field, read_whole(v1)) {
                    weight_row.get_or_insert(c.clone());
                    weights.insert(k, u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
            k => {
                if one.contains_key(k) {
                    cx.error(
                        "E0004",
                        &cell_ref(&g.name, row, 1),
                        format!("the field `{k}` appears on two rows"),
                        Some("keep one row per field (only lists such as missions repeat)".into()),
                    );
                    continue;
                }
                cx.loc(MP, k.to_string(), c.clone(), field);
                one.insert(k, (row, v1));
            }
        }
    }
    let mut ok = true;
    let mut get_text = |cx: &mut Cx, key: &'static str, prose: bool| -> Option<String> {
        let (row, v) = one.get(key).copied().unwrap_or((0, None));
        let field = REGION_ROWS.iter().find(|f| f.key == key)?;
        let c = cell_ref(&g.name, row, 2);
        let r = if prose { read_prose(v) } else { read_text(v) };
        let v = read_cell(cx, &c, field, r);
        if v.is_none() && field.required {
            missing(cx, if row == 0 { &g.name } else { &c }, field, "");
            ok = false;
        }
        v
    };
    let name = get_text(cx, "region.name", false);
    let province = get_text(cx, "region.province", false);
    let capital = get_text(cx, "region.capital", false);
    let head = get_text(cx, "region.head", false);
    let logo = get_text(cx, "region.logo", false);
    let taxonomy = get_text(cx, "taxonomy", false);
    let title = get_text(cx, "title", false);
    let foreword = get_text(cx, "foreword", true);
    let vision = get_text(cx, "vision", false);
    let rpjmd_vision = get_text(cx, "rpjmd.vision", false);
    let decree = get_text(cx, "team.decree", false);
    let field = |key: &str| REGION_ROWS.iter().find(|f| f.key == key);
    let cell_of = |key: &str| {
        let (row, v) = one.get(key).copied().unwrap_or((0, None));
        (cell_ref(&g.name, row, 2), v, row)
    };
    let mut ok2 = true;
    // region.type
    let kind = {
        let (c, v, row) = cell_of("region.type");
        let f = field("region.type")?;
        let keys = RegionType::ALL.map(RegionType::key);
        let k = read_cell(cx, &c, f, read_key(v, &keys, "region type"));
        if k.is_none() && v.is_none() {
            missing(cx, if row == 0 { &g.name } else { &c }, f, "");
        }
        k.and_then(|k| RegionType::ALL.into_iter().find(|t| t.key() == k))
    };
    let language = {
        let (c, v, _) = cell_of("language");
        let f = field("language")?;
        match read_cell(cx, &c, f, read_key(v, &["id", "en"], "language")) {
            Some("en") => Language::En,
            Some(_) => Language::Id,
            None => {
                if v.is_some() {
                    ok2 = false;
                }
                Language::Id
            }
        }
    };
    let mut whole_of = |cx: &mut Cx, key: &str| -> Option<u64> {
        let (c, v, _) = cell_of(key);
        let f = field(key)?;
        let r = read_whole(v);
        if r.is_err() {
            ok2 = false;
        }
        read_cell(cx, &c, f, r)
    };
    let population = whole_of(cx, "region.population");
    let districts = whole_of(cx, "region.districts").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let villages = whole_of(cx, "region.villages").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let years = whole_of(cx, "period.years").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let start_year = {
        let (c, v, row) = cell_of("period.start_year");
        let f = field("period.start_year")?;
        let y = read_cell(cx, &c, f, read_year(v));
        if y.is_none() && v.is_none() {
            missing(cx, if row == 0 { &g.name } else { &c }, f, "");
        }
        if let Some((y, true)) = y {
            date_in_year(cx, &c, f, y);
        }
        y.map(|(y, _)| y)
    };
    let area_km2 = {
        let (c, v, _) = cell_of("region.area_km2");
        let f = field("region.area_km2")?;
        read_cell(cx, &c, f, read_decimal(v))
    };
    if missions.is_empty() {
        let f = field("missions")?;
        missing(cx, &g.name, f, "(at least one mission row)");
    }
    let evaluation = if weights.is_empty() {
        None
    } else {
        let w = |k: &str| weights.get(k).copied();
        match (
            w("evaluation.weights.baseline"),
            w("evaluation.weights.output"),
            w("evaluation.weights.outcome"),
            w("evaluation.weights.impact"),
            w("evaluation.weights.quick_win"),
        ) {
            (Some(baseline), Some(output), Some(outcome), Some(impact), Some(quick_win)) => {
                Some(EvaluationConfig {
                    weights: Some(Weights {
                        baseline,
                        output,
                        outcome,
                        impact,
                        quick_win,
                    }),
                })
            }
            _ => {
                let f = field("evaluation.weights.baseline")?;
                missing(
                    cx,
                    weight_row.as_deref().unwrap_or(&g.name),
                    f,
                    "(give all five evaluation weights, or none)",
                );
                None
            }
        }
    };
    let (Some(name), Some(kind), Some(start_year), Some(vision)) = (name, kind, start_year, vision)
    else {
        return None;
    };
    if !ok || !ok2 {
        return None;
    }
    Some(Masterplan {
        region: Region {
            name,
            kind,
            province,
            capital,
            head,
            area_km2,
            population,
            districts,
            villages,
            logo,
        },
        period: Period {
            start_year,
            years: years.unwrap_or(10),
        },
        language,
        taxonomy,
        title,
        foreword,
        vision,
        missions,
        rpjmd: (rpjmd_used || rpjmd_vision.is_some()).then_some(Rpjmd {
            period: rpjmd_period,
            vision: rpjmd_vision,
            missions: rpjmd_missions,
        }),
        opd: Vec::new(),
        team: (team_used || decree.is_some()).then_some(Team {
            decree,
            council,
            implementers,
        }),
        legal_basis: legal_used.then_some(legal),
        evaluation,
    })
}

pub(super) fn read_opd(g: &Grid, cx: &mut Cx) -> Vec<Opd> {
    let Some(cols) = columns(g, OPD_COLUMNS, &|_| false, cx) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (row, cells) in data_rows(g, &cols) {
        let i = out.len();
        let get = |cx: &mut Cx, key: &str| {
            let f = field_of(OPD_COLUMNS, key);
            let col = cols.get(key).copied()?;
            let c = cell_ref(&g.name, row, col);
            cx.loc(MP, format!("opd[{i}].{key}"), c.clone(), f);
            let v = read_cell(cx, &c, f, read_text(cells.get(&col)));
            if v.is_none() && f.required {
                missing(cx, &c, f, "");
            }
            v
        };
        let code = get(cx, "code");
        let name = get(cx, "name");
        let head = get(cx, "head");
        cx.loc(
            MP,
            format!("opd[{i}]"),
            cell_ref(&g.name, row, cols.get("code").copied().unwrap_or(0)),
            &OPD_COLUMNS[0],
        );
        if let (Some(code), Some(name)) = (code, name) {
            out.push(Opd {
                code: code.to_uppercase(),
                name,
                head,
            });
        }
    }
    out
}
