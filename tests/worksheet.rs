//! `worksheet export` / `worksheet import`: the round trip (model and Markdown), workbooks typed
//! the way planners type them, and a corpus of broken workbooks, each reported at its cell.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_tree, masterplan, repo};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// The model (as JSON) and the Markdown of a project folder.
fn model_and_markdown(dir: &Path) -> (serde_json::Value, String) {
    let checked = masterplan::check(dir);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let (Some(p), Some(t)) = (&checked.project, &checked.taxonomy) else {
        panic!("{} did not load", dir.display())
    };
    let pokja: Vec<_> = p.pokja.iter().map(|f| (&f.file, &f.pokja)).collect();
    let model = serde_json::json!({ "masterplan": &p.masterplan, "pokja": pokja });
    let plan = masterplan::plan::plan(p, t);
    let docs = masterplan::render::render(p, t, &plan, &Default::default()).unwrap();
    (model, docs[0].markdown.clone())
}

/// The JSON diagnostics of a run; each message and hint must have its Indonesian in the
/// catalogue (tests/lang.rs covers the other commands).
fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(out)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for l in &lines {
        let code = l["code"].as_str().unwrap_or_default();
        if let Some(m) = l["message"].as_str()
            && let Err(miss) = masterplan::diagnostic::translate::message(code, m)
        {
            panic!("{miss}");
        }
        if let Some(h) = l["hint"].as_str()
            && let Err(miss) = masterplan::diagnostic::translate::hint(code, h)
        {
            panic!("{miss}");
        }
    }
    lines
}

fn round_trip(source: &Path, tmp: &Path) {
    let book = tmp.join("book.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(source)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let first = fs::read(&book).unwrap();
    // Byte-identical rerun.
    masterplan()
        .args(["worksheet", "export"])
        .arg(source)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    assert_eq!(
        first,
        fs::read(&book).unwrap(),
        "the export is not reproducible"
    );

    let back = tmp.join("back");
    fs::create_dir_all(&back).unwrap();
    if source.join("logo.png").exists() {
        fs::copy(source.join("logo.png"), back.join("logo.png")).unwrap();
    }
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&back)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (m1, md1) = model_and_markdown(source);
    let (m2, md2) = model_and_markdown(&back);
    assert_eq!(m1, m2, "the model changed in the round trip");
    assert!(md1 == md2, "the Markdown changed in the round trip");
}

#[test]
fn both_examples_round_trip_exactly() {
    for example in ["banggai", "makassar"] {
        let tmp = tempfile::tempdir().unwrap();
        round_trip(&repo().join("examples").join(example), tmp.path());
    }
}

#[test]
fn synthetic_projects_round_trip_exactly() {
    for n in [6, 13, 120] {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("synth");
        for (name, text) in masterplan::synth::project(n) {
            let path = src.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        round_trip(&src, tmp.path());
    }
}

#[test]
fn a_scaffolded_project_exports_the_blank_worksheet_and_comes_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--region", "Banggai", "--type", "kabupaten"])
        .args(["--province", "Sulawesi Tengah", "--start-year", "2023"])
        .assert()
        .success();
    round_trip(&dir, tmp.path());
}

