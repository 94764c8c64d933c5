//! `generate --format xlsx`: the document's tables as a workbook for Bappeda and the finance
//! office (rust_xlsxwriter): programmes, quick wins, roadmap (programme x year), budget by
//! programme, by dimension and by source x year, indicators x year, and the OPD responsibility
//! matrix. Totals are real formulas (`SUM`, `SUMIF`) with their values cached, so a cell edited
//! in Excel updates them. Deterministic: fixed document properties and creation time.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use crate::model::{Language, Project, Value};
use crate::plan::{Plan, Role};
use crate::render::i18n::Labels;
use crate::worksheet::column_name;

/// The sheet names (stable).
pub const SHEETS: [&str; 8] = [
    "programmes",
    "quick_wins",
    "roadmap",
    "budget_programmes",
    "budget_dimensions",
    "budget_sources",
    "indicators",
    "opd_matrix",
];

/// The workbook of the document's tables.
pub fn tables(project: &Project, plan: &Plan) -> Result<Vec<u8>, XlsxError> {
    let lang = project.masterplan.language;
    let t = |id: &'static str, en: &'static str| match lang {
        Language::Id => id,
        Language::En => en,
    };
    let labels = Labels::new(lang);
    let f = Formats::new();
    let mut book = Workbook::new();
    let title = project
        .masterplan
        .title
        .clone()
        .unwrap_or_else(|| "Masterplan Smart City".to_string());
    book.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_author("masterplan")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let years = &plan.years;

    // Programmes.
    let ws = book.add_worksheet().set_name(SHEETS[0])?;
    header(
        ws,
        &f,
        &[
            t("ID", "ID"),
            t("Program", "Programme"),
            t("Dimensi", "Dimension"),
            t("Elemen", "Element"),
            t("Kategori", "Category"),
            t("OPD penanggung jawab", "Lead OPD"),
            t("OPD pendukung", "Supporting OPDs"),
            t("Mulai", "Start"),
            t("Selesai", "End"),
            t("Jangka", "Horizon"),
            t("Quick win", "Quick win"),
            t("Anggaran (Rp)", "Budget (Rp)"),
        ],
    )?;
    for (i, p) in plan.programs.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &p.id)?;
        ws.write_string(r, 1, &p.name)?;
        ws.write_string(r, 2, &p.dimension_label)?;
        ws.write_string(r, 3, &p.element_label)?;
        ws.write_string(r, 4, labels.category(p.category.key()))?;
        ws.write_string(r, 5, &p.lead.code)?;
        let support: Vec<&str> = p.support.iter().map(|o| o.code.as_str()).collect();
        ws.write_string(r, 6, support.join(", "))?;
        ws.write_number(r, 7, f64::from(p.start))?;
        ws.write_number(r, 8, f64::from(p.end))?;
        ws.write_string(r, 9, labels.horizon(p.horizon.key()))?;
        ws.write_string(r, 10, if p.quick_win { t("ya", "yes") } else { "" })?;
        // The programme's total is the sum of its row on budget_programmes.
        let row = i as u32 + 2;
        let last = column_name(2 + years.len() as u16);
        let formula = Formula::new(format!("=SUM({}!D{row}:{last}{row})", SHEETS[3]))
            .set_result(p.budget_total.to_string());
        ws.write_formula_with_format(r, 11, formula, &f.money)?;
    }
    widths(
        ws,
        &[
            10.0, 40.0, 18.0, 22.0, 16.0, 14.0, 20.0, 8.0, 8.0, 16.0, 10.0, 20.0,
        ],
    )?;

    // Quick wins.
    let ws = book.add_worksheet().set_name(SHEETS[1])?;
    header(
        ws,
        &f,
        &[
            t("No", "No"),
            t("ID", "ID"),
            t("Program", "Programme"),
            t("Dimensi", "Dimension"),
            t("OPD penanggung jawab", "Lead OPD"),
            t("Jadwal", "Schedule"),
            t("Anggaran (Rp)", "Budget (Rp)"),
            t("Keluaran", "Outputs"),
            t("Indikator", "Indicators"),
            t("Dampak", "Impact"),
            t("Upaya", "Effort"),
        ],
    )?;
    for (i, q) in plan.quick_wins.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, q.no as f64)?;
        ws.write_string(r, 1, &q.program)?;
        ws.write_string(r, 2, &q.name)?;
        ws.write_string(r, 3, &q.dimension_label)?;
        ws.write_string(r, 4, &q.lead.code)?;
        ws.write_string(r, 5, &q.schedule)?;
        ws.write_number_with_format(r, 6, q.budget as f64, &f.money)?;
        ws.write_string_with_format(r, 7, q.outputs.join("\n"), &f.wrap)?;
        ws.write_string_with_format(r, 8, q.indicators.join("\n"), &f.wrap)?;
        if let Some(n) = q.impact {
            ws.write_number(r, 9, f64::from(n))?;
        }
        if let Some(n) = q.effort {
            ws.write_number(r, 10, f64::from(n))?;
        }
    }
    if !plan.quick_wins.is_empty() {
        let r = plan.quick_wins.len() as u32 + 1;
        ws.write_string_with_format(r, 5, t("Jumlah", "Total"), &f.total)?;
        let sum: u128 = plan.quick_wins.iter().map(|q| q.budget).sum();
        let formula = Formula::new(format!("=SUM(G2:G{r})")).set_result(sum.to_string());
        ws.write_formula_with_format(r, 6, formula, &f.money_total)?;
    }
    widths(
        ws,
        &[
            5.0, 10.0, 36.0, 18.0, 14.0, 14.0, 18.0, 40.0, 40.0, 8.0, 8.0,
        ],
    )?;

    // Roadmap: programme x year.
    let ws = book.add_worksheet().set_name(SHEETS[2])?;
    let mut cols: Vec<String> = vec![
        t("Jangka", "Horizon").into(),
        t("ID", "ID").into(),
        t("Program", "Programme").into(),
        t("Dimensi", "Dimension").into(),
        t("OPD", "OPD").into(),
    ];
    cols.extend(plan.roadmap.years.iter().map(|y| y.to_string()));
    header_owned(ws, &f, &cols)?;
    let mut r = 1u32;
    for g in &plan.roadmap.groups {
        for row in &g.rows {
            ws.write_string(r, 0, labels.horizon(g.horizon.key()))?;
            ws.write_string(r, 1, &row.program)?;
            ws.write_string(r, 2, &row.name)?;
            ws.write_string(r, 3, &row.dimension_label)?;
            ws.write_string(r, 4, &row.lead)?;
            for (c, active) in row.active.iter().enumerate() {
                if *active {
                    let fmt = if row.quick_win { &f.quick } else { &f.active };
                    ws.write_string_with_format(r, 5 + c as u16, "●", fmt)?;
                }
            }
            r += 1;
        }
    }
    let mut w = vec![16.0, 10.0, 36.0, 18.0, 12.0];
    w.extend(plan.roadmap.years.iter().map(|_| 6.0));
    widths(ws, &w)?;

    // Budget by programme x year: the values, with row and column totals as formulas.
    let ws = book.add_worksheet().set_name(SHEETS[3])?;
    let mut cols: Vec<String> = vec![
        t("ID", "ID").into(),
        t("Program", "Programme").into(),
        t("Dimensi", "Dimension").into(),
    ];
    cols.extend(years.iter().map(|y| y.to_string()));
    cols.push(t("Jumlah", "Total").into());
    header_owned(ws, &f, &cols)?;
    let n = plan.programs.len() as u32;
    let last_year_col = 2 + years.len() as u16;
    for (i, p) in plan.programs.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &p.id)?;
        ws.write_string(r, 1, &p.name)?;
        // The dimension key: budget_dimensions sums by it.
        ws.write_string(r, 2, &p.dimension)?;
        for (c, a) in p.budget_by_year.iter().enumerate() {
            ws.write_number_with_format(r, 3 + c as u16, *a as f64, &f.money)?;
        }
        let row = r + 1;
        let formula = Formula::new(format!("=SUM(D{row}:{}{row})", column_name(last_year_col)))
            .set_result(p.budget_total.to_string());
        ws.write_formula_with_format(r, last_year_col + 1, formula, &f.money_total)?;
    }
    totals_row(
        ws,
        &f,
        n + 1,
        3,
        last_year_col + 1,
        &plan.budget.per_year,
        plan.budget.total,
        t("Jumlah", "Total"),
    )?;
    let mut w = vec![10.0, 36.0, 14.0];
    w.extend(years.iter().map(|_| 16.0));
    w.push(18.0);
    widths(ws, &w)?;

    // Budget by dimension x year: SUMIF over budget_programmes.
    let ws = book.add_worksheet().set_name(SHEETS[4])?;
    let mut cols: Vec<String> = vec![t("Dimensi", "Dimension").into(), t("Kunci", "Key").into()];
    cols.extend(years.iter().map(|y| y.to_string()));
    cols.push(t("Jumlah", "Total").into());
    header_owned(ws, &f, &cols)?;
    let last_prog_row = n + 1;
    for (i, d) in plan.budget.by_dimension.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &d.label)?;
        ws.write_string(r, 1, &d.key)?;
        for (c, a) in d.per_year.iter().enumerate() {
            let col = column_name(3 + c as u16);
            let formula = Formula::new(format!(
                "=SUMIF({p}!$C$2:$C${last_prog_row},$B{row},{p}!{col}$2:{col}${last_prog_row})",
                p = SHEETS[3],
                row = r + 1
            ))
            .set_result(a.to_string());
            ws.write_formula_with_format(r, 2 + c as u16, formula, &f.money)?;
        }
        let row = r + 1;
        let end = column_name(1 + years.len() as u16);
        let formula =
            Formula::new(format!("=SUM(C{row}:{end}{row})")).set_result(d.total.to_string());
        ws.write_formula_with_format(r, 2 + years.len() as u16, formula, &f.money_total)?;
    }
    totals_row(
        ws,
        &f,
        plan.budget.by_dimension.len() as u32 + 1,
        2,
        2 + years.len() as u16,
        &plan.budget.per_year,
        plan.budget.total,
        t("Jumlah", "Total"),
    )?;
    let mut w = vec![24.0, 14.0];
    w.extend(years.iter().map(|_| 16.0));
    w.push(18.0);
    widths(ws, &w)?;

    // Budget by source x year: values, totals as formulas.
    let ws = book.add_worksheet().set_name(SHEETS[5])?;
    let mut cols: Vec<String> = vec![t("Sumber dana", "Source").into(), t("Kunci", "Key").into()];
    cols.extend(years.iter().map(|y| y.to_string()));
    cols.push(t("Jumlah", "Total").into());
    header_owned(ws, &f, &cols)?;
    for (i, s) in plan.budget.by_source.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &s.label)?;
        ws.write_string(r, 1, &s.key)?;
        for (c, a) in s.per_year.iter().enumerate() {
            ws.write_number_with_format(r, 2 + c as u16, *a as f64, &f.money)?;
        }
        let row = r + 1;
        let end = column_name(1 + years.len() as u16);
        let formula =
            Formula::new(format!("=SUM(C{row}:{end}{row})")).set_result(s.total.to_string());
        ws.write_formula_with_format(r, 2 + years.len() as u16, formula, &f.money_total)?;
    }
    totals_row(
        ws,
        &f,
        plan.budget.by_source.len() as u32 + 1,
        2,
        2 + years.len() as u16,
        &plan.budget.per_year,
        plan.budget.total,
        t("Jumlah", "Total"),
    )?;
    widths(ws, &w)?;

    // Indicators x year.
    let ws = book.add_worksheet().set_name(SHEETS[6])?;
    let mut cols: Vec<String> = vec![
        t("ID", "ID").into(),
        t("Program", "Programme").into(),
        t("Indikator", "Indicator").into(),
        t("Satuan", "Unit").into(),
        t("Baseline", "Baseline").into(),
    ];
    cols.extend(years.iter().map(|y| y.to_string()));
    header_owned(ws, &f, &cols)?;
    for (i, ind) in plan.indicators.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &ind.program)?;
        ws.write_string(r, 1, &ind.program_name)?;
        ws.write_string(r, 2, &ind.name)?;
        ws.write_string(r, 3, ind.unit.as_deref().unwrap_or(""))?;
        if let Some(b) = &ind.baseline {
            value(ws, r, 4, b)?;
        }
        for (c, v) in ind.targets.iter().enumerate() {
            if let Some(v) = v {
                value(ws, r, 5 + c as u16, v)?;
            }
        }
    }
    let mut w = vec![10.0, 30.0, 36.0, 12.0, 10.0];
    w.extend(years.iter().map(|_| 9.0));
    widths(ws, &w)?;

    // OPD responsibility matrix.
    let ws = book.add_worksheet().set_name(SHEETS[7])?;
    let mut cols: Vec<String> = vec![t("ID", "ID").into(), t("Program", "Programme").into()];
    cols.extend(plan.responsibility.opds.iter().map(|o| o.code.clone()));
    header_owned(ws, &f, &cols)?;
    let (lead, support) = (t("PJ", "L"), t("D", "S"));
    for (i, row) in plan.responsibility.rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, &row.program)?;
        ws.write_string(r, 1, &row.name)?;
        for (c, role) in row.roles.iter().enumerate() {
            match role {
                Role::Lead => ws.write_string_with_format(r, 2 + c as u16, lead, &f.active)?,
                Role::Support => ws.write_string(r, 2 + c as u16, support)?,
                Role::None => ws,
            };
        }
    }
    let r = plan.responsibility.rows.len() as u32 + 2;
    ws.write_string(
        r,
        1,
        t(
            "PJ = penanggung jawab, D = pendukung",
            "L = lead, S = supporting",
        ),
    )?;
    let mut w = vec![10.0, 36.0];
    w.extend(plan.responsibility.opds.iter().map(|_| 9.0));
    widths(ws, &w)?;

    book.save_to_buffer()
}

