//! Every criterion at full marks, partly met and not met, on a complete project that each test
//! takes something away from.

use super::*;
use crate::model::{
    Masterplan, Monitoring, MonitoringFile, Pokja, PokjaFile, Program, Risk, Strategies,
};

const START: Year = 2023;

/// A project that meets every criterion: six pokja files, one programme per element (3 of them
/// quick wins of the first year), everything filled in; the period is 2023-2027.
fn complete() -> Project {
    let masterplan: Masterplan = crate::yaml::from_str(
        "\
region: { name: Buton, type: kabupaten, province: Sulawesi Tenggara, capital: Pasarwajo,
          head: La Bakry, area_km2: 2488.7, population: 115207, districts: 7, villages: 95 }
period: { start_year: 2023, years: 5 }
vision: Buton Cerdas
missions: [Layanan publik digital]
rpjmd:
  period: [2022, 2026]
  vision: Buton kawasan bisnis dan budaya terdepan
  missions: [{ id: M1, text: Tata kelola }, { id: M2, text: Ekonomi }]
opd:
  - { code: DKISP, name: Diskominfo, head: Ridwan }
  - { code: BAPPEDA, name: Bappeda, head: Ramli }
team:
  decree: SK Bupati Buton Nomor 1 Tahun 2022
  council: [{ name: La Bakry, role: Ketua }]
  implementers: [{ name: Ridwan, role: Ketua }]
legal_basis: [Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah]
",
        "masterplan.yaml",
    )
    .unwrap();
    let taxonomy = Taxonomy::default_builtin();
    let mut pokja = Vec::new();
    let mut quick = 0;
    for d in &taxonomy.dimensions {
        let mut programs = String::new();
        for (n, e) in d.elements.iter().enumerate() {
            let quick_win = n == 0 && quick < 3;
            quick += usize::from(quick_win);
            let end = if quick_win { START } else { START + 1 };
            let mission = if n % 2 == 0 { "M1" } else { "M2" };
            programs.push_str(&format!(
                "  - id: {id}-{n}\n    name: Program {n}\n    element: {e}\n    category: application\n    lead: DKISP\n    start: {START}\n    end: {end}\n    budget: [{{ source: apbd, amount: 100000000 }}]\n    outputs: [Aplikasi]\n    indicators: [{{ name: Pengguna, baseline: 0, targets: {{ {START}: 10 }} }}]\n    quick_win: {quick_win}\n    rpjmd_missions: [{mission}]\n",
                id = d.key.to_uppercase(),
                e = e.key,
            ));
        }
        let src = format!(
            "\
dimension: {key}
coordinator: DKISP
goal: Tujuan
issues: [Isu]
targets: [Sasaran]
readiness:
  structure: {{ score: 2, target: 4 }}
  infrastructure: {{ score: 3, target: 4 }}
  superstructure: {{ score: 2, target: 3 }}
swot: {{ strengths: [S], weaknesses: [W], opportunities: [O], threats: [T] }}
strategies: {{ so: [SO], wo: [WO], st: [ST], wt: [WT] }}
programs:
{programs}",
            key = d.key
        );
        let file = format!("pokja/{}.yaml", d.key);
        pokja.push(PokjaFile {
            pokja: crate::yaml::from_str::<Pokja>(&src, &file).unwrap(),
            file,
        });
    }
    Project {
        root: std::path::PathBuf::from("/nonexistent"),
        masterplan,
        pokja,
        monitoring: Vec::new(),
    }
}

fn monitoring_file(year: Year) -> MonitoringFile {
    let src = format!("year: {year}\nprograms: {{}}\n");
    MonitoringFile {
        file: format!("monitoring/{year}.yaml"),
        monitoring: crate::yaml::from_str::<Monitoring>(&src, "monitoring").unwrap(),
    }
}

/// The criterion `id` graded on `project` as of `year`.
fn grade_at(project: &Project, id: &str, year: Year) -> CriterionScore {
    let taxonomy = Taxonomy::default_builtin();
    score(project, &taxonomy, year)
        .criteria
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
}

/// The criterion `id` in the first year (no monitoring due yet).
fn grade(project: &Project, id: &str) -> CriterionScore {
    grade_at(project, id, START)
}

fn programs_mut(p: &mut Project) -> impl Iterator<Item = &mut Program> {
    p.pokja.iter_mut().flat_map(|f| f.pokja.programs.iter_mut())
}