/// The parts of the exported workbook's XML that a planner relies on.
#[test]
fn the_export_has_dropdowns_frozen_headers_protection_and_rupiah_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(repo().join("examples/banggai"))
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let bytes = fs::read(&book).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let workbook = read(&mut zip, "xl/workbook.xml");
    for sheet in [
        "petunjuk",
        "region",
        "opd",
        "pokja",
        "governance",
        "economy",
        "environment",
        "budget",
        "indicators",
        "lists",
    ] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet}");
    }
    // Sheet 6 is economy (petunjuk, region, opd, pokja, governance, branding, economy).
    let economy = read(&mut zip, "xl/worksheets/sheet7.xml");
    assert!(economy.contains("<sheetProtection"), "protected");
    assert!(economy.contains("state=\"frozen\""), "frozen header");
    assert!(
        economy.contains("<formula1>opd!$A$3:$A$2000</formula1>"),
        "lead dropdown"
    );
    assert!(
        economy.contains("<formula1>lists!$C$2:$C$5</formula1>"),
        "category dropdown"
    );
    assert!(
        economy.contains("lists!$N$2:$N$4"),
        "the economy element dropdown"
    );
    let budget = read(&mut zip, "xl/worksheets/sheet11.xml");
    assert!(
        budget.contains("<formula1>lists!$D$2:$D$12</formula1>"),
        "sources"
    );
    let styles = read(&mut zip, "xl/styles.xml");
    assert!(styles.contains("&quot;Rp&quot; #,##0"), "Rupiah format");
    let core = read(&mut zip, "docProps/core.xml");
    assert!(core.contains("2000-01-01T00:00:00Z"), "{core}");

    // The lists sheet holds the closed sets, read back with calamine.
    use calamine::{Reader, Xlsx};
    let mut x: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let lists = x.worksheet_range("lists").unwrap();
    let column = |name: &str| -> Vec<String> {
        let col = (0..lists.width())
            .find(|c| lists.get((0, *c)).map(|v| v.to_string()) == Some(name.into()))
            .unwrap();
        (1..lists.height())
            .filter_map(|r| lists.get((r, col)).map(|v| v.to_string()))
            .filter(|s| !s.is_empty())
            .collect()
    };
    assert_eq!(
        column("category"),
        ["policy", "infrastructure", "application", "literacy"]
    );
    assert_eq!(column("yes_no"), ["ya", "tidak"]);
    assert_eq!(column("element.economy").len(), 3);
    assert_eq!(column("year").len(), 10);
    let economy = x.worksheet_range("economy").unwrap();
    assert_eq!(economy.get((1, 5)).unwrap().to_string(), "lead");
    assert_eq!(
        economy.get((0, 5)).unwrap().to_string(),
        "OPD penanggung jawab"
    );
    assert_eq!(economy.get((2, 0)).unwrap().to_string(), "ECO-01");
}

// ---------------------------------------------------------------------------------------------
// Workbooks written the way planners write them.

/// A change made to the workbook after the planner's sheets are written.
type Extra = Box<dyn Fn(&mut Workbook)>;

