//! One function per criterion of [`super::CRITERIA`]: what share of it the project meets, and
//! the fixes (file, programme or field, what to add) that would earn the rest. Each fix is
//! written in the project's language.

use crate::model::{Language, PokjaFile, Program, RegionType};
use crate::render::i18n::region_terms;
use crate::taxonomy::Dimension;

use super::{Graded, Input};

/// A text in the project's language: `say!(lang, "id {x}", "en {x}")`.
macro_rules! say {
    ($lang:expr, $id:literal, $en:literal $(,)?) => {
        match $lang {
            Language::Id => format!($id),
            Language::En => format!($en),
        }
    };
}

/// `got` of `of` as a share; nothing to have is nothing earned.
fn ratio(got: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { got as f64 / of as f64 }
}

fn graded(share: f64, fixes: Vec<String>) -> Graded {
    Graded { share, fixes }
}

/// `pokja/economy.yaml: ECO-03 (QRIS untuk Retribusi)`.
fn program_ref(file: &PokjaFile, p: &Program) -> String {
    format!("{}: {} ({})", file.file, p.id, p.name.trim())
}

/// The file a dimension's pokja writes (whether or not it exists).
fn pokja_path(d: &Dimension) -> String {
    format!("pokja/{}.yaml", d.key)
}

/// Every taxonomy dimension with its pokja file, if the project has one.
fn dimensions<'a>(input: &Input<'a>) -> Vec<(&'a Dimension, Option<&'a PokjaFile>)> {
    input
        .taxonomy
        .dimensions
        .iter()
        .map(|d| {
            let file = input
                .project
                .pokja
                .iter()
                .find(|p| p.pokja.dimension == d.key);
            (d, file)
        })
        .collect()
}

fn missing_pokja_fix(lang: Language, d: &Dimension) -> String {
    let file = pokja_path(d);
    let key = &d.key;
    say!(
        lang,
        "{file}: tulis berkas pokja ini (`masterplan init . --pokja {key}`)",
        "{file}: write this pokja file (`masterplan init . --pokja {key}`)",
    )
}

/// A programme still as `masterplan init` wrote it (its description is the scaffold's example):
/// it earns nothing until the pokja replaces it with its own.
fn is_example(p: &Program) -> bool {
    crate::scaffold::is_example_description(p.description.as_deref())
}

/// The programmes that count: every programme but the scaffold's examples.
fn real_programs<'a>(input: &Input<'a>) -> impl Iterator<Item = (&'a PokjaFile, &'a Program)> {
    input.project.programs().filter(|(_, p)| !is_example(p))
}

fn example_fix(lang: Language, file: &PokjaFile, p: &Program) -> String {
    let at = program_ref(file, p);
    say!(
        lang,
        "{at}: masih contoh dari `masterplan init`; ganti dengan program pokja sendiri",
        "{at}: still the example `masterplan init` wrote; replace it with the pokja's own",
    )
}

fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn has_text(s: Option<&String>) -> bool {
    s.is_some_and(|s| !is_blank(s))
}

fn any_text(list: &[String]) -> bool {
    list.iter().any(|s| !is_blank(s))
}

