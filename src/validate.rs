//! Validate: every rule of the input contract, as diagnostics that name file and field path.
//!
//! Validation speaks in field paths (`programs[2].lead`); [`crate::load::Sources::locate`] turns
//! them into lines and columns. Every rule runs in linear time (hash maps keyed by code and id,
//! one depth-first search for dependency cycles), so a 3000-programme project checks quickly.
//! The codes are documented in docs/reference/diagnostics.md.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::input;
use crate::load::{MASTERPLAN_FILE, Recovery};
use crate::model::{Masterplan, PokjaFile, Program, Project};
use crate::suggest;
use crate::taxonomy::{Dimension, Taxonomy};

mod placeholders;
mod readiness_targets;
mod region;
pub mod register;

/// Check a loaded project against the input contract and the taxonomy.
pub fn validate(project: &Project, taxonomy: &Taxonomy) -> Vec<Diagnostic> {
    run(project, Some(taxonomy), &Recovery::default())
}

/// Every rule that does not need the taxonomy (dimensions and elements), for a project whose
/// taxonomy could not be resolved: its other mistakes are still reported in the same run.
pub fn validate_without_taxonomy(project: &Project) -> Vec<Diagnostic> {
    run(project, None, &Recovery::default())
}

/// Validate a project that loading recovered from mistakes in (`crate::load::Loaded`): the
/// kept programmes and OPD entries are named by their place in the file, and references to the
/// left-out ones (already reported) are not reported again. With or without a taxonomy.
pub fn validate_recovered(
    project: &Project,
    taxonomy: Option<&Taxonomy>,
    recovery: &Recovery,
) -> Vec<Diagnostic> {
    run(project, taxonomy, recovery)
}

fn run(project: &Project, taxonomy: Option<&Taxonomy>, recovery: &Recovery) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let m = &project.masterplan;
    if !recovery.masterplan_partial {
        validate_masterplan(m, &project.root, recovery, &mut out);
    }
    let opd = OpdCodes::new(m, recovery);
    for pf in &project.pokja {
        validate_pokja(pf, m, taxonomy, &opd, recovery, &mut out);
    }
    validate_programs_across(project, recovery, &mut out);
    placeholders::check(project, recovery, &mut out);
    region::check(project, recovery, &mut out);
    readiness_targets::check(project, &mut out);
    crate::user_text::check(project, recovery, &mut out);
    out
}

/// The OPD codes, for lookups and suggestions.
struct OpdCodes<'a> {
    codes: HashMap<&'a str, ()>,
    list: Vec<&'a str>,
    /// Codes of OPD entries left out by loading (their mistake is reported already).
    left_out: &'a std::collections::BTreeSet<String>,
}

impl<'a> OpdCodes<'a> {
    fn new(m: &'a Masterplan, recovery: &'a Recovery) -> Self {
        let list: Vec<&str> = m.opd.iter().map(|o| o.code.as_str()).collect();
        OpdCodes {
            codes: list.iter().map(|c| (*c, ())).collect(),
            list,
            left_out: &recovery.left_out_opd,
        }
    }

    /// An error when `code` is not a known OPD code.
    fn check(&self, code: &str, file: &str, path: String, role: &str, out: &mut Vec<Diagnostic>) {
        if self.codes.contains_key(code) || self.left_out.contains(code) {
            return;
        }
        let mut d = Diagnostic::error(
            "E0203",
            file,
            path,
            format!("unknown OPD code `{code}` ({role})"),
        );
        d.hint = Some(
            match suggest::did_you_mean(code, self.list.iter().copied()) {
                Some(c) => format!("did you mean `{c}`?"),
                None => {
                    "add the OPD to `opd` in masterplan.yaml, or use one of its codes".to_string()
                }
            },
        );
        out.push(d);
    }
}