/// A minimal workbook: region, opd, pokja, economy, budget, indicators; `edit` changes it.
struct Planner {
    region: Vec<(&'static str, Cell)>,
    programs: Vec<Vec<(&'static str, Cell)>>,
    budget: Vec<Vec<Cell>>,
    indicators: Vec<Vec<Cell>>,
    extra: Option<Extra>,
    skip_sheet: Option<&'static str>,
    economy_name: &'static str,
}

#[derive(Clone)]
enum Cell {
    T(&'static str),
    S(String),
    N(f64),
    Date,
    Formula(&'static str),
}

use Cell::{N, T};

impl Planner {
    fn new() -> Self {
        Planner {
            region: vec![
                ("region.name", T("Banggai ")),
                ("region.type", T("Kabupaten")),
                ("region.province", T("Sulawesi Tengah")),
                ("period.start_year", T("2023")),
                ("period.years", N(5.0)),
                ("vision", T("Banggai Cerdas")),
                ("missions", T("Layanan publik digital")),
                ("missions", T("Ekonomi lokal berdaya saing")),
            ],
            programs: vec![
                vec![
                    ("id", T("eco-01")),
                    ("name", T("Galeri UKM Online  ")),
                    ("element", T("Welfare")),
                    ("category", T("APPLICATION")),
                    ("lead", T("diskopukm")),
                    ("support", T("dkisp; BAPPEDA")),
                    ("start", T("2023.0")),
                    ("end", N(2024.0)),
                    ("outputs", T("Aplikasi\nKatalog 300 UMKM\n")),
                    ("quick_win", T("Ya")),
                    ("impact", T("4")),
                ],
                vec![
                    ("id", T("ECO-02")),
                    ("name", T("Pajak Daerah Online")),
                    ("element", T("transaction")),
                    ("category", T("application")),
                    ("lead", T("BAPPEDA")),
                    ("start", N(2024.0)),
                    ("end", Cell::Date),
                ],
            ],
            budget: vec![
                vec![T("ECO-01"), T("APBD"), T("Rp 250.000.000"), N(2023.0)],
                vec![T("eco-01"), T("csr"), T("100.000.000"), T("")],
                vec![T("ECO-02"), T("apbd"), N(780_000_000.0), T("")],
            ],
            indicators: vec![vec![
                T("ECO-01"),
                T("UMKM terdaftar"),
                T("UMKM"),
                T("0"),
                T(""),
                T("100"),
                N(300.0),
            ]],
            extra: None,
            skip_sheet: None,
            economy_name: "economy",
        }
    }

    fn write(&self, path: &Path) {
        let mut book = Workbook::new();
        let put = |ws: &mut Worksheet, r: u32, c: u16, v: &Cell| match v {
            T(s) => {
                if !s.is_empty() {
                    ws.write_string(r, c, *s).unwrap();
                }
            }
            Cell::S(s) => {
                ws.write_string(r, c, s).unwrap();
            }
            N(n) => {
                ws.write_number(r, c, *n).unwrap();
            }
            Cell::Date => {
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 1, 1).unwrap();
                let f = Format::new().set_num_format("yyyy-mm-dd");
                ws.write_datetime_with_format(r, c, &d, &f).unwrap();
            }
            Cell::Formula(f) => {
                // With the cached result Excel stores for it (an error value).
                let f = rust_xlsxwriter::Formula::new(*f).set_result("#DIV/0!");
                ws.write_formula(r, c, f).unwrap();
            }
        };
        if self.skip_sheet != Some("region") {
            let ws = book.add_worksheet().set_name("Region").unwrap();
            ws.write_row(0, 0, ["Isian", "Kunci", "Nilai", "Nilai 2"])
                .unwrap();
            for (i, (k, v)) in self.region.iter().enumerate() {
                let r = i as u32 + 1;
                ws.write_string(r, 0, "label").unwrap();
                ws.write_string(r, 1, *k).unwrap();
                put(ws, r, 2, v);
            }
        }
        let ws = book.add_worksheet().set_name("opd").unwrap();
        ws.write_row(0, 0, ["Kode", "Nama", "Kepala"]).unwrap();
        ws.write_row(1, 0, ["code", "name", "head"]).unwrap();
        ws.write_row(2, 0, ["DISKOPUKM", "Dinas Koperasi dan UKM"])
            .unwrap();
        // An empty row in the middle.
        ws.write_row(4, 0, ["DKISP", "Dinas Kominfo"]).unwrap();
        ws.write_row(5, 0, ["BAPPEDA", "Bappeda"]).unwrap();
        let ws = book.add_worksheet().set_name("pokja").unwrap();
        ws.write_row(0, 0, ["Dimensi", "Isian", "Kunci", "Nilai"])
            .unwrap();
        ws.write_row(1, 0, ["economy", "x", "coordinator", "diskopukm"])
            .unwrap();
        ws.write_row(2, 0, ["Economy", "x", "readiness.structure.score", "3"])
            .unwrap();
        let ws = book.add_worksheet().set_name(self.economy_name).unwrap();
        let keys = [
            "id",
            "name",
            "element",
            "category",
            "description",
            "lead",
            "support",
            "start",
            "end",
            "outputs",
            "outcome",
            "quick_win",
            "impact",
            "effort",
            "depends_on",
            "rpjmd_missions",
            "sdgs",
            "catatan",
        ];
        ws.write_row(1, 0, keys).unwrap();
        for (i, prog) in self.programs.iter().enumerate() {
            // Programme rows 3 and 5 (an empty row 4 between them).
            let r = 2 + 2 * i as u32;
            for (k, v) in prog {
                let c = keys.iter().position(|x| x == k).unwrap() as u16;
                put(ws, r, c, v);
            }
        }
        let ws = book.add_worksheet().set_name("budget").unwrap();
        ws.write_row(1, 0, ["program", "source", "amount", "year"])
            .unwrap();
        for (i, row) in self.budget.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, 2 + i as u32, c as u16, v);
            }
        }
        let ws = book.add_worksheet().set_name("indicators").unwrap();
        let mut keys = vec!["program", "name", "unit", "baseline", "direction"];
        keys.extend(["targets.2023", "targets.2024"]);
        ws.write_row(1, 0, keys).unwrap();
        for (i, row) in self.indicators.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, 2 + i as u32, c as u16, v);
            }
        }
        if let Some(extra) = &self.extra {
            extra(&mut book);
        }
        book.save(path).unwrap();
    }
}

