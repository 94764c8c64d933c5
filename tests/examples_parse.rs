//! The example projects, the `init` scaffold and the synthetic generator all produce inputs that
//! parse into the model and satisfy the input contract. Until `masterplan::check` is complete this
//! file carries a small self-check of the contract rules that are cheap to verify.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use masterplan::model::{Masterplan, Pokja, RegionType};
use masterplan::scaffold::{self, InitOptions};
use masterplan::taxonomy::Taxonomy;
use masterplan::{model::Language, synth};

/// Findings of the self-check: errors break the contract; warnings are what `check` would warn.
#[derive(Debug, Default)]
struct Findings {
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Self-check a project given as (relative path, content) pairs.
fn self_check(files: &[(String, String)]) -> Findings {
    let mut f = Findings::default();
    let taxonomy = Taxonomy::default_builtin();
    let Some((_, mp_src)) = files.iter().find(|(p, _)| p == "masterplan.yaml") else {
        f.errors.push("masterplan.yaml missing".into());
        return f;
    };
    let mp: Masterplan = match masterplan::yaml::from_str(mp_src, "masterplan.yaml") {
        Ok(m) => m,
        Err(e) => {
            f.errors.push(format!("masterplan.yaml: {}", e.message));
            return f;
        }
    };
    let period = mp.period;
    if !(5..=20).contains(&period.years) {
        f.errors.push(format!("period.years {}", period.years));
    }
    if mp.region.kind != RegionType::Provinsi && mp.region.province.is_none() {
        f.errors.push("region.province missing".into());
    }
    if mp.missions.is_empty() {
        f.errors.push("missions empty".into());
    }
    if mp.vision.trim().is_empty() {
        f.errors.push("vision empty".into());
    }
    let mut opd = BTreeSet::new();
    for o in &mp.opd {
        if !opd.insert(o.code.clone()) {
            f.errors.push(format!("opd {} duplicated", o.code));
        }
    }
    if opd.is_empty() {
        f.errors.push("opd empty".into());
    }
    let missions: BTreeSet<String> = mp
        .rpjmd
        .iter()
        .flat_map(|r| r.missions.iter().map(|m| m.id.clone()))
        .collect();

    // Parse every pokja file.
    let mut pokjas: Vec<(String, Pokja)> = Vec::new();
    for (path, src) in files {
        let Some(stem) = path
            .strip_prefix("pokja/")
            .and_then(|s| s.strip_suffix(".yaml"))
        else {
            continue;
        };
        match masterplan::yaml::from_str::<Pokja>(src, path) {
            Ok(p) => {
                if p.dimension != stem {
                    f.errors
                        .push(format!("{path}: dimension {} != file name", p.dimension));
                }
                if taxonomy.dimension(stem).is_none() {
                    f.errors.push(format!("{path}: not a dimension"));
                }
                pokjas.push((path.clone(), p));
            }
            Err(e) => f.errors.push(format!("{path}: {}", e.message)),
        }
    }
    for d in &taxonomy.dimensions {
        if !pokjas.iter().any(|(_, p)| p.dimension == d.key) {
            f.warnings.push(format!("pokja/{}.yaml missing", d.key));
        }
    }

    let opd_ok = |f: &mut Findings, file: &str, what: &str, code: &str| {
        if !opd.contains(code) {
            f.errors.push(format!("{file}: {what}: unknown OPD {code}"));
        }
    };
    // Program id -> start year, for the dependency rules.
    let mut starts: BTreeMap<String, i32> = BTreeMap::new();
    let mut covered: BTreeSet<(String, String)> = BTreeSet::new();
    for (file, p) in &pokjas {
        opd_ok(&mut f, file, "coordinator", &p.coordinator);
        for m in &p.members {
            opd_ok(&mut f, file, "members", m);
        }
        if let Some(r) = &p.readiness {
            for s in [&r.structure, &r.infrastructure, &r.superstructure]
                .into_iter()
                .flatten()
            {
                if !(1..=5).contains(&s.score) {
                    f.errors
                        .push(format!("{file}: readiness score {}", s.score));
                }
            }
        }
        let dim = taxonomy.dimension(&p.dimension);
        for prog in &p.programs {
            let at = format!("{file}: {}", prog.id);
            if !valid_id(&prog.id) {
                f.errors.push(format!("{at}: bad id"));
            }
            if starts.insert(prog.id.clone(), prog.start).is_some() {
                f.errors.push(format!("{at}: duplicate id"));
            }
            match dim.and_then(|d| d.element(&prog.element)) {
                Some(_) => {
                    covered.insert((p.dimension.clone(), prog.element.clone()));
                }
                None => f
                    .errors
                    .push(format!("{at}: element {} not in dimension", prog.element)),
            }
            opd_ok(&mut f, &at, "lead", &prog.lead);
            for s in &prog.support {
                opd_ok(&mut f, &at, "support", s);
            }
            if !period.contains(prog.start) || !period.contains(prog.end) || prog.end < prog.start {
                f.errors
                    .push(format!("{at}: years {}..{}", prog.start, prog.end));
            }
            for b in &prog.budget {
                if let Some(y) = b.year
                    && !(prog.start..=prog.end).contains(&y)
                {
                    f.errors.push(format!("{at}: budget year {y}"));
                }
                if b.amount == 0 {
                    f.errors.push(format!("{at}: zero budget line"));
                }
            }
            for i in &prog.indicators {
                for y in i.targets.keys() {
                    if !period.contains(*y) {
                        f.errors.push(format!("{at}: indicator target year {y}"));
                    }
                }
            }
            for m in &prog.rpjmd_missions {
                if !missions.contains(m) {
                    f.errors.push(format!("{at}: rpjmd mission {m}"));
                }
            }
            for s in &prog.sdgs {
                if !(1..=17).contains(s) {
                    f.errors.push(format!("{at}: sdg {s}"));
                }
            }
            for v in [prog.impact, prog.effort].into_iter().flatten() {
                if !(1..=5).contains(&v) {
                    f.errors.push(format!("{at}: impact/effort {v}"));
                }
            }
            if prog.quick_win && (prog.start != period.start_year || prog.end != prog.start) {
                f.warnings.push(format!("{at}: quick win timing"));
            }
            if prog.indicators.is_empty() {
                f.warnings.push(format!("{at}: no indicator"));
            }
            if prog.budget.is_empty() {
                f.warnings.push(format!("{at}: no budget"));
            }
            if prog.outputs.is_empty() {
                f.warnings.push(format!("{at}: no output"));
            }
        }
    }
    // Dependencies: existing, not starting earlier, acyclic.
    let deps: BTreeMap<&str, &Vec<String>> = pokjas
        .iter()
        .flat_map(|(_, p)| p.programs.iter().map(|g| (g.id.as_str(), &g.depends_on)))
        .collect();
    for (id, ds) in &deps {
        for d in ds.iter() {
            match starts.get(d) {
                None => f.errors.push(format!("{id}: depends on unknown {d}")),
                Some(s) if *s > starts[*id] => {
                    f.errors.push(format!("{id}: starts before dependency {d}"))
                }
                Some(_) => {}
            }
        }
    }
    // Kahn's algorithm: everything must be removable.
    let mut indegree: BTreeMap<&str, usize> = deps.keys().map(|k| (*k, 0)).collect();
    for ds in deps.values() {
        for d in ds.iter() {
            if let Some(n) = indegree.get_mut(d.as_str()) {
                *n += 1;
            }
        }
    }
    let mut queue: Vec<&str> = indegree
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(k, _)| *k)
        .collect();
    let mut removed = 0;
    while let Some(k) = queue.pop() {
        removed += 1;
        for d in deps[k].iter() {
            if let Some(n) = indegree.get_mut(d.as_str()) {
                *n -= 1;
                if *n == 0 {
                    queue.push(d.as_str());
                }
            }
        }
    }
    if removed != deps.len() {
        f.errors.push("dependency cycle".into());
    }
    for d in &taxonomy.dimensions {
        if !pokjas.iter().any(|(_, p)| p.dimension == d.key) {
            continue;
        }
        for e in &d.elements {
            if !covered.contains(&(d.key.clone(), e.key.clone())) {
                f.warnings
                    .push(format!("{}.{} has no programme", d.key, e.key));
            }
        }
    }
    f
}