fn is_program_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn is_opd_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn validate_masterplan(
    m: &Masterplan,
    root: &Path,
    recovery: &Recovery,
    out: &mut Vec<Diagnostic>,
) {
    let f = MASTERPLAN_FILE;
    if m.region.name.trim().is_empty() {
        out.push(Diagnostic::error(
            "E0115",
            f,
            "region.name",
            "the region name is empty",
        ));
    }
    let needs_province = m.region.kind != crate::model::RegionType::Provinsi;
    let has_province = m
        .region
        .province
        .as_deref()
        .is_some_and(|p| !p.trim().is_empty());
    if needs_province && !has_province {
        out.push(
            Diagnostic::error(
                "E0101",
                f,
                "region.province",
                format!(
                    "`region.province` is required for a {}",
                    m.region.kind.key()
                ),
            )
            .with_hint("add `province: <name>` under `region`, e.g. `province: Sulawesi Tengah`"),
        );
    }
    if !crate::model::PERIOD_YEARS.contains(&m.period.years) {
        out.push(
            Diagnostic::error(
                "E0102",
                f,
                "period.years",
                format!(
                    "the period lasts {} years; a masterplan covers 5 to 20 years",
                    m.period.years
                ),
            )
            .with_hint("most masterplans cover 10 years; leave `years` out for 10"),
        );
    }
    if !crate::model::START_YEARS.contains(&m.period.start_year) {
        out.push(Diagnostic::error(
            "E0116",
            f,
            "period.start_year",
            format!(
                "`{}` is not a plausible first year of a masterplan",
                m.period.start_year
            ),
        ));
    }
    if m.vision.trim().is_empty() {
        out.push(
            Diagnostic::error("E0103", f, "vision", "the vision is empty")
                .with_hint("write the region's smart-city vision in one sentence"),
        );
    }
    if m.missions.is_empty() {
        out.push(
            Diagnostic::error("E0104", f, "missions", "there are no missions")
                .with_hint("list at least one mission under `missions:`"),
        );
    }
    for (i, mission) in m.missions.iter().enumerate() {
        if mission.trim().is_empty() {
            out.push(Diagnostic::error(
                "E0104",
                f,
                format!("missions[{i}]"),
                "this mission is empty",
            ));
        }
    }
    if m.opd.is_empty() {
        out.push(
            Diagnostic::error("E0105", f, "opd", "there are no OPD").with_hint(
                "list the organisations that own programmes under `opd:` with `code` and `name`",
            ),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, o) in m.opd.iter().enumerate() {
        let i = recovery.opd_slot(k);
        let path = format!("opd[{i}].code");
        if !is_opd_code(&o.code) {
            out.push(
                Diagnostic::error(
                    "E0107",
                    f,
                    &path,
                    format!("`{}` is not a usable OPD code", o.code),
                )
                .with_hint("use a short code of letters and digits without spaces, e.g. `DKISP`"),
            );
        }
        if let Some(first) = seen.insert(&o.code, i) {
            seen.insert(&o.code, first);
            out.push(
                Diagnostic::error(
                    "E0106",
                    f,
                    &path,
                    format!("OPD code `{}` is used twice (also at opd[{first}])", o.code),
                )
                .with_hint("each OPD is listed once; give each a distinct code"),
            );
        }
        if o.name.trim().is_empty() {
            out.push(Diagnostic::error(
                "E0115",
                f,
                format!("opd[{i}].name"),
                format!("the name of OPD `{}` is empty", o.code),
            ));
        }
    }
    if let Some(rpjmd) = &m.rpjmd {
        if let Some([a, b]) = rpjmd.period
            && a > b
        {
            out.push(
                Diagnostic::error(
                    "E0109",
                    f,
                    "rpjmd.period",
                    format!("the RPJMD period [{a}, {b}] ends before it starts"),
                )
                .with_hint(format!("write the first year first: [{b}, {a}]")),
            );
        }
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, mission) in rpjmd.missions.iter().enumerate() {
            if let Some(first) = ids.insert(&mission.id, i) {
                ids.insert(&mission.id, first);
                out.push(Diagnostic::error(
                    "E0108",
                    f,
                    format!("rpjmd.missions[{i}].id"),
                    format!(
                        "RPJMD mission id `{}` is used twice (also at rpjmd.missions[{first}])",
                        mission.id
                    ),
                ));
            }
        }
    }
    if let Some(logo) = &m.region.logo {
        validate_logo(logo, root, out);
    }
}

/// The logo: a relative path inside the project, to an existing PNG or JPEG file, read through
/// [`input::read`] (confined, a regular file, at most [`input::MAX_IMAGE_BYTES`]).
fn validate_logo(logo: &str, root: &Path, out: &mut Vec<Diagnostic>) {
    let f = MASTERPLAN_FILE;
    let path = "region.logo";
    let bytes = match input::read(root, logo, input::MAX_IMAGE_BYTES) {
        Ok(bytes) => bytes,
        Err(input::Refusal::Outside) => {
            out.push(
                Diagnostic::error(
                    "E0112",
                    f,
                    path,
                    format!("the logo `{logo}` is outside the project folder"),
                )
                .with_hint("copy the logo into the project folder and give its path relative to it, e.g. `logo.png`"),
            );
            return;
        }
        Err(input::Refusal::LinksOutside) => {
            out.push(Diagnostic::error(
                "E0112",
                f,
                path,
                format!("the logo `{logo}` links to a file outside the project folder"),
            ));
            return;
        }
        Err(input::Refusal::Missing) => {
            out.push(
                Diagnostic::error(
                    "E0110",
                    f,
                    path,
                    format!("the logo file `{logo}` does not exist"),
                )
                .with_hint("put the logo (PNG or JPEG) in the project folder, or remove `logo:`"),
            );
            return;
        }
        Err(refusal) => {
            let mut d = Diagnostic::error(
                refusal.code(),
                f,
                path,
                format!("the logo `{logo}` is not read: {refusal}"),
            );
            d.hint = refusal.hint().map(str::to_string);
            out.push(d);
            return;
        }
    };
    let head = bytes.get(..8).unwrap_or(&bytes);
    let is_png = head.starts_with(b"\x89PNG\r\n\x1a\n");
    let is_jpeg = head.starts_with(b"\xFF\xD8\xFF");
    if !is_png && !is_jpeg {
        out.push(
            Diagnostic::error(
                "E0111",
                f,
                path,
                format!("the logo `{logo}` is not a PNG or JPEG image"),
            )
            .with_hint("convert the logo to PNG (preferably with a transparent background)"),
        );
    }
}