fn full(c: &CriterionScore) {
    assert_eq!(c.tenths, c.max * 10, "{}: {:?}", c.id, c.fixes);
    assert!(c.fixes.is_empty(), "{}: {:?}", c.id, c.fixes);
}

fn zero(c: &CriterionScore) {
    assert_eq!(c.tenths, 0, "{}", c.id);
    assert!(!c.fixes.is_empty(), "{}", c.id);
}

/// Partly met: strictly between nothing and full marks, with `fixes` fixes, the first of which
/// contains `first`.
fn partial(c: &CriterionScore, tenths: u32, fixes: usize, first: &str) {
    assert_eq!(c.tenths, tenths, "{}: {:?}", c.id, c.fixes);
    assert!(c.tenths > 0 && c.tenths < c.max * 10);
    assert_eq!(c.fixes.len(), fixes, "{}: {:?}", c.id, c.fixes);
    assert!(c.fixes[0].contains(first), "{}: {:?}", c.id, c.fixes);
}

#[test]
fn a_complete_project_scores_100() {
    let p = complete();
    let s = score(&p, &Taxonomy::default_builtin(), START);
    for c in &s.criteria {
        full(c);
    }
    assert_eq!((s.score, s.points, s.max), (100.0, 100.0, 100));
    assert_eq!(CRITERIA.iter().map(|c| c.max).sum::<u32>(), 100);
}

#[test]
fn criteria_ids_are_unique_and_titled() {
    let mut ids: Vec<&str> = CRITERIA.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), CRITERIA.len());
    for c in CRITERIA {
        assert!(!c.title_id.is_empty() && !c.title_en.is_empty() && !c.source.is_empty());
        assert!(c.title_en.chars().count() <= 48, "{}", c.id);
        assert!(c.title_id.chars().count() <= 48, "{}", c.id);
    }
}

#[test]
fn profile() {
    let mut p = complete();
    full(&grade(&p, "profile"));
    p.masterplan.region.population = None;
    p.pokja[1].pokja.issues.clear();
    // 5 region facts + 18 pokja parts, 2 missing: 21/23 of 5 points.
    partial(&grade(&p, "profile"), 46, 2, "`region.population`");
    let r = &mut p.masterplan.region;
    (r.area_km2, r.districts, r.villages, r.capital) = (None, None, None, None);
    for f in &mut p.pokja {
        f.pokja.goal = None;
        f.pokja.issues.clear();
        f.pokja.targets = vec!["  ".to_string()];
    }
    zero(&grade(&p, "profile"));
}

#[test]
fn profile_of_a_village_asks_no_districts() {
    let mut p = complete();
    p.masterplan.region.kind = crate::model::RegionType::Desa;
    (p.masterplan.region.districts, p.masterplan.region.villages) = (None, None);
    p.masterplan.region.capital = None;
    full(&grade(&p, "profile"));
}

#[test]
fn readiness() {
    let mut p = complete();
    full(&grade(&p, "readiness"));
    let r = p.pokja[0].pokja.readiness.as_mut().unwrap();
    r.structure.as_mut().unwrap().target = None;
    r.infrastructure = None;
    // 36 parts, 3 missing (one target; one score and its target): 33/36 of 7.
    partial(&grade(&p, "readiness"), 64, 2, "`infrastructure`");
    for f in &mut p.pokja {
        f.pokja.readiness = None;
    }
    zero(&grade(&p, "readiness"));
}

#[test]
fn readiness_without_targets_earns_half() {
    let mut p = complete();
    for f in &mut p.pokja {
        let r = f.pokja.readiness.as_mut().unwrap();
        for s in [
            &mut r.structure,
            &mut r.infrastructure,
            &mut r.superstructure,
        ] {
            s.as_mut().unwrap().target = None;
        }
    }
    let c = grade(&p, "readiness");
    assert_eq!(c.tenths, 35);
    assert_eq!(c.fixes.len(), 6);
    assert!(c.fixes[0].contains("ketiga aspek"), "{:?}", c.fixes);
}

#[test]
fn swot() {
    let mut p = complete();
    full(&grade(&p, "swot"));
    p.pokja[2].pokja.swot.as_mut().unwrap().threats.clear();
    partial(&grade(&p, "swot"), 58, 1, "pokja/economy.yaml: swot");
    for f in &mut p.pokja {
        f.pokja.swot = None;
    }
    zero(&grade(&p, "swot"));
}

