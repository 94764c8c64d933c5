//! `worksheet export`: a project (or one pokja) as the Bimtek workbook, with rust_xlsxwriter.
//!
//! Deterministic: fixed document properties and creation time, sheets and rows in model order,
//! so identical projects give identical bytes.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{
    BUDGET, BUDGET_COLUMNS, Field, HEADER_ROWS, INDICATOR_COLUMNS, INDICATORS, Kind, LISTS, OPD,
    OPD_COLUMNS, PAIRS, POKJA, POKJA_COLUMNS, POKJA_ROWS, PROGRAM_COLUMNS, REGION, REGION_COLUMNS,
    REGION_ROWS, REPEATING, cell_ref, column_name, yes_no,
};
use crate::model::{
    BudgetSource, Category, Direction, Language, Masterplan, PokjaFile, Program, Project,
    RegionType, Value,
};
use crate::taxonomy::Taxonomy;

/// Excel's limit on the characters of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The last row a dropdown or an unlocked column covers (0-based; Excel's last row).
const LAST_ROW: u32 = 1_048_575;

/// Why a workbook could not be written: the sheet and cell concerned, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    /// `economy!E7`, or empty when no cell is concerned.
    pub cell: String,
    pub message: String,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.cell.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.cell, self.message)
        }
    }
}

fn xlsx(cell: String) -> impl FnOnce(XlsxError) -> ExportError {
    move |e| ExportError {
        cell,
        message: e.to_string(),
    }
}

/// The workbook of a project; `only` limits the pokja sheets to one dimension key.
pub fn export(
    project: &Project,
    taxonomy: &Taxonomy,
    only: Option<&str>,
) -> Result<Vec<u8>, ExportError> {
    let m = &project.masterplan;
    let pokja: Vec<&PokjaFile> = project
        .pokja
        .iter()
        .filter(|p| only.is_none_or(|k| p.pokja.dimension == k))
        .collect();
    let w = Writer::new(m.language, taxonomy, m, &pokja);
    let mut book = Workbook::new();
    let props = DocProperties::new()
        .set_title(
            m.title
                .clone()
                .unwrap_or_else(|| "Masterplan Smart City".into()),
        )
        .set_subject("Lembar kerja Masterplan Smart City")
        .set_author("masterplan")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx(String::new()))?);
    book.set_properties(&props);

    w.instructions(book.add_worksheet())?;
    w.region(book.add_worksheet())?;
    w.opd(book.add_worksheet())?;
    w.pokja(book.add_worksheet())?;
    for p in &pokja {
        w.programs(book.add_worksheet(), p)?;
    }
    w.budget(book.add_worksheet())?;
    w.indicators(book.add_worksheet())?;
    w.lists(book.add_worksheet())?;
    book.save_to_buffer().map_err(xlsx(String::new()))
}

/// Columns of the lists sheet, in order; element lists follow, one column per dimension.
const LIST_NAMES: [&str; 11] = [
    "region.type",
    "language",
    "category",
    "source",
    "direction",
    "yes_no",
    "score",
    "year",
    "period.years",
    "dimension",
    "program",
];

struct Writer<'a> {
    lang: Language,
    taxonomy: &'a Taxonomy,
    m: &'a Masterplan,
    pokja: &'a [&'a PokjaFile],
    header: Format,
    key: Format,
    locked: Format,
    text: Format,
    wrap: Format,
    money: Format,
    whole: Format,
    decimal: Format,
    /// Lines of wrapped text per row of the sheet being written, to set row heights (Excel and
    /// LibreOffice do not grow a row for wrapped text written by a program).
    lines: std::cell::RefCell<std::collections::BTreeMap<u32, usize>>,
}

/// The lines a wrapped text takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: usize) -> usize {
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(width.max(1)).max(1))
        .sum()
}

impl<'a> Writer<'a> {
    fn note_lines(&self, row: u32, text: &str, width: usize) {
        let n = wrapped_lines(text, width);
        let mut lines = self.lines.borrow_mut();
        let e = lines.entry(row).or_insert(1);
        *e = (*e).max(n);
    }

    /// Set the heights of the rows noted since the last call (15 points a line, at most 300).
    fn fit_rows(&self, ws: &mut Worksheet, sheet: &str) -> Result<(), ExportError> {
        let lines = std::mem::take(&mut *self.lines.borrow_mut());
        for (row, n) in lines {
            if n > 1 {
                let h = (15 * n).min(300) as f64;
                ws.set_row_height(row, h).map_err(xlsx(sheet.to_string()))?;
            }
        }
        Ok(())
    }