struct Formats {
    header: Format,
    money: Format,
    money_total: Format,
    total: Format,
    wrap: Format,
    active: Format,
    quick: Format,
}

impl Formats {
    fn new() -> Self {
        let money = "\"Rp\" #,##0";
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0x1F4E79))
                .set_font_color(Color::White)
                .set_border(FormatBorder::Thin),
            money: Format::new().set_num_format(money),
            money_total: Format::new().set_num_format(money).set_bold(),
            total: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
            active: Format::new()
                .set_background_color(Color::RGB(0x9DC3E6))
                .set_align(rust_xlsxwriter::FormatAlign::Center),
            quick: Format::new()
                .set_background_color(Color::RGB(0xF4B183))
                .set_align(rust_xlsxwriter::FormatAlign::Center),
        }
    }
}

fn header(ws: &mut Worksheet, f: &Formats, cols: &[&str]) -> Result<(), XlsxError> {
    for (c, label) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *label, &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn header_owned(ws: &mut Worksheet, f: &Formats, cols: &[String]) -> Result<(), XlsxError> {
    let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
    header(ws, f, &cols)
}

fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

fn value(ws: &mut Worksheet, r: u32, c: u16, v: &Value) -> Result<(), XlsxError> {
    match v {
        Value::Number(n) => ws.write_number(r, c, *n)?,
        Value::Text(t) => ws.write_string(r, c, t)?,
    };
    Ok(())
}

/// A totals row: `=SUM` of each year column over the rows above, and of the totals column.
#[allow(clippy::too_many_arguments)]
fn totals_row(
    ws: &mut Worksheet,
    f: &Formats,
    r: u32,
    first_col: u16,
    total_col: u16,
    per_year: &[u128],
    total: u128,
    label: &str,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(r, 0, label, &f.total)?;
    for c in first_col..=total_col {
        let col = column_name(c);
        let cached = if c == total_col {
            total
        } else {
            per_year
                .get(usize::from(c - first_col))
                .copied()
                .unwrap_or(0)
        };
        let formula = Formula::new(format!("=SUM({col}2:{col}{r})")).set_result(cached.to_string());
        ws.write_formula_with_format(r, c, formula, &f.money_total)?;
    }
    Ok(())
}