#[test]
fn tows() {
    let mut p = complete();
    full(&grade(&p, "tows"));
    p.pokja[0].pokja.strategies = Some(Strategies {
        so: vec!["SO".into()],
        ..Strategies::default()
    });
    // 24 lists, 3 missing: 21/24 of 5.
    partial(&grade(&p, "tows"), 44, 1, "`wo`, `st` dan `wt`");
    for f in &mut p.pokja {
        f.pokja.strategies = None;
    }
    zero(&grade(&p, "tows"));
}

#[test]
fn rpjmd() {
    let mut p = complete();
    full(&grade(&p, "rpjmd"));
    // M2 served by no programme: 3.5 of 4 parts.
    for prog in programs_mut(&mut p) {
        prog.rpjmd_missions = vec!["M1".into()];
    }
    partial(&grade(&p, "rpjmd"), 44, 1, "rpjmd.missions[1] (M2)");
    p.masterplan.rpjmd.as_mut().unwrap().vision = None;
    partial(&grade(&p, "rpjmd"), 31, 2, "rpjmd.vision");
    p.masterplan.rpjmd = None;
    zero(&grade(&p, "rpjmd"));
}

#[test]
fn elements() {
    let mut p = complete();
    full(&grade(&p, "elements"));
    // An omission explained counts as covered.
    let removed = p.pokja[3].pokja.programs.remove(2);
    p.pokja[3]
        .pokja
        .omitted_elements
        .insert(removed.element.clone(), "Di luar kewenangan".into());
    full(&grade(&p, "elements"));
    // An empty reason does not; neither does a missing pokja file.
    p.pokja[3]
        .pokja
        .omitted_elements
        .insert(removed.element.clone(), " ".into());
    p.pokja.remove(5);
    // 18 elements, 4 uncovered: 14/18 of 9.
    let c = grade(&p, "elements");
    partial(&c, 70, 2, "pokja/living.yaml: elemen `mobility`");
    assert!(c.fixes[1].contains("--pokja environment"), "{:?}", c.fixes);
    for f in &mut p.pokja {
        f.pokja.programs.clear();
    }
    zero(&grade(&p, "elements"));
}

#[test]
fn outputs() {
    let mut p = complete();
    full(&grade(&p, "outputs"));
    p.pokja[2].pokja.programs[0].outputs.clear();
    // 17 of 18 of 6 points.
    partial(
        &grade(&p, "outputs"),
        57,
        1,
        "pokja/economy.yaml: ECONOMY-0 (Program 0): tambahkan `outputs:`",
    );
    for prog in programs_mut(&mut p) {
        prog.outputs.clear();
    }
    zero(&grade(&p, "outputs"));
}

#[test]
fn budget() {
    let mut p = complete();
    full(&grade(&p, "budget"));
    p.pokja[0].pokja.programs[1].budget.clear();
    p.pokja[0].pokja.programs[2].budget[0].amount = 0;
    partial(&grade(&p, "budget"), 62, 2, "GOVERNANCE-1");
    for prog in programs_mut(&mut p) {
        prog.budget.clear();
    }
    zero(&grade(&p, "budget"));
}

#[test]
fn indicators() {
    let mut p = complete();
    full(&grade(&p, "indicators"));
    let progs = &mut p.pokja[1].pokja.programs;
    progs[0].indicators.clear();
    progs[1].indicators[0].baseline = None;
    progs[2].indicators[0].targets.clear();
    // 15 of 18 of 9 points.
    let c = grade(&p, "indicators");
    partial(&c, 75, 3, "tambahkan indikator dengan baseline dan target");
    assert!(c.fixes[1].contains("indikator `Pengguna`: tambahkan `baseline`"));
    assert!(c.fixes[2].contains("tambahkan `targets`"));
    for prog in programs_mut(&mut p) {
        prog.indicators.clear();
    }
    zero(&grade(&p, "indicators"));
}

#[test]
fn adding_an_indicator_raises_the_score() {
    let mut p = complete();
    let taxonomy = Taxonomy::default_builtin();
    let complete_indicator = p.pokja[0].pokja.programs[0].indicators[0].clone();
    p.pokja[0].pokja.programs[0].indicators.clear();
    let before = score(&p, &taxonomy, START).tenths;
    p.pokja[0].pokja.programs[0]
        .indicators
        .push(complete_indicator);
    assert!(score(&p, &taxonomy, START).tenths > before);
}