    fn new(
        lang: Language,
        taxonomy: &'a Taxonomy,
        m: &'a Masterplan,
        pokja: &'a [&'a PokjaFile],
    ) -> Self {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0x1F4E79))
            .set_font_color(Color::White)
            .set_border(FormatBorder::Thin)
            .set_locked();
        let key = Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x595959))
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border(FormatBorder::Thin)
            .set_locked();
        Writer {
            lang,
            taxonomy,
            m,
            pokja,
            header,
            key,
            locked: Format::new()
                .set_locked()
                .set_background_color(Color::RGB(0xF2F2F2)),
            text: Format::new()
                .set_unlocked()
                .set_num_format("@")
                .set_align(FormatAlign::Top),
            wrap: Format::new()
                .set_unlocked()
                .set_text_wrap()
                .set_num_format("@")
                .set_align(FormatAlign::Top),
            money: Format::new()
                .set_unlocked()
                .set_num_format("\"Rp\" #,##0")
                .set_align(FormatAlign::Top),
            whole: Format::new()
                .set_unlocked()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            decimal: Format::new()
                .set_unlocked()
                .set_num_format("General")
                .set_align(FormatAlign::Top),
            lines: Default::default(),
        }
    }

    fn t(&self, id: &'static str, en: &'static str) -> &'static str {
        match self.lang {
            Language::Id => id,
            Language::En => en,
        }
    }

    fn format_of(&self, kind: Kind) -> &Format {
        match kind {
            Kind::Prose | Kind::Lines => &self.wrap,
            Kind::Money => &self.money,
            Kind::Year | Kind::Whole | Kind::Score | Kind::PeriodYears => &self.whole,
            Kind::Decimal | Kind::Value | Kind::NumberList => &self.decimal,
            _ => &self.text,
        }
    }

    fn width_of(kind: Kind) -> f64 {
        match kind {
            Kind::Prose | Kind::Lines => 50.0,
            Kind::Money => 18.0,
            Kind::Year | Kind::Score | Kind::YesNo => 10.0,
            _ => 14.0,
        }
    }

    /// A list column of the lists sheet as a dropdown formula.
    fn list_formula(&self, col: u16, len: usize) -> Formula {
        let c = column_name(col);
        Formula::new(format!("={LISTS}!${c}$2:${c}${}", len.max(1) + 1))
    }

    fn list_len(&self, name: &str) -> usize {
        self.lists_data()
            .into_iter()
            .find(|(n, _)| n == name)
            .map_or(1, |(_, v)| v.len())
    }

    fn list_col(&self, name: &str) -> u16 {
        self.lists_data()
            .iter()
            .position(|(n, _)| n == name)
            .unwrap_or(0) as u16
    }

    /// The dropdown for a kind of cell, if the kind is a closed set.
    fn validation(&self, kind: Kind, dimension: Option<&str>) -> Option<DataValidation> {
        let name = match kind {
            Kind::RegionType => "region.type",
            Kind::Language => "language",
            Kind::Category => "category",
            Kind::Source => "source",
            Kind::Direction => "direction",
            Kind::YesNo => "yes_no",
            Kind::Score => "score",
            Kind::Year => "year",
            Kind::PeriodYears => "period.years",
            Kind::Dimension => "dimension",
            Kind::ProgramId => "program",
            Kind::Opd => {
                // The OPD sheet itself, so an OPD added there is offered at once.
                let dv = DataValidation::new()
                    .allow_list_formula(Formula::new(format!("={OPD}!$A$3:$A$2000")));
                return Some(self.messages(dv, kind));
            }
            Kind::Element => {
                let key = format!("element.{}", dimension?);
                let dv = DataValidation::new().allow_list_formula(
                    self.list_formula(self.list_col(&key), self.list_len(&key)),
                );
                return Some(self.messages(dv, kind));
            }
            _ => return None,
        };
        let dv = DataValidation::new()
            .allow_list_formula(self.list_formula(self.list_col(name), self.list_len(name)));
        Some(self.messages(dv, kind))
    }

    fn messages(&self, dv: DataValidation, kind: Kind) -> DataValidation {
        // A new programme id is not in the list yet: warn rather than refuse.
        if kind == Kind::ProgramId {
            dv.set_error_style(DataValidationErrorStyle::Warning)
        } else {
            dv
        }
    }

    fn protect(ws: &mut Worksheet) {
        let options = ProtectionOptions {
            format_columns: true,
            format_rows: true,
            insert_rows: true,
            delete_rows: true,
            sort: true,
            ..ProtectionOptions::default()
        };
        ws.protect_with_options(&options);
    }

    /// Two header rows (label, field key), dropdowns and formats for the columns of a table.
    fn table_header(
        &self,
        ws: &mut Worksheet,
        sheet: &str,
        columns: &[(String, String, Kind)],
        dimension: Option<&str>,
    ) -> Result<(), ExportError> {
        for (c, (label, key, kind)) in columns.iter().enumerate() {
            let c = c as u16;
            ws.set_column_format(c, self.format_of(*kind))
                .map_err(xlsx(cell_ref(sheet, 0, c)))?;
            ws.write_string_with_format(0, c, label, &self.header)
                .map_err(xlsx(cell_ref(sheet, 0, c)))?;
            ws.write_string_with_format(1, c, key, &self.key)
                .map_err(xlsx(cell_ref(sheet, 1, c)))?;
            let width = Self::width_of(*kind).max((label.chars().count().min(40) + 2) as f64);
            ws.set_column_width(c, width)
                .map_err(xlsx(cell_ref(sheet, 0, c)))?;
            if let Some(dv) = self.validation(*kind, dimension) {
                ws.add_data_validation(HEADER_ROWS, c, LAST_ROW, c, &dv)
                    .map_err(xlsx(cell_ref(sheet, HEADER_ROWS, c)))?;
            }
        }
        ws.set_row_height(0, 32).map_err(xlsx(sheet.to_string()))?;
        ws.set_freeze_panes(HEADER_ROWS, 1)
            .map_err(xlsx(sheet.to_string()))?;
        Self::protect(ws);
        Ok(())
    }

    fn fields(&self, fields: &[Field]) -> Vec<(String, String, Kind)> {
        fields
            .iter()
            .map(|f| (f.label(self.lang).to_string(), f.key.to_string(), f.kind))
            .collect()
    }

    fn string(
        &self,
        ws: &mut Worksheet,
        sheet: &str,
        row: u32,
        col: u16,
        text: &str,
    ) -> Result<(), ExportError> {
        if text.is_empty() {
            return Ok(());
        }
        if text.chars().count() > MAX_CELL_CHARS {
            return Err(ExportError {
                cell: cell_ref(sheet, row, col),
                message: format!(
                    "the text has {} characters, more than the {MAX_CELL_CHARS} an Excel cell holds",
                    text.chars().count()
                ),
            });
        }
        ws.write_string(row, col, text)
            .map_err(xlsx(cell_ref(sheet, row, col)))?;
        Ok(())
    }

    fn number(
        &self,
        ws: &mut Worksheet,
        sheet: &str,
        row: u32,
        col: u16,
        n: f64,
    ) -> Result<(), ExportError> {
        ws.write_number(row, col, n)
            .map_err(xlsx(cell_ref(sheet, row, col)))?;
        Ok(())
    }

    fn value(
        &self,
        ws: &mut Worksheet,
        sheet: &str,
        row: u32,
        col: u16,
        v: &Value,
    ) -> Result<(), ExportError> {
        match v {
            Value::Number(n) => self.number(ws, sheet, row, col, *n),
            Value::Text(t) => self.string(ws, sheet, row, col, t),
        }
    }

    fn instructions(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        let name = match self.lang {
            Language::Id => super::INSTRUCTIONS[0],
            Language::En => super::INSTRUCTIONS[1],
        };
        ws.set_name(name).map_err(xlsx(name.to_string()))?;
        let title = Format::new().set_bold().set_font_size(14);
        let bold = Format::new().set_bold();
        let wrap = Format::new().set_text_wrap();
        ws.set_column_width(0, 22).map_err(xlsx(name.into()))?;
        ws.set_column_width(1, 100).map_err(xlsx(name.into()))?;
        let mut lines: Vec<(String, String)> = vec![
            (
                self.t("Lembar kerja Masterplan Smart City", "Masterplan Smart City worksheet").into(),
                String::new(),
            ),
            (
                self.t("Cara memakai", "How to use it").into(),
                self.t(
                    "Isi sel putih; baris judul (label dan kunci isian) dikunci. Satu program satu baris di lembar dimensinya; anggaran dan indikator di lembarnya sendiri dengan ID program. Lalu jalankan `masterplan worksheet import BERKAS.xlsx FOLDER` dan `masterplan check FOLDER`.",
                    "Fill in the white cells; the header rows (label and field key) are locked. One programme per row on its dimension's sheet; budget lines and indicators on their own sheets, by programme id. Then run `masterplan worksheet import FILE.xlsx FOLDER` and `masterplan check FOLDER`.",
                )
                .into(),
            ),
            (
                REGION.into(),
                self.t(
                    "Data daerah (masterplan.yaml): satu isian per baris; kolom Nilai diisi. Misi, dasar hukum, anggota tim dan misi RPJMD: satu per baris, ulangi kuncinya untuk menambah baris.",
                    "The region (masterplan.yaml): one field per row, fill in the Value column. Missions, legal basis, team members and RPJMD missions: one per row, repeat the key to add rows.",
                )
                .into(),
            ),
            (
                OPD.into(),
                self.t(
                    "Daftar OPD: kode (unik, huruf besar), nama, kepala. Kode dipakai di semua lembar lain.",
                    "The OPD list: code (unique, capitals), name, head. The codes are used on every other sheet.",
                )
                .into(),
            ),
            (
                POKJA.into(),
                self.t(
                    "Per pokja: koordinator, anggota, tujuan, sasaran, isu, kesiapan (skor 1-5) dan SWOT; satu isian per baris.",
                    "Per pokja: coordinator, members, goal, targets, issues, readiness (score 1-5) and SWOT; one field per row.",
                )
                .into(),
            ),
        ];
        for p in self.pokja {
            let label = self
                .taxonomy
                .dimension(&p.pokja.dimension)
                .map_or(p.pokja.dimension.as_str(), |d| d.label.get(self.lang));
            lines.push((
                p.pokja.dimension.clone(),
                format!(
                    "{}: {label}. {}",
                    self.t("Program", "Programmes"),
                    self.t(
                        "Satu program per baris. Daftar (OPD pendukung, ketergantungan, misi RPJMD, SDGs) dipisah koma; keluaran satu per baris dalam sel (Alt+Enter).",
                        "One programme per row. Lists (supporting OPDs, dependencies, RPJMD missions, SDGs) separated by commas; outputs one per line inside the cell (Alt+Enter).",
                    )
                ),
            ));
        }
        lines.push((
            BUDGET.into(),
            self.t(
                "Baris anggaran: ID program, sumber dana, jumlah dalam Rupiah, tahun (kosong: dibagi rata selama program).",
                "Budget lines: programme id, source, amount in Rupiah, year (empty: spread evenly over the programme).",
            )
            .into(),
        ));
        lines.push((
            INDICATORS.into(),
            self.t(
                "Indikator: ID program, nama, satuan, baseline, arah, lalu target per tahun periode (kosong: tanpa target tahun itu).",
                "Indicators: programme id, name, unit, baseline, direction, then a target per period year (empty: no target that year).",
            )
            .into(),
        ));
        lines.push((
            LISTS.into(),
            self.t(
                "Pilihan yang diizinkan (dropdown); jangan diubah.",
                "The allowed values (dropdowns); do not change.",
            )
            .into(),
        ));
        lines.push((String::new(), String::new()));
        lines.push((
            self.t("Nilai yang diizinkan", "Allowed values").into(),
            String::new(),
        ));
        for (name, values) in self.lists_data() {
            if name == "program" || name == "year" {
                continue;
            }
            let shown: Vec<String> = values.iter().map(ListValue::text).collect();
            lines.push((name, shown.join(", ")));
        }
        for (r, (a, b)) in lines.iter().enumerate() {
            let r = r as u32;
            let fa = if r == 0 { &title } else { &bold };
            if !a.is_empty() {
                ws.write_string_with_format(r, 0, a, fa)
                    .map_err(xlsx(cell_ref(name, r, 0)))?;
            }
            if !b.is_empty() {
                ws.write_string_with_format(r, 1, b, &wrap)
                    .map_err(xlsx(cell_ref(name, r, 1)))?;
                self.note_lines(r, b, 105);
            }
        }
        self.fit_rows(ws, name)
    }

    fn region(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(REGION).map_err(xlsx(REGION.into()))?;
        let m = self.m;
        for (c, col) in REGION_COLUMNS.iter().enumerate() {
            let c = c as u16;
            let label = format!("{} ({})", col.label(self.lang), col.key);
            ws.write_string_with_format(0, c, &label, &self.header)
                .map_err(xlsx(cell_ref(REGION, 0, c)))?;
        }
        ws.set_column_width(0, 34).map_err(xlsx(REGION.into()))?;
        ws.set_column_width(1, 28).map_err(xlsx(REGION.into()))?;
        ws.set_column_width(2, 60).map_err(xlsx(REGION.into()))?;
        ws.set_column_width(3, 50).map_err(xlsx(REGION.into()))?;
        ws.set_column_format(2, &self.wrap)
            .map_err(xlsx(REGION.into()))?;
        ws.set_column_format(3, &self.wrap)
            .map_err(xlsx(REGION.into()))?;
        let mut row = 1u32;
        for field in REGION_ROWS {
            let values = region_values(m, field.key);
            let values = if values.is_empty() {
                vec![(Cell::Empty, Cell::Empty)]
            } else {
                values
            };
            for (v1, v2) in values {
                ws.write_string_with_format(row, 0, field.label(self.lang), &self.locked)
                    .map_err(xlsx(cell_ref(REGION, row, 0)))?;
                ws.write_string_with_format(row, 1, field.key, &self.key)
                    .map_err(xlsx(cell_ref(REGION, row, 1)))?;
                let pair = PAIRS.contains(&field.key);
                self.cell(ws, REGION, row, 2, &v1, field.kind)?;
                if pair {
                    self.cell(ws, REGION, row, 3, &v2, field.kind)?;
                }
                if let Some(dv) = self.validation(field.kind, None) {
                    ws.add_data_validation(row, 2, row, 2, &dv)
                        .map_err(xlsx(cell_ref(REGION, row, 2)))?;
                }
                row += 1;
                if !REPEATING.contains(&field.key) {
                    break;
                }
            }
        }
        ws.set_freeze_panes(1, 2).map_err(xlsx(REGION.into()))?;
        Self::protect(ws);
        self.fit_rows(ws, REGION)
    }

    fn cell(
        &self,
        ws: &mut Worksheet,
        sheet: &str,
        row: u32,
        col: u16,
        v: &Cell,
        kind: Kind,
    ) -> Result<(), ExportError> {
        match v {
            Cell::Empty => Ok(()),
            Cell::Text(t) => {
                if matches!(kind, Kind::Prose | Kind::Lines) || sheet == REGION || sheet == POKJA {
                    self.note_lines(row, t, if sheet == POKJA { 75 } else { 55 });
                }
                self.string(ws, sheet, row, col, t)
            }
            Cell::Number(n) => {
                ws.write_number_with_format(row, col, *n, self.format_of(kind))
                    .map_err(xlsx(cell_ref(sheet, row, col)))?;
                Ok(())
            }
        }
    }

    fn opd(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(OPD).map_err(xlsx(OPD.into()))?;
        self.table_header(ws, OPD, &self.fields(OPD_COLUMNS), None)?;
        ws.set_column_width(1, 60).map_err(xlsx(OPD.into()))?;
        ws.set_column_width(2, 36).map_err(xlsx(OPD.into()))?;
        for (i, o) in self.m.opd.iter().enumerate() {
            let r = HEADER_ROWS + i as u32;
            self.string(ws, OPD, r, 0, &o.code)?;
            self.string(ws, OPD, r, 1, &o.name)?;
            self.string(ws, OPD, r, 2, o.head.as_deref().unwrap_or(""))?;
        }
        Ok(())
    }

    fn pokja(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(POKJA).map_err(xlsx(POKJA.into()))?;
        for (c, col) in POKJA_COLUMNS.iter().enumerate() {
            let c = c as u16;
            let label = format!("{} ({})", col.label(self.lang), col.key);
            ws.write_string_with_format(0, c, &label, &self.header)
                .map_err(xlsx(cell_ref(POKJA, 0, c)))?;
        }
        for (c, w) in [(0u16, 14.0), (1, 36.0), (2, 32.0), (3, 70.0)] {
            ws.set_column_width(c, w).map_err(xlsx(POKJA.into()))?;
        }
        ws.set_column_format(3, &self.wrap)
            .map_err(xlsx(POKJA.into()))?;
        let mut row = 1u32;
        for p in self.pokja {
            let dim = &p.pokja.dimension;
            for field in POKJA_ROWS {
                let values = pokja_values(p, field.key);
                let values = if values.is_empty() {
                    vec![Cell::Empty]
                } else {
                    values
                };
                for v in values {
                    ws.write_string_with_format(row, 0, dim, &self.locked)
                        .map_err(xlsx(cell_ref(POKJA, row, 0)))?;
                    ws.write_string_with_format(row, 1, field.label(self.lang), &self.locked)
                        .map_err(xlsx(cell_ref(POKJA, row, 1)))?;
                    ws.write_string_with_format(row, 2, field.key, &self.key)
                        .map_err(xlsx(cell_ref(POKJA, row, 2)))?;
                    self.cell(ws, POKJA, row, 3, &v, field.kind)?;
                    if let Some(dv) = self.validation(field.kind, Some(dim)) {
                        ws.add_data_validation(row, 3, row, 3, &dv)
                            .map_err(xlsx(cell_ref(POKJA, row, 3)))?;
                    }
                    row += 1;
                    if !REPEATING.contains(&field.key) {
                        break;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 3).map_err(xlsx(POKJA.into()))?;
        Self::protect(ws);
        self.fit_rows(ws, POKJA)
    }

    fn programs(&self, ws: &mut Worksheet, p: &PokjaFile) -> Result<(), ExportError> {
        let sheet = p.pokja.dimension.as_str();
        ws.set_name(sheet).map_err(xlsx(sheet.into()))?;
        self.table_header(ws, sheet, &self.fields(PROGRAM_COLUMNS), Some(sheet))?;
        ws.set_column_width(1, 36).map_err(xlsx(sheet.into()))?;
        let [yes, no] = yes_no(self.lang);
        for (i, prog) in p.pokja.programs.iter().enumerate() {
            let r = HEADER_ROWS + i as u32;
            for (c, col) in PROGRAM_COLUMNS.iter().enumerate() {
                let c = c as u16;
                let v = program_cell(prog, col.key, yes, no);
                self.cell(ws, sheet, r, c, &v, col.kind)?;
            }
        }
        self.fit_rows(ws, sheet)
    }

    fn budget(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(BUDGET).map_err(xlsx(BUDGET.into()))?;
        self.table_header(ws, BUDGET, &self.fields(BUDGET_COLUMNS), None)?;
        let mut r = HEADER_ROWS;
        for p in self.pokja {
            for prog in &p.pokja.programs {
                for line in &prog.budget {
                    self.string(ws, BUDGET, r, 0, &prog.id)?;
                    self.string(ws, BUDGET, r, 1, line.source.key())?;
                    self.cell(
                        ws,
                        BUDGET,
                        r,
                        2,
                        &Cell::Number(line.amount as f64),
                        Kind::Money,
                    )?;
                    if let Some(y) = line.year {
                        self.cell(ws, BUDGET, r, 3, &Cell::Number(f64::from(y)), Kind::Year)?;
                    }
                    r += 1;
                }
            }
        }
        Ok(())
    }

    fn indicators(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(INDICATORS).map_err(xlsx(INDICATORS.into()))?;
        let mut columns = self.fields(INDICATOR_COLUMNS);
        let years = self.m.period.year_list();
        for y in &years {
            columns.push((
                format!("{} {y}", self.t("Target", "Target")),
                format!("targets.{y}"),
                Kind::Value,
            ));
        }
        self.table_header(ws, INDICATORS, &columns, None)?;
        ws.set_column_width(1, 36)
            .map_err(xlsx(INDICATORS.into()))?;
        let fixed = INDICATOR_COLUMNS.len() as u16;
        let mut r = HEADER_ROWS;
        for p in self.pokja {
            for prog in &p.pokja.programs {
                for ind in &prog.indicators {
                    self.string(ws, INDICATORS, r, 0, &prog.id)?;
                    self.string(ws, INDICATORS, r, 1, &ind.name)?;
                    self.string(ws, INDICATORS, r, 2, ind.unit.as_deref().unwrap_or(""))?;
                    if let Some(b) = &ind.baseline {
                        self.value(ws, INDICATORS, r, 3, b)?;
                    }
                    if ind.direction != Direction::Increase {
                        self.string(ws, INDICATORS, r, 4, ind.direction.key())?;
                    }
                    for (year, target) in &ind.targets {
                        // A target outside the period has no column; `check` reports it, and
                        // the export refuses rather than drop it.
                        let Some(i) = years.iter().position(|y| y == year) else {
                            return Err(ExportError {
                                cell: cell_ref(INDICATORS, r, 1),
                                message: format!(
                                    "programme {}: indicator `{}` has a target for {year}, outside the period; run `masterplan check` and fix it first",
                                    prog.id, ind.name
                                ),
                            });
                        };
                        self.value(ws, INDICATORS, r, fixed + i as u16, target)?;
                    }
                    r += 1;
                }
            }
        }
        Ok(())
    }

    /// The allowed values of every closed set, as the lists sheet holds them.
    fn lists_data(&self) -> Vec<(String, Vec<ListValue>)> {
        let s = |v: &[&str]| {
            v.iter()
                .map(|x| ListValue::Text((*x).to_string()))
                .collect()
        };
        let mut out: Vec<(String, Vec<ListValue>)> = Vec::new();
        for name in LIST_NAMES {
            let values: Vec<ListValue> = match name {
                "region.type" => s(&RegionType::ALL.map(RegionType::key)),
                "language" => s(&["id", "en"]),
                "category" => s(&Category::ALL.map(Category::key)),
                "source" => s(&BudgetSource::ALL.map(BudgetSource::key)),
                "direction" => s(&Direction::ALL.map(Direction::key)),
                "yes_no" => s(&yes_no(self.lang)),
                "score" => (1..=5).map(|n| ListValue::Number(f64::from(n))).collect(),
                "year" => self
                    .m
                    .period
                    .year_list()
                    .into_iter()
                    .map(|y| ListValue::Number(f64::from(y)))
                    .collect(),
                "period.years" => crate::model::PERIOD_YEARS
                    .map(|n| ListValue::Number(f64::from(n)))
                    .collect(),
                "dimension" => self
                    .taxonomy
                    .dimensions
                    .iter()
                    .map(|d| ListValue::Text(d.key.clone()))
                    .collect(),
                _ => self
                    .pokja
                    .iter()
                    .flat_map(|p| p.pokja.programs.iter())
                    .map(|p| ListValue::Text(p.id.clone()))
                    .collect(),
            };
            out.push((name.to_string(), values));
        }
        for d in &self.taxonomy.dimensions {
            out.push((
                format!("element.{}", d.key),
                d.elements
                    .iter()
                    .map(|e| ListValue::Text(e.key.clone()))
                    .collect(),
            ));
        }
        out
    }

    fn lists(&self, ws: &mut Worksheet) -> Result<(), ExportError> {
        ws.set_name(LISTS).map_err(xlsx(LISTS.into()))?;
        for (c, (name, values)) in self.lists_data().iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, name, &self.header)
                .map_err(xlsx(cell_ref(LISTS, 0, c)))?;
            ws.set_column_width(c, 16).map_err(xlsx(LISTS.into()))?;
            for (r, v) in values.iter().enumerate() {
                let r = r as u32 + 1;
                match v {
                    ListValue::Text(t) => self.string(ws, LISTS, r, c, t)?,
                    ListValue::Number(n) => self.number(ws, LISTS, r, c, *n)?,
                }
            }
        }
        ws.protect();
        Ok(())
    }
}