#[test]
fn a_planners_workbook_is_understood() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("planner.xlsx");
    Planner::new().write(&book);
    let dir = tmp.path().join("p");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert!(out.status.success(), "{lines:#?}");
    // The extra column and the date in a year cell are warnings at their cells.
    let at = |code: &str| {
        lines
            .iter()
            .find(|l| l["code"] == code)
            .map(|l| l["path"].as_str().unwrap().to_string())
    };
    assert_eq!(at("W0701").as_deref(), Some("economy!R2"), "{lines:#?}");
    assert_eq!(at("W0703").as_deref(), Some("economy!I5"), "{lines:#?}");
    let checked = masterplan::check(&dir);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let p = checked.project.unwrap();
    assert_eq!(p.masterplan.region.name, "Banggai");
    assert_eq!(p.masterplan.period.start_year, 2023);
    assert_eq!(p.masterplan.missions.len(), 2);
    assert_eq!(p.masterplan.opd.len(), 3, "the empty row is skipped");
    let eco = &p.pokja[0].pokja;
    assert_eq!(eco.coordinator, "DISKOPUKM");
    assert_eq!(
        eco.readiness
            .as_ref()
            .unwrap()
            .structure
            .as_ref()
            .unwrap()
            .score,
        3
    );
    let e1 = &eco.programs[0];
    assert_eq!(e1.id, "ECO-01");
    assert_eq!(e1.name, "Galeri UKM Online");
    assert_eq!(e1.element, "welfare");
    assert_eq!(e1.lead, "DISKOPUKM");
    assert_eq!(e1.support, ["DKISP", "BAPPEDA"]);
    assert_eq!((e1.start, e1.end), (2023, 2024));
    assert_eq!(e1.outputs, ["Aplikasi", "Katalog 300 UMKM"]);
    assert!(e1.quick_win);
    assert_eq!(e1.impact, Some(4));
    let amounts: Vec<u64> = e1.budget.iter().map(|b| b.amount).collect();
    assert_eq!(amounts, [250_000_000, 100_000_000]);
    assert_eq!(e1.budget[0].year, Some(2023));
    assert_eq!(e1.indicators[0].targets.len(), 2);
    assert_eq!(eco.programs[1].end, 2025);
    // The YAML names its editor schema, then says where it came from.
    let yaml = fs::read_to_string(dir.join("pokja/economy.yaml")).unwrap();
    assert!(
        yaml.starts_with(
            "# yaml-language-server: $schema=../.masterplan/schema/pokja.schema.json\n\
             # Written by `masterplan worksheet import` from "
        ),
        "{yaml}"
    );
}

/// Import a planner workbook changed by `edit`; assert the exit code, that nothing was written,
/// and return the JSON diagnostics.
fn import_fails(edit: impl FnOnce(&mut Planner)) -> Vec<serde_json::Value> {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("planner.xlsx");
    let mut p = Planner::new();
    edit(&mut p);
    p.write(&book);
    import_file_fails(&book)
}

fn import_file_fails(book: &Path) -> Vec<serde_json::Value> {
    let dir = book.parent().unwrap().join("out");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(book)
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!dir.exists(), "something was written");
    json_lines(&out.stdout)
}

fn has(lines: &[serde_json::Value], code: &str, cell: &str) -> serde_json::Value {
    lines
        .iter()
        .find(|l| l["code"] == code && l["path"] == cell)
        .cloned()
        .unwrap_or_else(|| panic!("no {code} at {cell} in {lines:#?}"))
}

#[test]
fn a_planners_mistakes_are_reported_by_sheet_and_cell() {
    // An unknown OPD: the same code as `check`, with its did-you-mean, at the cell.
    let lines = import_fails(|p| p.programs[0][4] = ("lead", T("DISKOPUKMM")));
    let lead = has(&lines, "E0203", "economy!F3");
    assert!(
        lead["hint"].as_str().unwrap().contains("DISKOPUKM"),
        "{lead}"
    );
    assert!(lead["message"].as_str().unwrap().contains("lead"), "{lead}");
    // Cells that cannot be read at all are reported together, before `check` runs.
    let lines = import_fails(|p| {
        p.programs[0][3] = ("category", T("aplikasi"));
        p.programs[1][5] = ("start", T("tahun depan"));
        p.budget[1][2] = T("Rp 1,5 juta");
        p.budget[2][0] = T("ECO-03");
    });
    has(&lines, "E0013", "economy!D3");
    has(&lines, "E0710", "economy!H5");
    has(&lines, "E0711", "budget!C4");
    let id = has(&lines, "E0713", "budget!A5");
    assert!(id["hint"].as_str().unwrap().contains("ECO-0"), "{id}");
    assert!(
        lines
            .iter()
            .all(|l| l["file"].as_str().unwrap().ends_with("planner.xlsx"))
    );
}

#[test]
fn check_rules_come_back_at_their_cells() {
    // end before start: the rule of `check`, located at the end year's cell.
    let lines = import_fails(|p| p.programs[0][7] = ("end", N(2022.0)));
    assert!(
        lines
            .iter()
            .any(|l| l["path"] == "economy!I3" && l["severity"] == "error"),
        "{lines:#?}"
    );
}