#[test]
fn missions() {
    let mut p = complete();
    full(&grade(&p, "missions"));
    p.pokja[0].pokja.programs[0].rpjmd_missions.clear();
    partial(&grade(&p, "missions"), 57, 1, "(M1, M2)");
    for prog in programs_mut(&mut p) {
        prog.rpjmd_missions.clear();
    }
    zero(&grade(&p, "missions"));
    // Without RPJMD missions the first fix asks for them.
    p.masterplan.rpjmd = None;
    let c = grade(&p, "missions");
    assert!(c.fixes[0].starts_with("masterplan.yaml: rpjmd.missions"));
    assert_eq!(c.fixes.len(), 19);
}

fn risk(mitigation: Option<&str>) -> Risk {
    Risk {
        risk: "Server down".into(),
        likelihood: 3,
        impact: 4,
        mitigation: mitigation.map(str::to_string),
    }
}

#[test]
fn risks() {
    let mut p = complete();
    // No large programme: nothing to register.
    full(&grade(&p, "risks"));
    let progs = &mut p.pokja[0].pokja.programs;
    progs[1].budget[0].amount = 2_000_000_000; // large by its budget
    progs[2].end = START + 4; // large by its length (5 years)
    progs[2].risks = vec![risk(Some("Cadangan"))];
    partial(&grade(&p, "risks"), 35, 1, "(Rp2 miliar)");
    p.pokja[0].pokja.programs[1].risks = vec![risk(Some("Cadangan")), risk(None)];
    let c = grade(&p, "risks");
    partial(&c, 35, 1, "`mitigation` pada `risks[1]`");
    p.pokja[0].pokja.programs[1].risks[1].mitigation = Some("Server cadangan".into());
    full(&grade(&p, "risks"));
    p.pokja[0].pokja.programs[1].risks.clear();
    p.pokja[0].pokja.programs[2].risks.clear();
    let c = grade(&p, "risks");
    zero(&c);
    assert!(c.fixes[1].contains("5 tahun"), "{:?}", c.fixes);
    // Without programmes there is nothing to judge: no points.
    for f in &mut p.pokja {
        f.pokja.programs.clear();
    }
    zero(&grade(&p, "risks"));
}

#[test]
fn quick_wins() {
    let mut p = complete();
    full(&grade(&p, "quick-wins"));
    // A late and a long quick win: half the timing half lost for each of 2 of 3.
    let progs = &mut p.pokja[0].pokja.programs;
    progs[0].start = START + 1;
    progs[0].end = START + 1;
    let c = grade(&p, "quick-wins");
    partial(&c, 67, 1, "dimulai 2024; mulailah di tahun pertama 2023");
    p.pokja[1].pokja.programs[0].end = START + 1;
    partial(&grade(&p, "quick-wins"), 53, 2, "dimulai 2024");
    // Too few: 1 of 3 (count half 1/3), timely.
    for prog in programs_mut(&mut p) {
        prog.quick_win = false;
    }
    p.pokja[2].pokja.programs[0].quick_win = true;
    partial(
        &grade(&p, "quick-wins"),
        53,
        1,
        "`quick_win: true` pada 2 program lagi",
    );
    for f in &mut p.pokja {
        for prog in f.pokja.programs.iter_mut().take(2) {
            prog.quick_win = true;
            (prog.start, prog.end) = (START, START);
        }
    }
    // Too many: 12 quick wins, all in the first year; the count half 6/12.
    partial(
        &grade(&p, "quick-wins"),
        60,
        1,
        "lepaskan `quick_win` dari 6 program",
    );
    for prog in programs_mut(&mut p) {
        prog.quick_win = false;
    }
    zero(&grade(&p, "quick-wins"));
}

#[test]
fn legal_basis() {
    let mut p = complete();
    full(&grade(&p, "legal-basis"));
    p.masterplan.legal_basis = Some(vec![String::new()]);
    zero(&grade(&p, "legal-basis"));
    p.masterplan.legal_basis = None;
    zero(&grade(&p, "legal-basis"));
}

#[test]
fn team() {
    let mut p = complete();
    full(&grade(&p, "team"));
    p.masterplan.team.as_mut().unwrap().council.clear();
    partial(&grade(&p, "team"), 30, 1, "team.council");
    p.masterplan.team.as_mut().unwrap().decree = None;
    partial(&grade(&p, "team"), 10, 2, "team.decree");
    p.masterplan.team = None;
    zero(&grade(&p, "team"));
}