enum ListValue {
    Text(String),
    Number(f64),
}

impl ListValue {
    fn text(&self) -> String {
        match self {
            ListValue::Text(t) => t.clone(),
            ListValue::Number(n) => n.to_string(),
        }
    }
}

/// What one cell holds.
#[derive(Debug, Clone)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

fn text(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| Cell::Text(s.clone()))
}

fn num<T: Into<f64> + Copy>(n: Option<T>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Number(n.into()))
}

/// The values of a region row (pairs for the two value columns); empty when the field is unset.
fn region_values(m: &Masterplan, key: &str) -> Vec<(Cell, Cell)> {
    let one = |c: Cell| match c {
        Cell::Empty => vec![],
        c => vec![(c, Cell::Empty)],
    };
    let r = &m.region;
    match key {
        "region.name" => one(Cell::Text(r.name.clone())),
        "region.type" => one(Cell::Text(r.kind.key().into())),
        "region.province" => one(text(&r.province)),
        "region.capital" => one(text(&r.capital)),
        "region.head" => one(text(&r.head)),
        "region.area_km2" => one(num(r.area_km2)),
        "region.population" => one(r.population.map_or(Cell::Empty, |n| Cell::Number(n as f64))),
        "region.districts" => one(num(r.districts)),
        "region.villages" => one(num(r.villages)),
        "region.logo" => one(text(&r.logo)),
        "period.start_year" => one(Cell::Number(f64::from(m.period.start_year))),
        "period.years" => one(Cell::Number(f64::from(m.period.years))),
        "language" => one(Cell::Text(m.language.key().into())),
        "taxonomy" => one(text(&m.taxonomy)),
        "title" => one(text(&m.title)),
        "foreword" => one(text(&m.foreword)),
        "vision" => one(Cell::Text(m.vision.clone())),
        "missions" => m
            .missions
            .iter()
            .map(|s| (Cell::Text(s.clone()), Cell::Empty))
            .collect(),
        "rpjmd.period" => m
            .rpjmd
            .as_ref()
            .and_then(|r| r.period)
            .map(|[a, b]| vec![(Cell::Number(f64::from(a)), Cell::Number(f64::from(b)))])
            .unwrap_or_default(),
        "rpjmd.vision" => one(m.rpjmd.as_ref().map_or(Cell::Empty, |r| text(&r.vision))),
        "rpjmd.missions" => m
            .rpjmd
            .iter()
            .flat_map(|r| r.missions.iter())
            .map(|x| (Cell::Text(x.id.clone()), Cell::Text(x.text.clone())))
            .collect(),
        "team.decree" => one(m.team.as_ref().map_or(Cell::Empty, |t| text(&t.decree))),
        "team.council" | "team.implementers" => m
            .team
            .iter()
            .flat_map(|t| {
                if key == "team.council" {
                    t.council.iter()
                } else {
                    t.implementers.iter()
                }
            })
            .map(|x| (Cell::Text(x.name.clone()), text(&x.role)))
            .collect(),
        "legal_basis" => m
            .legal_basis
            .iter()
            .flatten()
            .map(|s| (Cell::Text(s.clone()), Cell::Empty))
            .collect(),
        _ => {
            let Some(w) = m.evaluation.as_ref().and_then(|e| e.weights) else {
                return vec![];
            };
            let n = match key {
                "evaluation.weights.baseline" => w.baseline,
                "evaluation.weights.output" => w.output,
                "evaluation.weights.outcome" => w.outcome,
                "evaluation.weights.impact" => w.impact,
                _ => w.quick_win,
            };
            one(Cell::Number(f64::from(n)))
        }
    }
}