#[test]
fn broken_workbooks_are_refused_with_their_cell() {
    let tmp = tempfile::tempdir().unwrap();
    // A CSV renamed.
    let csv = tmp.path().join("csv/book.xlsx");
    fs::create_dir_all(csv.parent().unwrap()).unwrap();
    fs::write(&csv, "id,name\nECO-01,Galeri\n").unwrap();
    let l = import_file_fails(&csv);
    assert_eq!(l[0]["code"], "E0700");
    assert!(l[0]["message"].as_str().unwrap().contains("CSV"), "{l:?}");
    // A corrupt zip: a real workbook cut in half.
    let cut = tmp.path().join("cut/book.xlsx");
    fs::create_dir_all(cut.parent().unwrap()).unwrap();
    let good = tmp.path().join("good.xlsx");
    Planner::new().write(&good);
    let bytes = fs::read(&good).unwrap();
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(import_file_fails(&cut)[0]["code"], "E0700");
    // An .xls (or a password-protected .xlsx): an OLE container.
    let xls = tmp.path().join("xls/book.xls");
    fs::create_dir_all(xls.parent().unwrap()).unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    fs::write(&xls, ole).unwrap();
    assert_eq!(import_file_fails(&xls)[0]["code"], "E0701");
}

#[test]
fn a_formula_error_cell_is_reported() {
    let lines = import_fails(|p| p.budget[0][2] = Cell::Formula("=1/0"));
    let d = has(&lines, "E0705", "budget!C3");
    assert!(d["message"].as_str().unwrap().contains("#DIV/0!"), "{d}");
}

#[test]
fn a_cell_over_excels_limit_is_reported() {
    // rust_xlsxwriter refuses such a cell, as Excel does: write a marker and patch the XML.
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("long.xlsx");
    let mut p = Planner::new();
    p.programs[0][1] = ("name", Cell::S("LONG-CELL-MARKER".into()));
    p.write(&book);
    patch_zip(&book, "LONG-CELL-MARKER", &"x".repeat(40_000));
    let lines = import_file_fails(&book);
    has(&lines, "E0704", "economy!B3");
}

#[test]
fn a_sheet_with_100000_rows_is_refused() {
    let lines = import_fails(|p| {
        p.extra = Some(Box::new(|book: &mut Workbook| {
            let ws = book.worksheet_from_name("budget").unwrap();
            for r in 10..100_010u32 {
                ws.write_number(r, 2, 1.0).unwrap();
            }
        }))
    });
    has(&lines, "E0703", "budget!C50001");
}

#[test]
fn a_renamed_or_missing_sheet_is_named() {
    let lines = import_fails(|p| p.skip_sheet = Some("region"));
    has(&lines, "E0702", "region");
    // A renamed programme sheet: its programmes are missing, and the sheet is named.
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b.xlsx");
    let mut p = Planner::new();
    p.economy_name = "ekonomi";
    p.write(&book);
    let lines = import_file_fails(&book);
    let w = has(&lines, "W0700", "ekonomi");
    assert!(w["hint"].as_str().unwrap().contains("economy"), "{w}");
    has(&lines, "E0713", "budget!A3");
}

#[test]
fn merged_cells_are_spread_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b.xlsx");
    let mut p = Planner::new();
    p.extra = Some(Box::new(|book: &mut Workbook| {
        let ws = book.worksheet_from_name("budget").unwrap();
        // Source `apbd` merged over the three budget rows.
        ws.merge_range(2, 1, 4, 1, "apbd", &Format::new()).unwrap();
    }));
    p.write(&book);
    let dir = tmp.path().join("p");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert!(out.status.success(), "{lines:#?}");
    has(&lines, "W0702", "budget!B3");
    let p = masterplan::check(&dir).project.unwrap();
    let sources: Vec<&str> = p.pokja[0].pokja.programs[0]
        .budget
        .iter()
        .map(|b| b.source.key())
        .collect();
    assert_eq!(sources, ["apbd", "apbd"]);
}

#[test]
fn import_never_overwrites_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    copy_tree(&repo().join("examples/banggai"), &dir);
    let book = tmp.path().join("b.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(&dir)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let before = fs::read(dir.join("pokja/economy.yaml")).unwrap();
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("E9006"));
    assert_eq!(before, fs::read(dir.join("pokja/economy.yaml")).unwrap());
    masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .arg("--force")
        .assert()
        .success();
    assert_ne!(before, fs::read(dir.join("pokja/economy.yaml")).unwrap());
    masterplan().arg("check").arg(&dir).assert().success();
}

