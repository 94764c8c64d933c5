use super::*;
use crate::model::{Masterplan, MonitoringFile, Pokja, PokjaFile};
use crate::taxonomy::Taxonomy;

fn num(x: f64) -> Value {
    Value::Number(x)
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

#[test]
fn achievement_increase() {
    // Baseline 100, target 200, actual 150: half way.
    assert_eq!(
        achievement(
            Some(&num(100.0)),
            &num(200.0),
            Some(&num(150.0)),
            Direction::Increase
        ),
        Some(500)
    );
    // Above target.
    assert_eq!(
        achievement(
            Some(&num(100.0)),
            &num(200.0),
            Some(&num(230.0)),
            Direction::Increase
        ),
        Some(1300)
    );
    // Worse than the baseline: negative.
    assert_eq!(
        achievement(
            Some(&num(100.0)),
            &num(200.0),
            Some(&num(90.0)),
            Direction::Increase
        ),
        Some(-100)
    );
    // Not reported.
    assert_eq!(
        achievement(Some(&num(100.0)), &num(200.0), None, Direction::Increase),
        None
    );
}

#[test]
fn achievement_decrease() {
    // Response time 45 -> target 30; actual 35: (35-45)/(30-45) = 66,7 %.
    assert_eq!(
        achievement(
            Some(&num(45.0)),
            &num(30.0),
            Some(&num(35.0)),
            Direction::Decrease
        ),
        Some(667)
    );
    // Better than the target.
    assert_eq!(
        achievement(
            Some(&num(45.0)),
            &num(30.0),
            Some(&num(25.0)),
            Direction::Decrease
        ),
        Some(1333)
    );
    // Got worse.
    assert_eq!(
        achievement(
            Some(&num(45.0)),
            &num(30.0),
            Some(&num(50.0)),
            Direction::Decrease
        ),
        Some(-333)
    );
}

#[test]
fn achievement_edge_cases() {
    // Target equal to the baseline: reached or not, by direction.
    let b = num(10.0);
    assert_eq!(
        achievement(Some(&b), &num(10.0), Some(&num(10.0)), Direction::Increase),
        Some(1000)
    );
    assert_eq!(
        achievement(Some(&b), &num(10.0), Some(&num(9.0)), Direction::Increase),
        Some(0)
    );
    assert_eq!(
        achievement(Some(&b), &num(10.0), Some(&num(9.0)), Direction::Decrease),
        Some(1000)
    );
    // No baseline: increase is actual / target, decrease target / actual.
    assert_eq!(
        achievement(None, &num(200.0), Some(&num(150.0)), Direction::Increase),
        Some(750)
    );
    assert_eq!(
        achievement(None, &num(30.0), Some(&num(40.0)), Direction::Decrease),
        Some(750)
    );
    assert_eq!(
        achievement(None, &num(30.0), Some(&num(0.0)), Direction::Decrease),
        Some(1000)
    );
    assert_eq!(
        achievement(None, &num(0.0), Some(&num(3.0)), Direction::Increase),
        Some(1000)
    );
    // A text baseline with numbers: as if there were none.
    assert_eq!(
        achievement(
            Some(&text("belum ada")),
            &num(4.0),
            Some(&num(2.0)),
            Direction::Increase
        ),
        Some(500)
    );
    // Text values: the same text or not.
    assert_eq!(
        achievement(
            Some(&text("belum")),
            &text("Tersedia"),
            Some(&text(" tersedia ")),
            Direction::Increase
        ),
        Some(1000)
    );
    assert_eq!(
        achievement(
            None,
            &text("tersedia"),
            Some(&text("sebagian")),
            Direction::Increase
        ),
        Some(0)
    );
    // Numbers written as text count as numbers.
    assert_eq!(
        achievement(
            Some(&num(0.0)),
            &text("12,5"),
            Some(&num(25.0)),
            Direction::Increase
        ),
        Some(2000)
    );
}

#[test]
fn absorption_is_exact_and_rounded_half_up() {
    assert_eq!(absorption(0, 0), None);
    assert_eq!(absorption(5, 0), None);
    assert_eq!(absorption(0, 100), Some(0));
    assert_eq!(absorption(875, 1000), Some(875));
    // 2/3 = 66,666..% -> 66,7 %.
    assert_eq!(absorption(2, 3), Some(667));
    // 1/8 = 12,5 % exactly.
    assert_eq!(absorption(1, 8), Some(125));
    // Half up: 0,05 % -> 0,1 %.
    assert_eq!(absorption(1, 2000), Some(1));
    // Over plan.
    assert_eq!(absorption(130_000_000, 100_000_000), Some(1300));
    // Huge amounts do not overflow.
    let big = u128::from(u64::MAX) * 1000;
    assert_eq!(absorption(big, big), Some(1000));
}

#[test]
fn weighted_index_with_default_and_other_weights() {
    let w = Weights::default();
    let scores = [
        (EvaluationDimension::Baseline, 350),
        (EvaluationDimension::Output, 300),
        (EvaluationDimension::Outcome, 350),
        (EvaluationDimension::Impact, 300),
        (EvaluationDimension::QuickWin, 400),
    ];
    // 0.1*3.5 + 0.2*3 + 0.3*3.5 + 0.3*3 + 0.1*4 = 3.30
    assert_eq!(weighted_index(&w, &scores), 330);
    let even = Weights {
        baseline: 20,
        output: 20,
        outcome: 20,
        impact: 20,
        quick_win: 20,
    };
    // (3.5+3+3.5+3+4)/5 = 3.40
    assert_eq!(weighted_index(&even, &scores), 340);
    // Rounded half up from the exact sum: 10*333 + 20*333 + 30*333 + 30*333 + 10*335 = 33320 -> 333,2 -> 333.
    let odd = [
        (EvaluationDimension::Baseline, 333),
        (EvaluationDimension::Output, 333),
        (EvaluationDimension::Outcome, 333),
        (EvaluationDimension::Impact, 333),
        (EvaluationDimension::QuickWin, 335),
    ];
    assert_eq!(weighted_index(&w, &odd), 333);
    let all_max: Vec<_> = EvaluationDimension::ALL.iter().map(|d| (*d, 500)).collect();
    assert_eq!(weighted_index(&w, &all_max), 500);
}

#[test]
fn shares_and_ratios_to_scores() {
    assert_eq!(score_of_share(0, 0), 0);
    assert_eq!(score_of_share(1, 2), 250);
    assert_eq!(score_of_share(2, 3), 333);
    assert_eq!(score_of_share(1, 3), 167);
    assert_eq!(score_of_share(5, 3), 500);
    assert_eq!(score_of_ratio(0.5), 250);
    assert_eq!(score_of_ratio(1.7), 500);
    assert_eq!(score_of_ratio(-1.0), 0);
    assert_eq!(score_of_ratio(f64::NAN), 0);
    assert_eq!(assessed_hundredths(3.5), 350);
    assert_eq!(assessed_hundredths(3.333), 333);
    assert_eq!(assessed_hundredths(7.0), 500);
}

#[test]
fn derived_scores_follow_the_documented_rules() {
    let inputs = DerivedInputs {
        measurable: 4,
        improved: 3,
        absorption: Some(800),
        active: 4,
        with_outputs: 2,
        realisations: vec![100.0, 50.0, 40.0, 10.0],
        achievements: vec![Some(1300), Some(500), None, Some(-200)],
        quick_wins_planned: 3,
        quick_wins_done: 2,
    };
    let d = derive(&inputs);
    let score = |dim: EvaluationDimension| d.iter().find(|x| x.0 == dim).map(|x| x.1);
    // Baseline: 3 of 4 improved -> 3,75.
    assert_eq!(score(EvaluationDimension::Baseline), Some(375));
    // Output: mean(80 %, 50 %) = 65 % -> 3,25.
    assert_eq!(score(EvaluationDimension::Output), Some(325));
    // Outcome: mean realisation 50 % -> 2,50.
    assert_eq!(score(EvaluationDimension::Outcome), Some(250));
    // Impact: capped mean(100, 50, 0, 0) = 37,5 % -> 1,88 (half up).
    assert_eq!(score(EvaluationDimension::Impact), Some(188));
    // Quick win: 2 of 3 -> 3,33.
    assert_eq!(score(EvaluationDimension::QuickWin), Some(333));

    // Nothing to measure: zeros.
    let empty = derive(&DerivedInputs::default());
    assert!(empty.iter().all(|x| x.1 == 0));
    // Overspending caps the absorption share at 100 %.
    let over = derive(&DerivedInputs {
        absorption: Some(1500),
        active: 1,
        with_outputs: 1,
        ..DerivedInputs::default()
    });
    assert_eq!(over[1].1, 500);
}

#[test]
fn realisation_by_progress_and_status() {
    let report = |status: Status, progress: Option<f64>| ProgramReport {
        status,
        progress,
        budget: Vec::new(),
        outputs: Vec::new(),
        indicators: BTreeMap::new(),
        evidence: Vec::new(),
        notes: None,
        obstacles: None,
    };
    assert_eq!(realisation(None), 0.0);
    assert_eq!(realisation(Some(&report(Status::Done, Some(60.0)))), 100.0);
    assert_eq!(
        realisation(Some(&report(Status::OnTrack, Some(60.0)))),
        60.0
    );
    assert_eq!(realisation(Some(&report(Status::OnTrack, None))), 75.0);
    assert_eq!(realisation(Some(&report(Status::Delayed, None))), 40.0);
    assert_eq!(
        realisation(Some(&report(Status::Delayed, Some(150.0)))),
        100.0
    );
    assert_eq!(realisation(Some(&report(Status::Cancelled, None))), 0.0);
}

#[test]
fn improvement_against_the_reference() {
    assert!(improved(10.0, 12.0, None, Direction::Increase));
    assert!(!improved(10.0, 8.0, None, Direction::Increase));
    assert!(improved(45.0, 30.0, None, Direction::Decrease));
    // Holding a level counts only when it reaches the target.
    assert!(improved(10.0, 10.0, Some(10.0), Direction::Increase));
    assert!(!improved(10.0, 10.0, Some(12.0), Direction::Increase));
}

#[test]
fn behind_schedule_rules() {
    assert_eq!(behind_reason(Status::Delayed, 2026, 2024), Some("delayed"));
    assert_eq!(
        behind_reason(Status::NotStarted, 2026, 2024),
        Some("not_started")
    );
    assert_eq!(behind_reason(Status::OnTrack, 2024, 2024), Some("past_end"));
    assert_eq!(behind_reason(Status::OnTrack, 2025, 2024), None);
    assert_eq!(behind_reason(Status::Done, 2024, 2024), None);
    assert_eq!(behind_reason(Status::Cancelled, 2024, 2024), None);
}

// ---------------------------------------------------------------------------------------------
// A whole project.

fn project(weights: Option<&str>, files: &[&str]) -> Project {
    let evaluation = weights
        .map(|w| format!("evaluation:\n  weights: {w}\n"))
        .unwrap_or_default();
    let src = format!(
        "region: {{ name: Buton, type: kabupaten }}\n\
         period: {{ start_year: 2023, years: 5 }}\n\
         vision: Buton Cerdas\n\
         missions: [Satu]\n\
         opd:\n  - {{ code: DKISP, name: Diskominfo }}\n  - {{ code: BAPPEDA, name: Bappeda }}\n{evaluation}"
    );
    let masterplan: Masterplan = crate::yaml::from_str(&src, "masterplan.yaml").expect("parses");
    let pokja_src = r#"dimension: governance
coordinator: DKISP
programs:
  - id: GOV-01
    name: SPBE
    element: service
    category: application
    lead: DKISP
    start: 2023
    end: 2024
    budget: [{ source: apbd, amount: 300000000 }, { source: apbn, amount: 100000000, year: 2024 }]
    indicators:
      - { name: Layanan daring, baseline: 10, targets: { 2023: 20, 2024: 30 } }
      - { name: Waktu layanan, unit: hari, baseline: 10, direction: decrease, targets: { 2023: 6, 2024: 4 } }
  - id: GOV-02
    name: Aplikasi Aduan
    element: service
    category: application
    lead: DKISP
    start: 2023
    end: 2023
    quick_win: true
    budget: [{ source: apbd, amount: 50000000 }]
  - id: GOV-03
    name: Satu Data
    element: service
    category: application
    lead: BAPPEDA
    start: 2023
    end: 2027
    budget: [{ source: apbd, amount: 500000000 }]
"#;
    let pokja: Pokja = crate::yaml::from_str(pokja_src, "pokja/governance.yaml").expect("parses");
    let monitoring = files
        .iter()
        .map(|f| {
            let m: Monitoring = crate::yaml::from_str(f, "monitoring").expect("parses");
            MonitoringFile {
                file: format!("monitoring/{}.yaml", m.year),
                monitoring: m,
            }
        })
        .collect();
    Project {
        root: std::path::PathBuf::from("."),
        masterplan,
        pokja: vec![PokjaFile {
            file: "pokja/governance.yaml".to_string(),
            pokja,
        }],
        monitoring,
    }
}

const Y2023: &str = r#"year: 2023
programs:
  GOV-01:
    status: on_track
    progress: 60
    budget: [{ source: apbd, amount: 120000000 }]
    outputs: [Portal]
    indicators: { Layanan daring: 15, Waktu layanan: 8 }
    evidence: [https://spbe.example.go.id]
  GOV-02:
    status: delayed
    budget: [{ source: apbd, amount: 60000000 }]
    obstacles: Server terlambat
"#;

const Y2024: &str = r#"year: 2024
programs:
  GOV-01:
    status: done
    budget: [{ source: apbd, amount: 150000000 }, { source: apbn, amount: 90000000 }]
    indicators: { Layanan daring: 32, Waktu layanan: 5 }
  GOV-02:
    status: done
  GOV-03:
    status: not_started
assessment:
  outcome: { score: 4.2, notes: Di atas rencana }
"#;

fn evaluated(weights: Option<&str>, year: Year) -> Evaluation {
    let p = project(weights, &[Y2023, Y2024]);
    let plan = crate::plan::plan(&p, &Taxonomy::default_builtin());
    evaluate(&p, &plan, year).expect("evaluates")
}

#[test]
fn planned_spending_reuses_the_plans_spread() {
    let e = evaluated(None, 2023);
    let gov01 = e
        .programs
        .iter()
        .find(|p| p.id == "GOV-01")
        .expect("GOV-01");
    // 300.000.000 over 2023-2024 -> 150.000.000 in 2023; the APBN line is for 2024 only.
    assert_eq!(gov01.planned, 150_000_000);
    assert_eq!(gov01.realised, 120_000_000);
    assert_eq!(gov01.absorption, Some(800));
    let gov02 = e
        .programs
        .iter()
        .find(|p| p.id == "GOV-02")
        .expect("GOV-02");
    assert!(gov02.over_plan);
    // Totals add up: per programme, per dimension, per source, per cell.
    let b = &e.budget;
    let planned: Amount = b.by_program.iter().map(|c| c.planned).sum();
    let realised: Amount = b.by_program.iter().map(|c| c.realised).sum();
    assert_eq!((planned, realised), (b.planned, b.realised));
    assert_eq!(b.planned, 150_000_000 + 50_000_000 + 100_000_000);
    assert_eq!(b.realised, 180_000_000);
    assert_eq!(
        b.by_dimension.iter().map(|c| c.planned).sum::<Amount>(),
        b.planned
    );
    assert_eq!(
        b.cells
            .iter()
            .flat_map(|c| &c.sources)
            .map(|c| c.realised)
            .sum::<Amount>(),
        b.realised
    );
    assert_eq!(
        b.by_source.iter().map(|c| c.planned).sum::<Amount>(),
        b.planned
    );
    assert_eq!(b.absorption, Some(600));
}

#[test]
fn a_year_without_file_or_outside_the_period_is_an_error() {
    let p = project(None, &[Y2023]);
    let plan = crate::plan::plan(&p, &Taxonomy::default_builtin());
    let err = evaluate(&p, &plan, 2025).expect_err("no file");
    assert_eq!(
        err,
        EvaluateError::NoFile {
            year: 2025,
            expected: "monitoring/2025.yaml".to_string()
        }
    );
    assert!(err.to_string().contains("monitoring/2025.yaml"));
    let err = evaluate(&p, &plan, 2030).expect_err("outside");
    assert!(matches!(err, EvaluateError::OutsidePeriod { .. }));
    assert!(err.to_string().contains("2023-2027"));
}

#[test]
fn status_quick_wins_behind_and_not_reported() {
    let e = evaluated(None, 2023);
    // GOV-03 is active but absent.
    assert_eq!(
        e.not_reported
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["GOV-03"]
    );
    let count = |k: &str| e.by_status.iter().find(|c| c.key == k).map(|c| c.count);
    assert_eq!(count("on_track"), Some(1));
    assert_eq!(count("delayed"), Some(1));
    assert_eq!(count("not_reported"), Some(1));
    assert_eq!(e.behind.len(), 1);
    assert_eq!(e.behind[0].program, "GOV-02");
    assert_eq!(e.behind[0].obstacles.as_deref(), Some("Server terlambat"));
    // The quick win due in 2023 was done in 2024: delivered late.
    assert_eq!(e.quick_wins.len(), 1);
    assert_eq!(e.quick_wins[0].delivery, Delivery::Late);
    assert_eq!(e.quick_wins[0].delivered_year, Some(2024));
    // It does not count as delivered in 2023's score.
    let qw = e.scores.iter().find(|s| s.key == "quick_win").expect("qw");
    assert_eq!((qw.basis.part, qw.basis.whole, qw.score), (0, 1, 0));

    // 2024 still lists it (due earlier, delivered late) and now counts it as delivered.
    let e24 = evaluated(None, 2024);
    assert_eq!(e24.quick_wins.len(), 1);
    assert!(!e24.quick_wins[0].planned);
    assert_eq!(e24.quick_wins[0].delivery, Delivery::Late);
    let qw = e24
        .scores
        .iter()
        .find(|s| s.key == "quick_win")
        .expect("qw");
    assert_eq!((qw.basis.part, qw.basis.whole, qw.derived), (1, 1, 500));
    assert_eq!(e24.behind.len(), 1);
    assert_eq!(e24.behind[0].reason, "not_started");
}

#[test]
fn indicators_with_history() {
    let e = evaluated(None, 2024);
    let names: Vec<_> = e.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Layanan daring", "Waktu layanan"]);
    let online = &e.indicators[0];
    // (32-10)/(30-10) = 110 %.
    assert_eq!(online.achievement, Some(1100));
    assert!(online.met);
    assert_eq!(online.history.len(), 2);
    assert_eq!(online.history[0].achievement, Some(500));
    let time = &e.indicators[1];
    // (5-10)/(4-10) = 83,3 %.
    assert_eq!(time.achievement, Some(833));
    assert!(!time.met);
}

#[test]
fn scores_index_and_change() {
    let e23 = evaluated(None, 2023);
    assert!(e23.scores.iter().all(|s| s.source == ScoreSource::Derived));
    assert!(e23.previous_index.is_none() && e23.change.is_none());
    let e24 = evaluated(None, 2024);
    let outcome = e24
        .scores
        .iter()
        .find(|s| s.key == "outcome")
        .expect("outcome");
    assert_eq!(outcome.source, ScoreSource::SelfAssessed);
    assert_eq!(outcome.score, 420);
    assert!(e24.self_assessed);
    // Baseline 2024: both indicators improved on 2023's actuals -> 5,00.
    let baseline = e24
        .scores
        .iter()
        .find(|s| s.key == "baseline")
        .expect("baseline");
    assert_eq!(baseline.score, 500);
    assert_eq!(e24.previous_year, Some(2023));
    assert_eq!(e24.previous_index, Some(e23.index));
    assert_eq!(e24.change, Some(e24.index - e23.index));
    let pairs: Vec<_> = e24.scores.iter().map(|s| (s.dimension, s.score)).collect();
    assert_eq!(e24.index, weighted_index(&Weights::default(), &pairs));

    // Other weights change the index (and the previous year's, with the same weights).
    let w = "{ baseline: 0, output: 0, outcome: 100, impact: 0, quick_win: 0 }";
    let heavy = evaluated(Some(w), 2024);
    assert_eq!(heavy.index, 420);
    assert!(heavy.weights_configured);
    assert_ne!(heavy.index, e24.index);
    assert_eq!(heavy.scores[2].weighted, 420);
}