/// The dimension key a pokja file is named after: `pokja/economy.yaml` -> `economy`.
fn file_dimension(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".yaml").unwrap_or(name)
}

fn validate_pokja(
    pf: &PokjaFile,
    m: &Masterplan,
    taxonomy: Option<&Taxonomy>,
    opd: &OpdCodes<'_>,
    recovery: &Recovery,
    out: &mut Vec<Diagnostic>,
) {
    let f = pf.file.as_str();
    let p = &pf.pokja;
    let key = file_dimension(f);
    if p.dimension != key {
        let mut d = Diagnostic::error(
            "E0201",
            f,
            "dimension",
            format!(
                "`dimension: {}` does not match the file name {}",
                p.dimension, f
            ),
        );
        d.hint = Some(format!(
            "a pokja file states its own dimension: write `dimension: {key}`{}",
            if taxonomy.is_some_and(|t| t.dimension(&p.dimension).is_some()) {
                format!(", or move the content to pokja/{}.yaml", p.dimension)
            } else {
                String::new()
            }
        ));
        out.push(d);
    }
    opd.check(
        &p.coordinator,
        f,
        "coordinator".to_string(),
        "coordinator",
        out,
    );
    for (i, code) in p.members.iter().enumerate() {
        opd.check(code, f, format!("members[{i}]"), "member", out);
    }
    if let Some(r) = &p.readiness {
        for (name, score) in [
            ("structure", &r.structure),
            ("infrastructure", &r.infrastructure),
            ("superstructure", &r.superstructure),
        ] {
            if let Some(s) = score
                && !(1..=5).contains(&s.score)
            {
                out.push(score_error(
                    f,
                    format!("readiness.{name}.score"),
                    "readiness score",
                    s.score,
                ));
            }
            if let Some(t) = score.as_ref().and_then(|s| s.target)
                && !(1..=5).contains(&t)
            {
                out.push(score_error(
                    f,
                    format!("readiness.{name}.target"),
                    "readiness target",
                    t,
                ));
            }
        }
    }
    let dimension = taxonomy.and_then(|t| t.dimension(key));
    let mut used_elements: HashMap<&str, ()> = HashMap::new();
    for (k, prog) in p.programs.iter().enumerate() {
        let i = recovery.program_slot(f, k);
        validate_program(prog, i, f, key, dimension, m, taxonomy, opd, recovery, out);
        used_elements.insert(prog.element.as_str(), ());
    }
    if let Some(dim) = dimension {
        register::omitted(p, f, dim, taxonomy, &used_elements, out);
    }
    // With programmes left out, an element may be covered by one of them: no warning. An
    // element whose omission is explained is not reported either.
    if let Some(dim) = dimension.filter(|_| !recovery.left_out_programs_in(f)) {
        for e in &dim.elements {
            if !used_elements.contains_key(e.key.as_str())
                && !p.omitted_elements.contains_key(&e.key)
            {
                out.push(
                    Diagnostic::warning(
                        "W0202",
                        f,
                        "programs",
                        format!(
                            "element `{}` ({}) of {} has no programme",
                            e.key, e.label.id, dim.key
                        ),
                    )
                    .with_hint(format!(
                        "add a programme with `element: {0}`, or say why the element is left out: \
                         `omitted_elements: {{ {0}: <reason> }}`",
                        e.key
                    )),
                );
            }
        }
    }
}

fn score_error(f: &str, path: String, what: &str, value: u8) -> Diagnostic {
    Diagnostic::error("E0216", f, path, format!("{what} {value} is outside 1..=5"))
        .with_hint("scores run from 1 (lowest) to 5 (highest)")
}