#[test]
fn one_pokja_exports_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("eco.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(repo().join("examples/banggai"))
        .args(["--pokja", "economy", "--out"])
        .arg(&book)
        .assert()
        .success();
    use calamine::Reader;
    let x: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let names = x.sheet_names();
    assert!(names.contains(&"economy".to_string()));
    assert!(!names.contains(&"living".to_string()));
    let out = masterplan()
        .args(["worksheet", "export"])
        .arg(repo().join("examples/banggai"))
        .args(["--pokja", "ekonomy", "--out"])
        .arg(&book)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `economy`?"));
}

/// Replace a text in every file of a zip (an .xlsx), rewriting the archive.
fn patch_zip(path: &Path, from: &str, to: &str) {
    use std::io::{Read, Write};
    let bytes = fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        let text = String::from_utf8(data.clone())
            .map(|t| t.replace(from, to).into_bytes())
            .unwrap_or(data);
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn generate_writes_the_tables_workbook_with_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let run = || {
        masterplan()
            .arg("generate")
            .arg(repo().join("examples/banggai"))
            .arg("--out")
            .arg(&out)
            .args(["--format", "md,XLSX"])
            .assert()
            .success();
        fs::read(out.join("masterplan.xlsx")).unwrap()
    };
    let first = run();
    assert_eq!(first, run(), "the tables workbook is not reproducible");
    assert!(!out.join("masterplan.pdf").exists());

    use calamine::{Data, Reader, Xlsx};
    let mut x: Xlsx<_> = calamine::open_workbook(out.join("masterplan.xlsx")).unwrap();
    assert_eq!(x.sheet_names(), masterplan::workbook::SHEETS);
    // Totals are formulas, with their values cached.
    let checked = masterplan::check(&repo().join("examples/banggai"));
    let (p, t) = (checked.project.unwrap(), checked.taxonomy.unwrap());
    let plan = masterplan::plan::plan(&p, &t);
    let formulas = x.worksheet_formula("budget_dimensions").unwrap();
    let values = x.worksheet_range("budget_dimensions").unwrap();
    let rows = plan.budget.by_dimension.len();
    let total_col = 2 + plan.years.len();
    let cell = |r: usize, c: usize| {
        formulas
            .get((
                r - formulas.start().unwrap().0 as usize,
                c - formulas.start().unwrap().1 as usize,
            ))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        cell(1, 2).starts_with("SUMIF(budget_programmes!$C$2:$C$"),
        "{}",
        cell(1, 2)
    );
    assert!(
        cell(rows + 1, total_col).starts_with("SUM("),
        "{}",
        cell(rows + 1, total_col)
    );
    let total = values.get((rows + 1, total_col)).unwrap();
    assert_eq!(*total, Data::Float(plan.budget.total as f64), "{total:?}");
    let per_programme = x.worksheet_formula("programmes").unwrap();
    let first_row = per_programme.start().unwrap().0 as usize;
    assert!(
        per_programme
            .get((
                1 - first_row,
                11 - per_programme.start().unwrap().1 as usize
            ))
            .unwrap()
            .starts_with("SUM(budget_programmes!D2:"),
    );
    let roadmap = x.worksheet_range("roadmap").unwrap();
    assert_eq!(
        roadmap.get((0, 5)).unwrap().to_string(),
        plan.years[0].to_string()
    );
    assert_eq!(roadmap.height(), plan.programs.len() + 1);
}

#[test]
fn an_english_project_round_trips_with_english_labels() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("en");
    copy_tree(&repo().join("examples/makassar"), &dir);
    let m = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    fs::write(
        dir.join("masterplan.yaml"),
        m.replace("language: id", "language: en"),
    )
    .unwrap();
    round_trip(&dir, tmp.path());
    use calamine::Reader;
    let mut x: calamine::Xlsx<_> = calamine::open_workbook(tmp.path().join("book.xlsx")).unwrap();
    assert_eq!(x.sheet_names()[0], "instructions");
    let eco = x.worksheet_range("economy").unwrap();
    assert_eq!(eco.get((0, 5)).unwrap().to_string(), "Lead OPD");
}

// ---------------------------------------------------------------------------------------------
// Issue 11: readiness targets, TOWS strategies, omitted elements and the risk register.