fn read_project(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    files.push((
        "masterplan.yaml".to_string(),
        read(&dir.join("masterplan.yaml")),
    ));
    let mut pokja: Vec<_> = std::fs::read_dir(dir.join("pokja"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    pokja.sort();
    for p in pokja {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((format!("pokja/{name}"), read(&p)));
    }
    files
}

fn example(name: &str) -> (Vec<(String, String)>, Masterplan, Vec<Pokja>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    let files = read_project(&dir);
    let mp: Masterplan = masterplan::yaml::from_str(&files[0].1, "masterplan.yaml").unwrap();
    let pokja = files[1..]
        .iter()
        .map(|(p, s)| masterplan::yaml::from_str::<Pokja>(s, p).unwrap())
        .collect();
    (files, mp, pokja)
}

fn assert_clean(what: &str, f: &Findings) {
    assert!(f.errors.is_empty(), "{what}: errors {:#?}", f.errors);
    assert!(f.warnings.is_empty(), "{what}: warnings {:#?}", f.warnings);
}

#[test]
fn self_check_catches_broken_inputs() {
    let (files, _, _) = example("makassar");
    // An unknown OPD, a bad year, a dependency cycle, an unknown key: each is caught.
    let broken = |from: &str, to: &str| -> Findings {
        let mut fs = files.clone();
        for (_, src) in fs.iter_mut() {
            *src = src.replacen(from, to, 1);
        }
        self_check(&fs)
    };
    assert!(
        !broken("lead: DISKOMINFO", "lead: DISKOMINFOO")
            .errors
            .is_empty()
    );
    assert!(!broken("end: 2025", "end: 2035").errors.is_empty());
    assert!(!broken("    outcome:", "    outcom:").errors.is_empty());
    let mut fs = files.clone();
    fs.push((
        "pokja/weather.yaml".into(),
        "dimension: weather\ncoordinator: BAPPEDA\n".into(),
    ));
    assert!(!self_check(&fs).errors.is_empty());
}

#[test]
fn banggai_checks_clean() {
    let (files, mp, pokja) = example("banggai");
    assert_clean("banggai", &self_check(&files));
    assert_eq!(pokja.len(), 6);
    let programs: Vec<_> = pokja.iter().flat_map(|p| &p.programs).collect();
    assert!(programs.len() >= 24, "{} programmes", programs.len());
    let quick = programs.iter().filter(|p| p.quick_win).count();
    assert!((4..=6).contains(&quick), "{quick} quick wins");
    for seed in [
        "Galeri UKM Online",
        "Ambulance Dering",
        "SUPERMAN",
        "E-Kalibosi",
        "Digital Library",
    ] {
        assert!(
            programs.iter().any(|p| p.name.contains(seed)),
            "seed {seed} missing"
        );
    }
    assert_eq!(mp.region.name, "Banggai");
    assert_eq!(mp.period.years, 10);
    // The logo exists, is a PNG and is small.
    let logo = mp.region.logo.as_deref().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/banggai");
    let bytes = std::fs::read(dir.join(logo)).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(bytes.len() < 30_000);
    // Several budget sources, some lines with a year, some spread.
    let lines: Vec<_> = programs.iter().flat_map(|p| &p.budget).collect();
    let sources: BTreeSet<_> = lines.iter().map(|b| b.source).collect();
    assert!(sources.len() >= 7, "{sources:?}");
    assert!(lines.iter().any(|b| b.year.is_some()));
    assert!(lines.iter().any(|b| b.year.is_none()));
    assert!(programs.iter().any(|p| !p.depends_on.is_empty()));
}

#[test]
fn makassar_checks_clean() {
    let (files, mp, pokja) = example("makassar");
    assert_clean("makassar", &self_check(&files));
    assert_eq!(pokja.len(), 6);
    assert_eq!(mp.region.kind, RegionType::Kota);
    assert_eq!(mp.period.years, 5);
    assert!(mp.region.logo.is_none());
    let programs: Vec<_> = pokja.iter().flat_map(|p| &p.programs).collect();
    // One programme per element, a few more where the city has more to do.
    assert!((18..=20).contains(&programs.len()), "{}", programs.len());
    assert!(
        programs
            .iter()
            .any(|p| p.name.contains("BOSARA") && p.quick_win)
    );
}

#[test]
fn sinjai_desa_checks_clean_and_is_village_scale() {
    let (files, mp, pokja) = example("sinjai-desa");
    assert_clean("sinjai-desa", &self_check(&files));
    assert_eq!(pokja.len(), 6);
    assert_eq!(mp.region.kind, RegionType::Desa);
    assert_eq!(
        mp.region.villages, None,
        "a desa counts dusun, not villages"
    );
    assert!(mp.region.districts.is_some());
    assert_eq!(mp.period.years, 5);
    let programs: Vec<_> = pokja.iter().flat_map(|p| &p.programs).collect();
    assert!((18..=22).contains(&programs.len()), "{}", programs.len());
    let quick = programs.iter().filter(|p| p.quick_win).count();
    assert!((3..=6).contains(&quick), "{quick} quick wins");
    // Village money: tens to a few hundred million Rupiah a programme, from village sources.
    for p in &programs {
        let total: u64 = p.budget.iter().map(|b| b.amount).sum();
        assert!(
            (10_000_000..=250_000_000).contains(&total),
            "{}: Rp{total}",
            p.id
        );
    }
    let sources: BTreeSet<_> = programs
        .iter()
        .flat_map(|p| &p.budget)
        .map(|b| b.source.key())
        .collect();
    for s in ["dana_desa", "add", "apbdes"] {
        assert!(sources.contains(s), "{s} missing: {sources:?}");
    }
    // The perangkat desa lead the programmes, not a kabupaten's dinas.
    assert!(mp.opd.iter().any(|o| o.code == "KASI-PEMERINTAHAN"));
    assert!(!mp.opd.iter().any(|o| o.name.starts_with("Dinas ")));
    assert!(
        programs
            .iter()
            .any(|p| p.lead == "KASI-PEMERINTAHAN" && p.quick_win && p.name.contains("Surat"))
    );
}

fn options(kind: RegionType, language: Language, years: u32) -> InitOptions {
    InitOptions {
        region: "Banggai \"Laut\": Timur # 1".into(),
        kind,
        province: (kind != RegionType::Provinsi).then(|| "Sulawesi Tengah: Utara".to_string()),
        start_year: 2025,
        years,
        language,
    }
}

#[test]
fn scaffold_parses_and_checks_for_every_combination() {
    let taxonomy = Taxonomy::default_builtin();
    for kind in RegionType::ALL {
        for language in [Language::Id, Language::En] {
            for years in [5, 10, 20] {
                let o = options(kind, language, years);
                let files = scaffold::files(&o);
                let what = format!("{kind:?}/{language:?}/{years}");
                assert_eq!(files.len(), 1 + taxonomy.dimensions.len(), "{what}");
                let f = self_check(&files);
                assert!(f.errors.is_empty(), "{what}: {:#?}", f.errors);
                // Only uncovered elements may warn: every example programme is complete.
                assert!(
                    f.warnings.iter().all(|w| w.ends_with("has no programme")),
                    "{what}: {:#?}",
                    f.warnings
                );
                let mp: Masterplan = masterplan::yaml::from_str(&files[0].1, "m").unwrap();
                assert_eq!(mp.region.name, o.region);
                assert_eq!(mp.region.kind, kind);
                assert_eq!(mp.region.province, o.province);
                assert_eq!(mp.period.start_year, 2025);
                assert_eq!(mp.period.years, years);
                assert_eq!(mp.language, language);
                // Deterministic.
                assert_eq!(files, scaffold::files(&o));
            }
        }
    }
}

#[test]
fn scaffold_comments_every_field() {
    let files = scaffold::files(&options(RegionType::Kabupaten, Language::Id, 10));
    let mp = &files[0].1;
    for key in [
        "name:",
        "type:",
        "province:",
        "capital:",
        "head:",
        "area_km2:",
        "population:",
        "districts:",
        "villages:",
        "logo:",
        "start_year:",
        "years:",
        "language:",
        "taxonomy:",
        "title:",
        "foreword:",
        "vision:",
        "missions:",
        "rpjmd:",
        "code:",
        "team:",
        "decree:",
        "council:",
        "implementers:",
        "legal_basis:",
    ] {
        assert!(mp.contains(key), "masterplan.yaml lacks {key}");
    }
    let pokja = &files[1].1;
    for key in [
        "dimension:",
        "coordinator:",
        "members:",
        "goal:",
        "targets:",
        "issues:",
        "readiness:",
        "structure:",
        "infrastructure:",
        "superstructure:",
        "swot:",
        "strengths:",
        "weaknesses:",
        "opportunities:",
        "threats:",
        "programs:",
        "id:",
        "element:",
        "category:",
        "description:",
        "lead:",
        "support:",
        "start:",
        "end:",
        "budget:",
        "outputs:",
        "outcome:",
        "indicators:",
        "unit:",
        "baseline:",
        "targets:",
        "quick_win:",
        "impact:",
        "effort:",
        "depends_on:",
        "rpjmd_missions:",
        "sdgs:",
    ] {
        assert!(pokja.contains(key), "pokja file lacks {key}");
    }
    // English comments with --language en.
    let en = scaffold::files(&options(RegionType::Kota, Language::En, 5));
    assert!(en[0].1.contains("# Required"), "{}", en[0].1);
}

#[test]
fn synthetic_projects_check_clean() {
    for n in [60, 600, 3000] {
        let files = synth::project(n);
        assert_clean(&format!("synth {n}"), &self_check(&files));
        let count: usize = files
            .iter()
            .filter(|(p, _)| p.starts_with("pokja/"))
            .map(|(p, s)| {
                masterplan::yaml::from_str::<Pokja>(s, p)
                    .unwrap()
                    .programs
                    .len()
            })
            .sum();
        assert_eq!(count, n);
        assert_eq!(files, synth::project(n));
    }
}

/// The benchmark's projects are complete plans: the real check finds nothing to warn about
/// (thousands of warnings would make the benchmark time the report, not the pipeline).
#[test]
fn synthetic_projects_pass_the_real_check_without_warnings() {
    for n in [60, 600] {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in synth::project(n) {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        let checked = masterplan::check(dir.path());
        let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.is_empty(), "synth {n}: {codes:?}");
    }
}

#[test]
fn synthetic_projects_have_dependencies_and_a_few_quick_wins() {
    let files = synth::project(60);
    let programs: Vec<_> = files
        .iter()
        .filter(|(p, _)| p.starts_with("pokja/"))
        .flat_map(|(p, s)| masterplan::yaml::from_str::<Pokja>(s, p).unwrap().programs)
        .collect();
    let quick = programs.iter().filter(|p| p.quick_win).count();
    assert!((3..=6).contains(&quick), "{quick}");
    assert!(programs.iter().filter(|p| !p.depends_on.is_empty()).count() > 10);
}