#[allow(clippy::too_many_arguments)]
fn validate_program(
    prog: &Program,
    i: usize,
    f: &str,
    key: &str,
    dimension: Option<&Dimension>,
    m: &Masterplan,
    taxonomy: Option<&Taxonomy>,
    opd: &OpdCodes<'_>,
    recovery: &Recovery,
    out: &mut Vec<Diagnostic>,
) {
    let at = |field: &str| format!("programs[{i}].{field}");
    // A field blanked out by loading for a mistake (reported) is not reported as absent.
    let removed = |field: &str| recovery.removed_under(f, &at(field));
    let period = m.period;
    if !is_program_id(&prog.id) {
        let upper = prog.id.trim().to_uppercase().replace([' ', '_'], "-");
        let mut d = Diagnostic::error(
            "E0204",
            f,
            at("id"),
            format!(
                "programme id `{}` may only use capital letters, digits and `-`",
                prog.id
            ),
        );
        if is_program_id(&upper) {
            d.hint = Some(format!("write `{upper}`"));
        }
        out.push(d);
    }
    if prog.name.trim().is_empty() {
        out.push(Diagnostic::error(
            "E0218",
            f,
            at("name"),
            format!("programme `{}` has an empty name", prog.id),
        ));
    }
    if let Some(dim) = dimension
        && dim.element(&prog.element).is_none()
    {
        let elements: Vec<&str> = dim.elements.iter().map(|e| e.key.as_str()).collect();
        let owner = taxonomy
            .into_iter()
            .flat_map(|t| t.dimensions.iter())
            .find(|d| d.key != dim.key && d.element(&prog.element).is_some());
        let (message, hint) = match owner {
            Some(o) => (
                format!(
                    "element `{}` belongs to dimension `{}`, not `{key}`",
                    prog.element, o.key
                ),
                format!(
                    "move the programme to pokja/{}.yaml, or use an element of {key}: {}",
                    o.key,
                    suggest::one_of(&elements)
                ),
            ),
            None => (
                format!("unknown element `{}` of dimension `{key}`", prog.element),
                match suggest::did_you_mean(&prog.element, elements.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("the elements of {key} are {}", suggest::one_of(&elements)),
                },
            ),
        };
        out.push(Diagnostic::error("E0206", f, at("element"), message).with_hint(hint));
    }
    opd.check(&prog.lead, f, at("lead"), "lead", out);
    for (j, code) in prog.support.iter().enumerate() {
        opd.check(
            code,
            f,
            format!("programs[{i}].support[{j}]"),
            "support",
            out,
        );
    }
    let first = period.start_year;
    let last = period.end_year();
    let period_hint = format!("the period runs from {first} to {last}");
    for (field, year) in [("start", prog.start), ("end", prog.end)] {
        if !period.contains(year) {
            out.push(
                Diagnostic::error(
                    "E0207",
                    f,
                    at(field),
                    format!(
                        "{field} year {year} of `{}` is outside the period {first}-{last}",
                        prog.id
                    ),
                )
                .with_hint(period_hint.clone()),
            );
        }
    }
    if prog.end < prog.start {
        out.push(
            Diagnostic::error(
                "E0208",
                f,
                at("end"),
                format!(
                    "`{}` ends in {} before it starts in {}",
                    prog.id, prog.end, prog.start
                ),
            )
            .with_hint("`end` is the last year of the programme and must be at least `start`"),
        );
    }
    for (j, line) in prog.budget.iter().enumerate() {
        if let Some(year) = line.year
            && (year < prog.start || year > prog.end)
        {
            out.push(
                Diagnostic::error(
                    "E0209",
                    f,
                    format!("programs[{i}].budget[{j}].year"),
                    format!(
                        "budget year {year} is outside the years of `{}` ({}-{})",
                        prog.id, prog.start, prog.end
                    ),
                )
                .with_hint("a budget line falls in a year the programme runs; leave `year` out to spread it evenly"),
            );
        }
        if line.amount == 0 {
            out.push(
                Diagnostic::warning(
                    "W0206",
                    f,
                    format!("programs[{i}].budget[{j}].amount"),
                    format!("a budget line of `{}` has the amount 0", prog.id),
                )
                .with_hint("write the planned amount in Rupiah, or remove the line"),
            );
        }
    }
    for (j, ind) in prog.indicators.iter().enumerate() {
        for year in ind.targets.keys() {
            if !period.contains(*year) {
                out.push(
                    Diagnostic::error(
                        "E0210",
                        f,
                        format!("programs[{i}].indicators[{j}].targets.{year}"),
                        format!(
                            "target year {year} of indicator `{}` is outside the period {first}-{last}",
                            ind.name
                        ),
                    )
                    .with_hint(period_hint.clone()),
                );
            }
        }
    }
    for (field, value) in [("impact", prog.impact), ("effort", prog.effort)] {
        if let Some(v) = value
            && !(1..=5).contains(&v)
        {
            out.push(score_error(f, at(field), field, v));
        }
    }
    for (j, risk) in prog.risks.iter().enumerate() {
        for (field, v) in [("likelihood", risk.likelihood), ("impact", risk.impact)] {
            if !(1..=5).contains(&v) {
                out.push(score_error(
                    f,
                    at(&format!("risks[{j}].{field}")),
                    &format!("risk {field}"),
                    v,
                ));
            }
        }
    }
    for (j, sdg) in prog.sdgs.iter().enumerate() {
        if !(1..=17).contains(sdg) {
            out.push(
                Diagnostic::error(
                    "E0217",
                    f,
                    format!("programs[{i}].sdgs[{j}]"),
                    format!("SDG {sdg} does not exist; the goals are numbered 1 to 17"),
                )
                .with_hint("use the number of a Sustainable Development Goal, 1..=17"),
            );
        }
    }
    let missions: Vec<&str> = m
        .rpjmd
        .as_ref()
        .map(|r| r.missions.iter().map(|x| x.id.as_str()).collect())
        .unwrap_or_default();
    let rpjmd_removed = recovery.removed_under(MASTERPLAN_FILE, "rpjmd");
    for (j, id) in prog.rpjmd_missions.iter().enumerate() {
        if !missions.contains(&id.as_str()) && !rpjmd_removed {
            let mut d = Diagnostic::error(
                "E0215",
                f,
                format!("programs[{i}].rpjmd_missions[{j}]"),
                format!("unknown RPJMD mission `{id}`"),
            );
            d.hint = Some(if missions.is_empty() {
                "masterplan.yaml lists no `rpjmd.missions`; add them there".to_string()
            } else {
                match suggest::did_you_mean(id, missions.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("the RPJMD missions are {}", suggest::one_of(&missions)),
                }
            });
            out.push(d);
        }
    }
    if prog.quick_win {
        if prog.start != first {
            out.push(
                Diagnostic::warning(
                    "W0207",
                    f,
                    at("start"),
                    format!(
                        "quick win `{}` starts in {}, not in the first year {first}",
                        prog.id, prog.start
                    ),
                )
                .with_hint(
                    "a quick win delivers within the first year; start it then or drop `quick_win`",
                ),
            );
        }
        if prog.end > prog.start {
            out.push(
                Diagnostic::warning(
                    "W0208",
                    f,
                    at("end"),
                    format!(
                        "quick win `{}` lasts {} years; a quick win lasts at most one",
                        prog.id,
                        i64::from(prog.end) - i64::from(prog.start) + 1
                    ),
                )
                .with_hint("end it in the year it starts, or drop `quick_win`"),
            );
        }
    }
    register::program(prog, &at, f, removed("risks"), out);
    if prog.indicators.is_empty() && !removed("indicators") {
        out.push(
            Diagnostic::warning(
                "W0203",
                f,
                format!("programs[{i}]"),
                format!("`{}` has no indicator", prog.id),
            )
            .with_hint("add `indicators:` with a name, unit, baseline and yearly targets"),
        );
    }
    if prog.budget.is_empty() && !removed("budget") {
        out.push(
            Diagnostic::warning(
                "W0204",
                f,
                format!("programs[{i}]"),
                format!("`{}` has no budget", prog.id),
            )
            .with_hint(
                "add `budget:` lines with a source (apbd, apbn, dak, ...) and an amount in Rupiah",
            ),
        );
    }
    if prog.outputs.is_empty() && !removed("outputs") {
        out.push(
            Diagnostic::warning(
                "W0205",
                f,
                format!("programs[{i}]"),
                format!("`{}` has no output", prog.id),
            )
            .with_hint("add `outputs:`, what the programme delivers"),
        );
    }
}