fn pokja_values(p: &PokjaFile, key: &str) -> Vec<Cell> {
    let p = &p.pokja;
    let list = |v: &[String]| v.iter().map(|s| Cell::Text(s.clone())).collect();
    let one = |c: Cell| match c {
        Cell::Empty => vec![],
        c => vec![c],
    };
    let readiness = |part: &str, which: Option<&str>| {
        let r = p.readiness.as_ref();
        let s = match part {
            "structure" => r.and_then(|r| r.structure.as_ref()),
            "infrastructure" => r.and_then(|r| r.infrastructure.as_ref()),
            _ => r.and_then(|r| r.superstructure.as_ref()),
        };
        match (s, which) {
            (None, _) => Cell::Empty,
            (Some(s), Some("notes")) => text(&s.notes),
            (Some(s), Some("target")) => {
                s.target.map_or(Cell::Empty, |t| Cell::Number(f64::from(t)))
            }
            (Some(s), _) => Cell::Number(f64::from(s.score)),
        }
    };
    let swot = p.swot.clone().unwrap_or_default();
    match key {
        "coordinator" => one(Cell::Text(p.coordinator.clone())),
        "members" => list(&p.members),
        "goal" => one(text(&p.goal)),
        "targets" => list(&p.targets),
        "issues" => list(&p.issues),
        "swot.strengths" => list(&swot.strengths),
        "swot.weaknesses" => list(&swot.weaknesses),
        "swot.opportunities" => list(&swot.opportunities),
        "swot.threats" => list(&swot.threats),
        _ => {
            let mut parts = key.split('.').skip(1);
            let part = parts.next().unwrap_or_default();
            one(readiness(part, parts.next()))
        }
    }
}

fn program_cell(p: &Program, key: &str, yes: &str, no: &str) -> Cell {
    let join = |v: &[String]| {
        if v.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(v.join(", "))
        }
    };
    match key {
        "id" => Cell::Text(p.id.clone()),
        "name" => Cell::Text(p.name.clone()),
        "element" => Cell::Text(p.element.clone()),
        "category" => Cell::Text(p.category.key().into()),
        "description" => text(&p.description),
        "lead" => Cell::Text(p.lead.clone()),
        "support" => join(&p.support),
        "start" => Cell::Number(f64::from(p.start)),
        "end" => Cell::Number(f64::from(p.end)),
        "outputs" => {
            if p.outputs.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(p.outputs.join("\n"))
            }
        }
        "outcome" => text(&p.outcome),
        "quick_win" => Cell::Text(if p.quick_win { yes } else { no }.into()),
        "impact" => num(p.impact),
        "effort" => num(p.effort),
        "depends_on" => join(&p.depends_on),
        "rpjmd_missions" => join(&p.rpjmd_missions),
        _ => {
            let s: Vec<String> = p.sdgs.iter().map(u8::to_string).collect();
            join(&s)
        }
    }
}