/// `a, b dan c` / `a, b and c`.
fn join(lang: Language, items: &[String]) -> String {
    let and = match lang {
        Language::Id => "dan",
        Language::En => "and",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn ticked(items: &[&str]) -> Vec<String> {
    items.iter().map(|i| format!("`{i}`")).collect()
}

/// Facts of the regional profile and, per pokja, its goal, issues and targets.
pub fn profile(input: &Input) -> Graded {
    let lang = input.language();
    let region = &input.project.masterplan.region;
    let mut facts: Vec<(&str, bool)> = vec![
        ("population", region.population.is_some()),
        ("area_km2", region.area_km2.is_some()),
    ];
    if region.kind != RegionType::Desa {
        facts.push(("districts", region.districts.is_some()));
        facts.push(("villages", region.villages.is_some()));
    }
    if matches!(region.kind, RegionType::Kabupaten | RegionType::Provinsi) {
        facts.push(("capital", has_text(region.capital.as_ref())));
    }
    let mut got = facts.iter().filter(|(_, ok)| *ok).count();
    let mut of = facts.len();
    let mut fixes = Vec::new();
    let missing: Vec<String> = facts
        .iter()
        .filter(|(_, ok)| !*ok)
        .map(|(k, _)| format!("`region.{k}`"))
        .collect();
    if !missing.is_empty() {
        let list = join(lang, &missing);
        fixes.push(say!(
            lang,
            "masterplan.yaml: isi {list} untuk profil daerah",
            "masterplan.yaml: fill in {list} for the regional profile",
        ));
    }
    for (d, file) in dimensions(input) {
        of += 3;
        let Some(file) = file else {
            fixes.push(missing_pokja_fix(lang, d));
            continue;
        };
        let p = &file.pokja;
        let parts = [
            ("goal", has_text(p.goal.as_ref())),
            ("issues", any_text(&p.issues)),
            ("targets", any_text(&p.targets)),
        ];
        got += parts.iter().filter(|(_, ok)| *ok).count();
        let missing: Vec<&str> = parts
            .iter()
            .filter(|(_, ok)| !*ok)
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() {
            let f = &file.file;
            let list = join(lang, &ticked(&missing));
            fixes.push(say!(
                lang,
                "{f}: tambahkan {list} (tujuan, isu strategis, sasaran)",
                "{f}: add {list} (goal, strategic issues, targets)",
            ));
        }
    }
    graded(ratio(got, of), fixes)
}

/// Every readiness aspect of every dimension with a score and a target.
pub fn readiness(input: &Input) -> Graded {
    let lang = input.language();
    let (mut got, mut of) = (0, 0);
    let mut fixes = Vec::new();
    for (d, file) in dimensions(input) {
        of += 6;
        let Some(file) = file else {
            fixes.push(missing_pokja_fix(lang, d));
            continue;
        };
        let r = file.pokja.readiness.as_ref();
        let aspects = [
            ("structure", r.and_then(|r| r.structure.as_ref())),
            ("infrastructure", r.and_then(|r| r.infrastructure.as_ref())),
            ("superstructure", r.and_then(|r| r.superstructure.as_ref())),
        ];
        let unscored: Vec<&str> = aspects
            .iter()
            .filter(|(_, s)| s.is_none())
            .map(|(k, _)| *k)
            .collect();
        let untargeted: Vec<&str> = aspects
            .iter()
            .filter(|(_, s)| s.is_some_and(|s| s.target.is_none()))
            .map(|(k, _)| *k)
            .collect();
        got += 6 - 2 * unscored.len() - untargeted.len();
        let f = &file.file;
        if unscored.len() == 3 {
            fixes.push(say!(
                lang,
                "{f}: readiness: isi `score` dan `target` (1-5) ketiga aspek",
                "{f}: readiness: give the three aspects a `score` and a `target` (1-5)",
            ));
        } else if !unscored.is_empty() {
            let list = join(lang, &ticked(&unscored));
            fixes.push(say!(
                lang,
                "{f}: readiness: beri {list} sebuah `score` dan `target` (1-5)",
                "{f}: readiness: give {list} a `score` and a `target` (1-5)",
            ));
        }
        if untargeted.len() == 3 {
            fixes.push(say!(
                lang,
                "{f}: readiness: isi `target` ketiga aspek",
                "{f}: readiness: add the three `target`s",
            ));
        } else if !untargeted.is_empty() {
            let list = join(lang, &ticked(&untargeted));
            fixes.push(say!(
                lang,
                "{f}: readiness: tambahkan `target` (1-5) pada {list}",
                "{f}: readiness: add a `target` (1-5) to {list}",
            ));
        }
    }
    graded(ratio(got, of), fixes)
}

/// All four SWOT quadrants of every dimension filled in.
pub fn swot(input: &Input) -> Graded {
    four_lists(
        input,
        |p| {
            let s = p.swot.clone().unwrap_or_default();
            [
                ("strengths", any_text(&s.strengths)),
                ("weaknesses", any_text(&s.weaknesses)),
                ("opportunities", any_text(&s.opportunities)),
                ("threats", any_text(&s.threats)),
            ]
        },
        |lang, f, missing| {
            let list = join(lang, &ticked(missing));
            say!(lang, "{f}: swot: isi {list}", "{f}: swot: fill in {list}")
        },
    )
}

/// All four TOWS strategy lists of every dimension filled in.
pub fn tows(input: &Input) -> Graded {
    four_lists(
        input,
        |p| {
            let s = p.strategies.clone().unwrap_or_default();
            [
                ("so", any_text(&s.so)),
                ("wo", any_text(&s.wo)),
                ("st", any_text(&s.st)),
                ("wt", any_text(&s.wt)),
            ]
        },
        |lang, f, missing| {
            if missing.len() == 4 {
                say!(
                    lang,
                    "{f}: tambahkan `strategies` TOWS (so, wo, st, wt)",
                    "{f}: add the TOWS `strategies` (so, wo, st, wt)",
                )
            } else {
                let list = join(lang, &ticked(missing));
                say!(
                    lang,
                    "{f}: strategies: tambahkan strategi {list}",
                    "{f}: strategies: add the {list} strategies",
                )
            }
        },
    )
}

/// A criterion of four lists per dimension (the SWOT quadrants, the TOWS strategies): a point
/// per list filled in, and one fix per pokja file naming the lists it lacks.
fn four_lists(
    input: &Input,
    lists: impl Fn(&crate::model::Pokja) -> [(&'static str, bool); 4],
    fix: impl Fn(Language, &str, &[&str]) -> String,
) -> Graded {
    let lang = input.language();
    let (mut got, mut of) = (0, 0);
    let mut fixes = Vec::new();
    for (d, file) in dimensions(input) {
        of += 4;
        let Some(file) = file else {
            fixes.push(missing_pokja_fix(lang, d));
            continue;
        };
        let filled = lists(&file.pokja);
        got += filled.iter().filter(|(_, ok)| *ok).count();
        let missing: Vec<&str> = filled
            .iter()
            .filter(|(_, ok)| !*ok)
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() {
            fixes.push(fix(lang, &file.file, &missing));
        }
    }
    graded(ratio(got, of), fixes)
}

/// The RPJMD's period, vision and missions named, and every RPJMD mission served by a
/// programme: four equal parts.
pub fn rpjmd(input: &Input) -> Graded {
    let lang = input.language();
    let Some(r) = input.project.masterplan.rpjmd.as_ref() else {
        return graded(
            0.0,
            vec![say!(
                lang,
                "masterplan.yaml: tambahkan `rpjmd` (period, vision, missions dengan id) agar visi dan misi terhubung dengan RPJMD",
                "masterplan.yaml: add `rpjmd` (period, vision, missions with ids) to link the vision and missions to the RPJMD",
            )],
        );
    };
    let mut share = 0.0;
    let mut fixes = Vec::new();
    if r.period.is_some() {
        share += 0.25;
    } else {
        fixes.push(say!(
            lang,
            "masterplan.yaml: rpjmd.period: tulis tahun awal dan akhir RPJMD, mis. [2021, 2026]",
            "masterplan.yaml: rpjmd.period: give the RPJMD's first and last year, e.g. [2021, 2026]",
        ));
    }
    if has_text(r.vision.as_ref()) {
        share += 0.25;
    } else {
        fixes.push(say!(
            lang,
            "masterplan.yaml: rpjmd.vision: tulis visi RPJMD",
            "masterplan.yaml: rpjmd.vision: write the RPJMD's vision",
        ));
    }
    if r.missions.is_empty() {
        fixes.push(say!(
            lang,
            "masterplan.yaml: rpjmd.missions: daftarkan misi RPJMD (id dan text)",
            "masterplan.yaml: rpjmd.missions: list the RPJMD's missions (id and text)",
        ));
        return graded(share, fixes);
    }
    share += 0.25;
    let mut served = 0;
    for (i, m) in r.missions.iter().enumerate() {
        let used = real_programs(input).any(|(_, p)| p.rpjmd_missions.contains(&m.id));
        if used {
            served += 1;
        } else {
            let id = &m.id;
            fixes.push(say!(
                lang,
                "masterplan.yaml: rpjmd.missions[{i}] ({id}): belum ada program yang mendukungnya; sebutkan `{id}` dalam `rpjmd_missions` program yang sesuai",
                "masterplan.yaml: rpjmd.missions[{i}] ({id}): no programme serves it; name `{id}` in the `rpjmd_missions` of a programme that does",
            ));
        }
    }
    share += 0.25 * ratio(served, r.missions.len());
    graded(share, fixes)
}

/// Every element of every dimension has a programme, or its omission is explained in
/// `omitted_elements`.
pub fn elements(input: &Input) -> Graded {
    let lang = input.language();
    let (mut got, mut of) = (0, 0);
    let mut fixes = Vec::new();
    for (d, file) in dimensions(input) {
        of += d.elements.len();
        let Some(file) = file else {
            if !d.elements.is_empty() {
                fixes.push(missing_pokja_fix(lang, d));
            }
            continue;
        };
        for e in &d.elements {
            let covered = file
                .pokja
                .programs
                .iter()
                .any(|p| p.element == e.key && !is_example(p))
                || file
                    .pokja
                    .omitted_elements
                    .get(&e.key)
                    .is_some_and(|why| !is_blank(why));
            if covered {
                got += 1;
                continue;
            }
            let f = &file.file;
            let key = &e.key;
            let label = e.label.get(lang);
            fixes.push(say!(
                lang,
                "{f}: elemen `{key}` ({label}): tambahkan program dengan `element: {key}`, atau jelaskan alasannya di `omitted_elements`",
                "{f}: element `{key}` ({label}): add a programme with `element: {key}`, or explain why under `omitted_elements`",
            ));
        }
    }
    graded(ratio(got, of), fixes)
}

/// The fix when a project has no programme at all (the programme criteria grade nothing).
fn no_programs_fix(lang: Language) -> String {
    say!(
        lang,
        "pokja/*.yaml: tambahkan program di `programs:` setiap pokja",
        "pokja/*.yaml: add programmes under each pokja's `programs:`",
    )
}

/// The share of programmes meeting `ok`, with `fix` for each that does not.
fn per_program(
    input: &Input,
    ok: impl Fn(&Program) -> bool,
    fix: impl Fn(&PokjaFile, &Program) -> String,
) -> Graded {
    let lang = input.language();
    let (mut got, mut of) = (0, 0);
    let mut fixes = Vec::new();
    for (file, p) in input.project.programs() {
        of += 1;
        if is_example(p) {
            fixes.push(example_fix(lang, file, p));
        } else if ok(p) {
            got += 1;
        } else {
            fixes.push(fix(file, p));
        }
    }
    if of == 0 {
        fixes.push(no_programs_fix(lang));
    }
    graded(ratio(got, of), fixes)
}

/// Programmes with at least one output.
pub fn outputs(input: &Input) -> Graded {
    let lang = input.language();
    per_program(
        input,
        |p| any_text(&p.outputs),
        |f, p| {
            let at = program_ref(f, p);
            say!(
                lang,
                "{at}: tambahkan `outputs:` (apa yang dihasilkan)",
                "{at}: add `outputs:` (what it delivers)",
            )
        },
    )
}

/// Programmes with a budget above zero.
pub fn budget(input: &Input) -> Graded {
    let lang = input.language();
    per_program(
        input,
        |p| p.total_budget() > 0,
        |f, p| {
            let at = program_ref(f, p);
            say!(
                lang,
                "{at}: tambahkan `budget:` (sumber dan jumlah dalam Rupiah)",
                "{at}: add `budget:` lines (source and amount in Rupiah)",
            )
        },
    )
}

/// Programmes with an indicator that has a baseline and at least one yearly target.
pub fn indicators(input: &Input) -> Graded {
    let lang = input.language();
    per_program(
        input,
        |p| {
            p.indicators
                .iter()
                .any(|i| i.baseline.is_some() && !i.targets.is_empty())
        },
        |f, p| {
            let at = program_ref(f, p);
            let Some(first) = p.indicators.first() else {
                return say!(
                    lang,
                    "{at}: tambahkan indikator dengan baseline dan target tahunan",
                    "{at}: add an indicator with a baseline and yearly targets",
                );
            };
            let name = first.name.trim();
            let mut missing = Vec::new();
            if first.baseline.is_none() {
                missing.push("baseline");
            }
            if first.targets.is_empty() {
                missing.push("targets");
            }
            let list = join(lang, &ticked(&missing));
            say!(
                lang,
                "{at}: indikator `{name}`: tambahkan {list}",
                "{at}: indicator `{name}`: add its {list}",
            )
        },
    )
}

/// Programmes naming at least one RPJMD mission they serve.
pub fn missions(input: &Input) -> Graded {
    let lang = input.language();
    let ids: Vec<String> = input
        .project
        .masterplan
        .rpjmd
        .as_ref()
        .map(|r| r.missions.iter().map(|m| m.id.clone()).collect())
        .unwrap_or_default();
    let mut g = per_program(
        input,
        |p| !p.rpjmd_missions.is_empty(),
        |f, p| {
            let at = program_ref(f, p);
            if ids.is_empty() {
                say!(
                    lang,
                    "{at}: sebutkan misi RPJMD-nya di `rpjmd_missions`",
                    "{at}: name its RPJMD missions in `rpjmd_missions`",
                )
            } else {
                let list = ids.join(", ");
                say!(
                    lang,
                    "{at}: sebutkan misi RPJMD-nya di `rpjmd_missions` ({list})",
                    "{at}: name its RPJMD missions in `rpjmd_missions` ({list})",
                )
            }
        },
    );
    if ids.is_empty() && g.share < 1.0 {
        g.fixes.insert(
            0,
            say!(
                lang,
                "masterplan.yaml: rpjmd.missions: daftarkan misi RPJMD (id dan text) agar program dapat menyebutnya",
                "masterplan.yaml: rpjmd.missions: list the RPJMD's missions (id and text) so programmes can name them",
            ),
        );
    }
    g
}

/// Large programmes ([`Program::is_large`]) with a risk register whose every risk has a
/// mitigation. A project with programmes but none large meets the criterion; one without
/// programmes (other than the scaffold's examples) does not.
pub fn risks(input: &Input) -> Graded {
    let lang = input.language();
    let (mut got, mut of) = (0, 0);
    let mut fixes = Vec::new();
    for (file, p) in real_programs(input) {
        if !p.is_large() {
            continue;
        }
        of += 1;
        let at = program_ref(file, p);
        if p.risks.is_empty() {
            let why = large_reason(lang, p);
            fixes.push(say!(
                lang,
                "{at}: besar ({why}): tambahkan `risks:` dengan `mitigation`",
                "{at}: large ({why}): add `risks:` with their `mitigation`",
            ));
            continue;
        }
        let unmitigated: Vec<String> = p
            .risks
            .iter()
            .enumerate()
            .filter(|(_, r)| !has_text(r.mitigation.as_ref()))
            .map(|(j, _)| format!("`risks[{j}]`"))
            .collect();
        if unmitigated.is_empty() {
            got += 1;
        } else {
            let list = join(lang, &unmitigated);
            fixes.push(say!(
                lang,
                "{at}: tambahkan `mitigation` pada {list}",
                "{at}: add a `mitigation` to {list}",
            ));
        }
    }
    if real_programs(input).next().is_none() {
        // Nothing to judge the risk register by yet.
        return graded(0.0, vec![no_programs_fix(lang)]);
    }
    let share = if of == 0 { 1.0 } else { ratio(got, of) };
    graded(share, fixes)
}

/// Why a programme counts as large: its budget, its length, or both.
fn large_reason(lang: Language, p: &Program) -> String {
    use crate::model::{LARGE_PROGRAM_BUDGET, LARGE_PROGRAM_YEARS};
    let mut why = Vec::new();
    if p.total_budget() > LARGE_PROGRAM_BUDGET {
        let money = crate::render::format::rupiah_short(u128::from(p.total_budget()), lang);
        why.push(money);
    }
    let years = p.duration_years();
    if years > LARGE_PROGRAM_YEARS {
        why.push(say!(lang, "{years} tahun", "{years} years"));
    }
    why.join(", ")
}

/// 3 to 6 quick wins (half the points), each starting in the first year and lasting at most
/// one year (the other half).
pub fn quick_wins(input: &Input) -> Graded {
    let lang = input.language();
    let first = input.project.masterplan.period.start_year;
    let quick: Vec<(&PokjaFile, &Program)> =
        real_programs(input).filter(|(_, p)| p.quick_win).collect();
    let n = quick.len();
    let mut fixes = Vec::new();
    let count_share = match n {
        3..=6 => 1.0,
        0..=2 => ratio(n, 3),
        _ => 6.0 / n as f64,
    };
    if n < 3 {
        let more = 3 - n;
        fixes.push(say!(
            lang,
            "pokja/*.yaml: pasang `quick_win: true` pada {more} program lagi yang langsung dirasakan warga ({n} sekarang; 3 sampai 6)",
            "pokja/*.yaml: set `quick_win: true` on {more} more programmes with direct impact on citizens ({n} now; 3 to 6)",
        ));
    } else if n > 6 {
        let fewer = n - 6;
        let ids = quick
            .iter()
            .map(|(_, p)| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        fixes.push(say!(
            lang,
            "pokja/*.yaml: lepaskan `quick_win` dari {fewer} program ({n} quick win: {ids}; paling banyak 6)",
            "pokja/*.yaml: drop `quick_win` from {fewer} programmes ({n} quick wins: {ids}; 6 at most)",
        ));
    }
    let mut timely = 0;
    for (file, p) in &quick {
        let at = program_ref(file, p);
        let start = p.start;
        let years = p.duration_years();
        if p.start != first {
            fixes.push(say!(
                lang,
                "{at}: quick win dimulai {start}; mulailah di tahun pertama {first}",
                "{at}: the quick win starts in {start}; start it in the first year {first}",
            ));
        } else if years > 1 {
            fixes.push(say!(
                lang,
                "{at}: quick win berlangsung {years} tahun; selesaikan dalam satu tahun (`end: {start}`)",
                "{at}: the quick win lasts {years} years; deliver it within one year (`end: {start}`)",
            ));
        } else {
            timely += 1;
        }
    }
    let share = 0.5 * count_share + 0.5 * ratio(timely, n);
    graded(share, fixes)
}

/// The region's own legal basis listed (without it the document falls back to national
/// defaults).
pub fn legal_basis(input: &Input) -> Graded {
    let lang = input.language();
    let listed = input
        .project
        .masterplan
        .legal_basis
        .as_ref()
        .is_some_and(|l| any_text(l));
    if listed {
        return graded(1.0, Vec::new());
    }
    graded(
        0.0,
        vec![say!(
            lang,
            "masterplan.yaml: legal_basis: daftarkan dasar hukum, termasuk peraturan daerah sendiri (tanpanya dokumen memakai daftar nasional bawaan)",
            "masterplan.yaml: legal_basis: list the legal basis, including the region's own regulations (without it the document uses the national defaults)",
        )],
    )
}

/// The team decree (half), the Dewan Smart City and the Tim Pelaksana (a quarter each).
pub fn team(input: &Input) -> Graded {
    let lang = input.language();
    let team = input.project.masterplan.team.as_ref();
    let mut share = 0.0;
    let mut fixes = Vec::new();
    if team.is_some_and(|t| has_text(t.decree.as_ref())) {
        share += 0.5;
    } else {
        fixes.push(say!(
            lang,
            "masterplan.yaml: team.decree: sebutkan SK pembentukan Dewan Smart City dan Tim Pelaksana",
            "masterplan.yaml: team.decree: name the decree that formed the council and the implementing team",
        ));
    }
    if team.is_some_and(|t| !t.council.is_empty()) {
        share += 0.25;
    } else {
        fixes.push(say!(
            lang,
            "masterplan.yaml: team.council: daftarkan anggota Dewan Smart City (name, role)",
            "masterplan.yaml: team.council: list the members of the Dewan Smart City (name, role)",
        ));
    }
    if team.is_some_and(|t| !t.implementers.is_empty()) {
        share += 0.25;
    } else {
        fixes.push(say!(
            lang,
            "masterplan.yaml: team.implementers: daftarkan anggota Tim Pelaksana (name, role)",
            "masterplan.yaml: team.implementers: list the members of the Tim Pelaksana (name, role)",
        ));
    }
    graded(share, fixes)
}

/// Every signer of the commitment sheet named: the head of region and every OPD head.
pub fn signers(input: &Input) -> Graded {
    let lang = input.language();
    let m = &input.project.masterplan;
    let mut got = 0;
    let of = 1 + m.opd.len();
    let mut fixes = Vec::new();
    if has_text(m.region.head.as_ref()) {
        got += 1;
    } else {
        let head = region_terms(&m.region, lang).head_of;
        fixes.push(say!(
            lang,
            "masterplan.yaml: region.head: tulis nama {head}, penanda tangan pertama lembar komitmen",
            "masterplan.yaml: region.head: name the {head}, the first signer of the commitment sheet",
        ));
    }
    for (i, o) in m.opd.iter().enumerate() {
        if has_text(o.head.as_ref()) {
            got += 1;
            continue;
        }
        let code = &o.code;
        let name = o.name.trim();
        fixes.push(say!(
            lang,
            "masterplan.yaml: opd[{i}] ({code}): tambahkan `head`, kepala {name} yang menandatangani komitmen",
            "masterplan.yaml: opd[{i}] ({code}): add `head`, the head of {name} who signs the commitment",
        ));
    }
    graded(ratio(got, of), fixes)
}

/// A monitoring file for every year of the period before the scoring year. Nothing due (the
/// period has not started, or this is its first year) meets the criterion.
pub fn monitoring(input: &Input) -> Graded {
    let lang = input.language();
    let due = super::due_years(&input.project.masterplan.period, input.year);
    let mut got = 0;
    let mut fixes = Vec::new();
    for y in &due {
        if input.project.monitoring_of(*y).is_some() {
            got += 1;
        } else {
            fixes.push(say!(
                lang,
                "monitoring/{y}.yaml: belum ada; `masterplan monitoring new {y}`",
                "monitoring/{y}.yaml: missing; `masterplan monitoring new {y}`",
            ));
        }
    }
    let share = if due.is_empty() {
        1.0
    } else {
        ratio(got, due.len())
    };
    graded(share, fixes)
}