/// Where a programme is defined: its pokja file and index.
#[derive(Clone, Copy)]
struct Place<'a> {
    file: &'a str,
    index: usize,
    program: &'a Program,
}

/// The rules across files: unique ids, dependencies exist, no cycles, no early start.
fn validate_programs_across(project: &Project, recovery: &Recovery, out: &mut Vec<Diagnostic>) {
    // First definition of each id; later ones are duplicates.
    let mut places: Vec<Place<'_>> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for pf in &project.pokja {
        for (k, program) in pf.pokja.programs.iter().enumerate() {
            let index = recovery.program_slot(&pf.file, k);
            let place = Place {
                file: &pf.file,
                index,
                program,
            };
            if let Some(&first) = by_id.get(program.id.as_str()) {
                let Some(other) = places.get(first) else {
                    continue;
                };
                out.push(
                    Diagnostic::error(
                        "E0205",
                        &pf.file,
                        format!("programs[{index}].id"),
                        format!(
                            "programme id `{}` is already used in {} at programs[{}]",
                            program.id, other.file, other.index
                        ),
                    )
                    .with_hint("programme ids are unique across the whole project; number this one differently"),
                );
                continue;
            }
            by_id.insert(&program.id, places.len());
            places.push(place);
        }
    }
    let ids: Vec<&str> = places.iter().map(|p| p.program.id.as_str()).collect();

    // Edges: node -> (dependency node, position in depends_on). Unknown and self edges are
    // reported here and left out of the graph.
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); places.len()];
    for (node, place) in places.iter().enumerate() {
        let prog = place.program;
        for (k, dep) in prog.depends_on.iter().enumerate() {
            let path = format!("programs[{}].depends_on[{k}]", place.index);
            if *dep == prog.id {
                out.push(
                    Diagnostic::error(
                        "E0212",
                        place.file,
                        path,
                        format!("`{}` depends on itself", prog.id),
                    )
                    .with_hint("remove it from its own `depends_on`"),
                );
                continue;
            }
            let Some(&target) = by_id.get(dep.as_str()) else {
                if recovery.left_out_programs.contains(dep.as_str()) {
                    // Left out by loading; its own mistake is reported.
                    continue;
                }
                let mut d = Diagnostic::error(
                    "E0211",
                    place.file,
                    path,
                    format!("`{}` depends on unknown programme `{dep}`", prog.id),
                );
                d.hint = Some(match suggest::did_you_mean(dep, ids.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => "name the id of a programme in one of the pokja files".to_string(),
                });
                out.push(d);
                continue;
            };
            if let (Some(e), Some(t)) = (edges.get_mut(node), places.get(target)) {
                e.push((target, k));
                if prog.start < t.program.start {
                    out.push(
                        Diagnostic::error(
                            "E0214",
                            place.file,
                            format!("programs[{}].start", place.index),
                            format!(
                                "`{}` starts in {}, before `{}` (starts {}), which it depends on",
                                prog.id, prog.start, dep, t.program.start
                            ),
                        )
                        .with_hint(format!(
                            "start `{}` in {} or later, or drop the dependency",
                            prog.id, t.program.start
                        )),
                    );
                }
            }
        }
    }
    for cycle in find_cycles(&edges) {
        let Some(&(node, k)) = cycle.last() else {
            continue;
        };
        let Some(place) = places.get(node) else {
            continue;
        };
        let mut names: Vec<&str> = cycle
            .iter()
            .filter_map(|(n, _)| ids.get(*n).copied())
            .collect();
        if let Some(&(start, _)) = cycle.first()
            && let Some(id) = ids.get(start)
        {
            names.push(id);
        }
        out.push(
            Diagnostic::error(
                "E0213",
                place.file,
                format!("programs[{}].depends_on[{k}]", place.index),
                format!("dependency cycle: {}", names.join(" -> ")),
            )
            .with_hint("a programme cannot (indirectly) depend on itself; remove one dependency of the cycle"),
        );
    }
}