#[test]
fn signers() {
    let mut p = complete();
    full(&grade(&p, "signers"));
    p.masterplan.opd[1].head = None;
    partial(&grade(&p, "signers"), 33, 1, "opd[1] (BAPPEDA)");
    p.masterplan.region.head = Some(" ".into());
    p.masterplan.opd[0].head = None;
    let c = grade(&p, "signers");
    zero(&c);
    assert!(c.fixes[0].contains("Bupati Buton"), "{:?}", c.fixes);
}

#[test]
fn monitoring() {
    let mut p = complete();
    // First year and before the period: nothing due.
    full(&grade_at(&p, "monitoring", START));
    full(&grade_at(&p, "monitoring", START - 3));
    // In 2026, 2023-2025 are due.
    zero(&grade_at(&p, "monitoring", 2026));
    p.monitoring = vec![monitoring_file(2023), monitoring_file(2025)];
    partial(
        &grade_at(&p, "monitoring", 2026),
        53,
        1,
        "monitoring/2024.yaml",
    );
    // After the period, every year is due.
    partial(
        &grade_at(&p, "monitoring", 2040),
        32,
        3,
        "monitoring/2024.yaml",
    );
    assert_eq!(due_years(&p.masterplan.period, 2040).len(), 5);
}

#[test]
fn english_projects_get_english_titles_and_fixes() {
    let mut p = complete();
    p.masterplan.language = crate::model::Language::En;
    p.masterplan.legal_basis = None;
    let s = score(&p, &Taxonomy::default_builtin(), START);
    let c = s.criteria.iter().find(|c| c.id == "legal-basis").unwrap();
    assert_eq!(c.title, "The region's legal basis listed");
    assert!(c.fixes[0].contains("list the legal basis"));
    assert_eq!(s.language, "en");
}

#[test]
fn points_round_and_never_reach_full_marks_short_of_it() {
    assert_eq!(tenths_of(0.0, 7), 0);
    assert_eq!(tenths_of(1.0, 7), 70);
    assert_eq!(tenths_of(0.5, 7), 35);
    assert_eq!(tenths_of(0.9999, 7), 69);
    assert_eq!(tenths_of(0.0001, 7), 1);
    assert_eq!(tenths_of(f64::NAN, 7), 0);
}

#[test]
fn the_text_lists_criteria_caps_fixes_and_totals() {
    let mut p = complete();
    for prog in programs_mut(&mut p) {
        prog.outputs.clear();
    }
    let s = score(&p, &Taxonomy::default_builtin(), START);
    let text = human(&s, &title(&p), Some(5));
    assert!(
        text.starts_with(
            "Skor rancangan Masterplan Smart City Kabupaten Buton 2023–2027: 94,0 %\n"
        ),
        "{text}"
    );
    assert!(text.contains("outputs "));
    let fixes = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with("- pokja/"))
            .count()
    };
    assert_eq!(fixes(&text), 5);
    assert!(text.contains("- dan 13 lainnya\n"), "{text}");
    assert!(text.contains("94,0/100  94,0 %"), "{text}");
    assert!(text.contains("Dinilai pada tahun 2023: belum ada monitoring"));
    let all = human(&s, &title(&p), None);
    assert_eq!(fixes(&all), 18);
    // Every line fits a terminal (fixes wrap with a hanging indent).
    assert!(
        all.contains("\n               (apa yang dihasilkan)\n"),
        "{all}"
    );
    for line in all.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[test]
fn the_scaffold_examples_earn_nothing() {
    let mut p = complete();
    p.pokja[0].pokja.programs[0].description =
        Some("Uraikan program: apa yang dibangun, untuk siapa, dan bagaimana dilaksanakan.".into());
    for id in ["outputs", "budget", "indicators", "missions"] {
        let c = grade(&p, id);
        assert_eq!(c.fixes.len(), 1, "{id}");
        assert!(
            c.fixes[0].contains("GOVERNANCE-0 (Program 0): masih contoh dari `masterplan init`"),
            "{id}: {:?}",
            c.fixes
        );
        assert!(c.tenths < c.max * 10, "{id}");
    }
    // Its element is no longer covered, and it is no longer one of the 3 quick wins.
    partial(&grade(&p, "elements"), 85, 1, "elemen `service`");
    partial(&grade(&p, "quick-wins"), 67, 1, "pada 1 program lagi");
}