#[test]
fn targets_strategies_omissions_and_risks_round_trip_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &src);
    let path = src.join("pokja/society.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text
        .replace(
            "structure: { score: 3, notes:",
            "structure: { score: 3, target: 5, notes:",
        )
        .replace(
            "\nswot:",
            "\nomitted_elements:\n  security: |\n    Ditangani Polrestabes Makassar;\n    di luar kewenangan daerah\nstrategies:\n  so: [Memperluas kanal RT/RW ke seluruh lorong]\n  wt:\n    - \"Menyusun SOP: berbagi data CCTV\"\nswot:",
        );
    assert!(text.contains("target: 5") && text.contains("omitted_elements"));
    // A risk with a line break and no mitigation.
    let text = text.replacen(
        "    risks:\n",
        "    risks:\n      - risk: |\n          Jaringan lorong padat\n          belum terjangkau\n        likelihood: 2\n        impact: 2\n",
        1,
    );
    fs::write(&path, text).unwrap();
    let checked = masterplan::check(&src);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let p = checked.project.as_ref().unwrap();
    let soc = &p
        .pokja
        .iter()
        .find(|f| f.pokja.dimension == "society")
        .unwrap()
        .pokja;
    assert_eq!(soc.omitted_elements.len(), 1);
    assert_eq!(soc.strategies.as_ref().unwrap().wt.len(), 1);
    assert!(
        soc.programs
            .iter()
            .flat_map(|p| &p.risks)
            .any(|r| r.risk.contains('\n') && r.mitigation.is_none())
    );
    round_trip(&src, tmp.path());
}

fn planner_with_register(risks: Vec<Vec<Cell>>, omitted: Vec<Vec<Cell>>) -> Planner {
    let mut p = Planner::new();
    p.extra = Some(Box::new(move |book: &mut Workbook| {
        let put = |ws: &mut Worksheet, r: u32, c: u16, v: &Cell| match v {
            T(s) if !s.is_empty() => {
                ws.write_string(r, c, *s).unwrap();
            }
            N(n) => {
                ws.write_number(r, c, *n).unwrap();
            }
            _ => {}
        };
        let ws = book.add_worksheet().set_name("Risks").unwrap();
        ws.write_row(
            1,
            0,
            ["program", "risk", "likelihood", "impact", "mitigation"],
        )
        .unwrap();
        for (i, row) in risks.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, 2 + i as u32, c as u16, v);
            }
        }
        let ws = book.add_worksheet().set_name("omitted").unwrap();
        ws.write_row(1, 0, ["dimension", "element", "reason"])
            .unwrap();
        for (i, row) in omitted.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, 2 + i as u32, c as u16, v);
            }
        }
    }));
    p
}

#[test]
fn a_planners_risks_and_omissions_are_understood() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("planner.xlsx");
    planner_with_register(
        vec![
            vec![
                T("eco-01"),
                T("UMKM enggan berjualan daring "),
                T("4"),
                N(3.0),
                T("Pendampingan oleh fasilitator"),
            ],
            vec![],
            vec![T("ECO-02"), T("Server terhenti"), N(2.0), T("5.0")],
        ],
        vec![vec![
            T("Economy"),
            T("Industry "),
            T("Ditangani Dinas Perindustrian provinsi"),
        ]],
    )
    .write(&book);
    let dir = tmp.path().join("p");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&book)
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert!(out.status.success(), "{lines:#?}");
    assert!(
        !lines.iter().any(|l| l["code"] == "W0202"),
        "the omitted element is not reported as uncovered: {lines:#?}"
    );
    let checked = masterplan::check(&dir);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let p = checked.project.unwrap();
    let eco = &p.pokja[0].pokja;
    let r = &eco.programs[0].risks;
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].risk, "UMKM enggan berjualan daring");
    assert_eq!((r[0].likelihood, r[0].impact), (4, 3));
    let r = &eco.programs[1].risks;
    assert_eq!((r[0].likelihood, r[0].impact), (2, 5));
    assert_eq!(r[0].mitigation, None);
    assert_eq!(
        eco.omitted_elements.get("industry").map(String::as_str),
        Some("Ditangani Dinas Perindustrian provinsi")
    );
}