/// Cycles of a directed graph, one per back edge found by an iterative depth-first search
/// (linear time). Each cycle is the list of (node, edge position) from the node the back edge
/// returns to, around to the node whose edge closes it.
fn find_cycles(edges: &[Vec<(usize, usize)>]) -> Vec<Vec<(usize, usize)>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = edges.len();
    let mut mark = vec![Mark::New; n];
    let mut cycles = Vec::new();
    // Stack of (node, next edge to follow); `path` mirrors it with the edge taken out of
    // each node, to report cycles.
    for root in 0..n {
        if mark.get(root) != Some(&Mark::New) {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        // position of each open node in `stack`
        let mut pos_in_stack: HashMap<usize, usize> = HashMap::new();
        pos_in_stack.insert(root, 0);
        if let Some(m) = mark.get_mut(root) {
            *m = Mark::Open;
        }
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let out_edges = edges.get(node).map(Vec::as_slice).unwrap_or_default();
            if let Some(&(target, k)) = out_edges.get(*next) {
                *next += 1;
                match mark.get(target).copied() {
                    Some(Mark::New) => {
                        if let Some(m) = mark.get_mut(target) {
                            *m = Mark::Open;
                        }
                        pos_in_stack.insert(target, stack.len());
                        stack.push((target, 0));
                    }
                    Some(Mark::Open) => {
                        // Back edge node -> target: the cycle is the stack from target on.
                        let from = pos_in_stack.get(&target).copied().unwrap_or(0);
                        let cycle: Vec<(usize, usize)> = stack
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .map(|&(v, nx)| {
                                // the edge taken out of v is the one just before `nx`
                                let taken = edges
                                    .get(v)
                                    .and_then(|e| e.get(nx.saturating_sub(1)))
                                    .map_or(0, |&(_, kk)| kk);
                                (v, taken)
                            })
                            .collect();
                        let mut cycle = cycle;
                        if let Some(last) = cycle.last_mut() {
                            last.1 = k;
                        }
                        cycles.push(cycle);
                    }
                    _ => {}
                }
            } else {
                if let Some(m) = mark.get_mut(node) {
                    *m = Mark::Done;
                }
                pos_in_stack.remove(&node);
                stack.pop();
            }
        }
    }
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pokja;

    fn project(pokja: &[(&str, &str)]) -> Project {
        let masterplan: Masterplan = crate::yaml::from_str(
            "\
region: { name: Banggai, type: kabupaten, province: Sulawesi Tengah, head: Amirudin }
period: { start_year: 2023, years: 10 }
vision: Banggai Cerdas
missions: [Layanan publik digital]
rpjmd:
  period: [2021, 2026]
  missions: [{ id: M1, text: Tata kelola }]
opd:
  - { code: DKISP, name: Diskominfo, head: Ridwan }
  - { code: DINKES, name: Dinas Kesehatan, head: Anang }
",
            "masterplan.yaml",
        )
        .unwrap();
        Project {
            root: std::path::PathBuf::from("/nonexistent"),
            masterplan,
            pokja: pokja
                .iter()
                .map(|(file, src)| PokjaFile {
                    file: file.to_string(),
                    pokja: crate::yaml::from_str::<Pokja>(src, file).unwrap(),
                })
                .collect(),
            monitoring: Vec::new(),
        }
    }

    fn program(id: &str, extra: &str) -> String {
        format!(
            "  - id: {id}\n    name: P {id}\n    element: service\n    category: application\n    lead: DKISP\n    start: 2024\n    end: 2025\n    outputs: [x]\n    budget: [{{ source: apbd, amount: 1 }}]\n    indicators: [{{ name: n }}]\n{extra}"
        )
    }

    fn codes(d: &[Diagnostic]) -> Vec<&str> {
        d.iter().map(|d| d.code).collect()
    }

    fn gov(programs: &str) -> String {
        format!("dimension: governance\ncoordinator: DKISP\nprograms:\n{programs}")
    }

    #[test]
    fn a_clean_pokja_has_only_element_warnings() {
        let src = gov(&program("GOV-01", ""));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        assert_eq!(codes(&d), ["W0202", "W0202"], "{d:#?}");
    }

    #[test]
    fn an_omitted_element_is_not_reported_as_uncovered() {
        let src = format!(
            "dimension: governance\ncoordinator: DKISP\nomitted_elements:\n  bureaucracy: Ditangani pemerintah provinsi\n  policy: ''\nprograms:\n{}",
            program("GOV-01", "")
        );
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        // No W0202 for either; the empty reason is a warning of its own.
        assert_eq!(codes(&d), ["W0233"], "{d:#?}");
    }

    #[test]
    fn large_programmes_need_risks_and_high_risks_a_mitigation() {
        let long = program("GOV-01", "").replace("end: 2025", "end: 2027");
        let big = program("GOV-02", "").replace("amount: 1 }", "amount: 1000000001 }");
        let at_threshold = program("GOV-03", "")
            .replace("amount: 1 }", "amount: 1000000000 }")
            .replace("end: 2025", "end: 2026");
        let registered = program(
            "GOV-04",
            "    risks:\n      - { risk: a, likelihood: 3, impact: 5 }\n      - { risk: b, likelihood: 3, impact: 4 }\n      - { risk: c, likelihood: 5, impact: 5, mitigation: m }\n",
        )
        .replace("end: 2025", "end: 2030");
        let src = gov(&format!("{long}{big}{at_threshold}{registered}"));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d: Vec<Diagnostic> = validate(&p, &Taxonomy::default_builtin())
            .into_iter()
            .filter(|d| d.code != "W0202")
            .collect();
        assert_eq!(codes(&d), ["W0230", "W0230", "W0231"], "{d:#?}");
        assert_eq!(d[0].path, "programs[0].risks");
        assert!(d[0].message.contains("4 years"), "{}", d[0].message);
        assert_eq!(d[1].path, "programs[1].risks");
        assert!(d[1].message.contains("Rp1.000.000.001"), "{}", d[1].message);
        // 3 x 5 = 15 is high; 3 x 4 = 12 is medium: only the first wants a mitigation.
        assert_eq!(d[2].path, "programs[3].risks[0]");
    }

    #[test]
    fn finds_cycles_with_their_path() {
        let src = gov(&format!(
            "{}{}{}",
            program("GOV-01", "    depends_on: [GOV-03]\n"),
            program("GOV-02", "    depends_on: [GOV-01]\n"),
            program("GOV-03", "    depends_on: [GOV-02]\n"),
        ));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        let cycles: Vec<_> = d.iter().filter(|d| d.code == "E0213").collect();
        assert_eq!(cycles.len(), 1, "{d:#?}");
        assert_eq!(
            cycles[0].message,
            "dependency cycle: GOV-01 -> GOV-03 -> GOV-02 -> GOV-01"
        );
        assert_eq!(cycles[0].path, "programs[1].depends_on[0]");
    }

    #[test]
    fn unknown_codes_ids_and_elements() {
        let src = gov(&format!(
            "{}{}",
            program(
                "GOV-01",
                "    support: [DINKESS]\n    depends_on: [GOV-2]\n    rpjmd_missions: [M2]\n"
            ),
            program("GOV-01", "    depends_on: [GOV-01]\n")
                .replace("element: service", "element: health"),
        ));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        let find = |c: &str| d.iter().find(|d| d.code == c).unwrap();
        assert_eq!(
            find("E0203").hint.as_deref(),
            Some("did you mean `DINKES`?")
        );
        assert_eq!(find("E0203").path, "programs[0].support[0]");
        assert_eq!(
            find("E0211").hint.as_deref(),
            Some("did you mean `GOV-01`?")
        );
        assert_eq!(find("E0215").hint.as_deref(), Some("did you mean `M1`?"));
        assert!(
            find("E0205")
                .message
                .contains("pokja/governance.yaml at programs[0]")
        );
        assert!(
            find("E0206")
                .message
                .contains("belongs to dimension `living`")
        );
    }

    #[test]
    fn years_and_scores() {
        let src = gov(&program(
            "GOV-01",
            "    quick_win: true\n    impact: 7\n    sdgs: [18]\n    budget: [{ source: apbd, amount: 0, year: 2030 }]\n    indicators: [{ name: n, targets: { 2040: 1 } }]\n",
        )
        .replace("    budget: [{ source: apbd, amount: 1 }]\n", "")
        .replace("    indicators: [{ name: n }]\n", "")
        .replace("end: 2025", "end: 2022"));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        let c = codes(&d);
        for code in [
            "E0207", "E0208", "E0209", "W0206", "E0210", "E0216", "E0217", "W0207",
        ] {
            assert!(c.contains(&code), "{code} missing in {c:?}");
        }
    }

    #[test]
    fn dependency_start_order() {
        let src = gov(&format!(
            "{}{}",
            program("GOV-01", "").replace("start: 2024", "start: 2025"),
            program("GOV-02", "    depends_on: [GOV-01]\n"),
        ));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate(&p, &Taxonomy::default_builtin());
        let e = d.iter().find(|d| d.code == "E0214").unwrap();
        assert_eq!(e.path, "programs[1].start");
    }

    #[test]
    fn masterplan_rules() {
        let mut p = project(&[]);
        p.masterplan.region.province = None;
        p.masterplan.period.years = 30;
        p.masterplan.vision = " ".into();
        p.masterplan.opd.push(p.masterplan.opd[0].clone());
        p.masterplan.opd[1].code = "DINAS KES".into();
        p.masterplan.region.logo = Some("../logo.png".into());
        let d = validate(&p, &Taxonomy::default_builtin());
        let c = codes(&d);
        for code in ["E0101", "E0102", "E0103", "E0106", "E0107", "E0112"] {
            assert!(c.contains(&code), "{code} missing in {c:?}");
        }
    }

    #[test]
    fn logo_magic_bytes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("logo.png"), b"GIF89a....").unwrap();
        let mut out = Vec::new();
        validate_logo("logo.png", dir.path(), &mut out);
        assert_eq!(codes(&out), ["E0111"]);
        std::fs::write(dir.path().join("logo.png"), b"\x89PNG\r\n\x1a\n....").unwrap();
        out.clear();
        validate_logo("logo.png", dir.path(), &mut out);
        assert!(out.is_empty());
        validate_logo("nope.jpg", dir.path(), &mut out);
        assert_eq!(codes(&out), ["E0110"]);
    }

    #[test]
    fn without_a_taxonomy_the_other_rules_still_run() {
        let src = gov(&program("GOV-01", "").replace("lead: DKISP", "lead: DKISPP"));
        let p = project(&[("pokja/governance.yaml", &src)]);
        let d = validate_without_taxonomy(&p);
        assert_eq!(codes(&d), ["E0203"], "{d:#?}");
    }

    #[test]
    fn long_dependency_chain_is_fine() {
        let mut edges = vec![Vec::new(); 100_000];
        for (i, e) in edges.iter_mut().enumerate().skip(1) {
            e.push((i - 1, 0));
        }
        assert!(find_cycles(&edges).is_empty());
        edges[0].push((99_999, 0));
        assert_eq!(find_cycles(&edges).len(), 1);
    }
}