#[test]
fn register_mistakes_come_back_at_their_cells() {
    // The workbook's own mistakes: a word in a score cell, an unknown programme, omissions the
    // workbook cannot place.
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("planner.xlsx");
    planner_with_register(
        vec![
            vec![T("ECO-01"), T("UMKM enggan"), T("tinggi"), N(3.0)],
            vec![T("ECO-09"), T("Tidak ada"), N(1.0), N(1.0)],
        ],
        vec![
            vec![T("living"), T("health"), T("Ditangani provinsi")],
            vec![T("economy"), T("industry"), T("Ditangani provinsi")],
            vec![T("Economy"), T("Industry"), T("Dua kali")],
        ],
    )
    .write(&book);
    let lines = import_file_fails(&book);
    has(&lines, "E0709", "risks!C3");
    // An omission for a pokja the workbook does not have; the same element twice.
    has(&lines, "E0720", "omitted!A3");
    has(&lines, "E0721", "omitted!B5");
    assert!(
        lines
            .iter()
            .any(|l| l["path"] == "risks!A4" && l["severity"] == "error"),
        "{lines:#?}"
    );

    // check's rules at their cells: a score outside 1..=5 (E0216), an unknown element (E0230,
    // did-you-mean) and an omitted element that has a programme (W0232).
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("planner.xlsx");
    planner_with_register(
        vec![vec![T("ECO-01"), T("Data hilang"), N(6.0), N(3.0)]],
        vec![
            vec![T("economy"), T("industri"), T("Di luar kewenangan")],
            vec![T("economy"), T("welfare"), T("Sudah ada program nasional")],
        ],
    )
    .write(&book);
    let lines = import_file_fails(&book);
    has(&lines, "E0216", "risks!C3");
    let e = has(&lines, "E0230", "omitted!B3");
    assert!(e["hint"].as_str().unwrap().contains("industry"), "{e:#?}");
    has(&lines, "W0232", "omitted!B4");
}

/// The risks and omitted sheets of the export: their headers, dropdowns and rows.
#[test]
fn the_export_has_the_risks_and_omitted_sheets() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("b.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(repo().join("examples/banggai"))
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let bytes = fs::read(&book).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    // petunjuk, region, opd, pokja, six dimensions, budget, indicators, risks, omitted, lists.
    let risks = read(&mut zip, "xl/worksheets/sheet13.xml");
    assert!(risks.contains("<sheetProtection"), "protected");
    assert!(
        risks.contains("lists!$G$2:$G$6"),
        "the 1-5 dropdown on likelihood and impact"
    );
    let omitted = read(&mut zip, "xl/worksheets/sheet14.xml");
    assert!(
        omitted.contains("lists!$J$2:$J$7"),
        "the dimension dropdown"
    );

    use calamine::{Reader, Xlsx};
    let mut x: Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let names = x.sheet_names();
    let at = |n: &str| names.iter().position(|s| s == n).unwrap();
    assert!(
        at("indicators") < at("risks")
            && at("risks") < at("omitted")
            && at("omitted") < at("lists")
    );
    let r = x.worksheet_range("risks").unwrap();
    let keys: Vec<String> = (0..5).map(|c| r.get((1, c)).unwrap().to_string()).collect();
    assert_eq!(
        keys,
        ["program", "risk", "likelihood", "impact", "mitigation"]
    );
    let checked = masterplan::check(&repo().join("examples/banggai"));
    let total: usize = checked
        .project
        .unwrap()
        .programs()
        .map(|(_, p)| p.risks.len())
        .sum();
    assert_eq!(r.height() - 2, total, "one row per risk");
    // The omitted sheet's element dropdown: every element of the taxonomy.
    let lists = x.worksheet_range("lists").unwrap();
    let col = (0..lists.width())
        .find(|c| lists.get((0, *c)).map(|v| v.to_string()) == Some("element".into()))
        .unwrap();
    let elements = (1..lists.height())
        .filter_map(|r| lists.get((r, col)).map(|v| v.to_string()))
        .filter(|s| !s.is_empty())
        .count();
    assert_eq!(elements, 18);
    let o = x.worksheet_range("omitted").unwrap();
    assert_eq!(o.get((1, 1)).unwrap().to_string(), "element");
}

#[test]
fn more_cell_mistakes_are_reported_and_have_their_indonesian() {
    // json_lines (through import_fails) checks every message and hint against the catalogue.
    let lines = import_fails(|p| {
        p.region.push(("region.population", T("banyak")));
        p.region.push(("region.nama", T("Banggai")));
        p.programs[0][9] = ("quick_win", T("mungkin"));
    });
    let codes: Vec<&str> = lines.iter().filter_map(|l| l["code"].as_str()).collect();
    for code in ["E0709", "E0707", "E0712"] {
        assert!(codes.contains(&code), "{code} missing in {lines:#?}");
    }
}
