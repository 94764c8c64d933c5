//! The data the templates see. Built once per render in linear time: programmes are grouped by
//! dimension, element and category here, OPD and programme names resolved through hash maps, so
//! no template ever searches a list.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{
    BudgetLine, Category, Indicator, Language, Pokja, Program, Project, Readiness, RegionType,
    RpjmdMission, Team,
};
use crate::plan::{Amount, DimensionFacts, HorizonKey, OpdRef, Plan, ProgramFacts, SourceAmount};
use crate::render::i18n::RegionTerms;
use crate::render::register::{self, RiskRegister, RiskView, TowsView};
use crate::taxonomy::Taxonomy;

/// A programme as the templates see it: every input field (`p.id`, `p.description`,
/// `p.budget`, `p.indicators`, ...) plus the derived ones. (Fields are listed rather than
/// flattened: a flattened struct becomes a slower map in the template engine.)
#[derive(Debug, Serialize)]
pub struct ProgramView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub element: &'a str,
    pub category: Category,
    pub description: Option<&'a str>,
    pub lead: &'a str,
    pub support: &'a [String],
    pub start: i32,
    pub end: i32,
    pub budget: &'a [BudgetLine],
    pub outputs: &'a [String],
    pub outcome: Option<&'a str>,
    pub indicators: &'a [Indicator],
    pub quick_win: bool,
    pub impact: Option<u8>,
    pub effort: Option<u8>,
    pub depends_on: &'a [String],
    pub rpjmd_missions: &'a [String],
    pub sdgs: &'a [u8],
    pub dimension_label: &'a str,
    pub element_label: &'a str,
    pub lead_opd: &'a OpdRef,
    pub support_opds: &'a [OpdRef],
    pub schedule: &'a str,
    pub horizon: HorizonKey,
    pub budget_total: Amount,
    pub budget_by_source: &'a [SourceAmount],
    /// Dependencies that exist, with their names.
    pub depends: Vec<IdName<'a>>,
    pub dependents: Vec<IdName<'a>>,
    /// The risk register of the programme, each risk with its level.
    pub risks: Vec<RiskView<'a>>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct IdName<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
pub struct CategoryView<'a> {
    pub key: Category,
    pub programs: Vec<ProgramView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ElementView<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub count: usize,
    /// Only the categories that have programmes, in category order.
    pub categories: Vec<CategoryView<'a>>,
    /// Why the dimension has no programme for this element (`omitted_elements`).
    pub omitted: Option<&'a str>,
}

/// A dimension as the templates see it.
#[derive(Debug, Serialize)]
pub struct DimensionView<'a> {
    pub key: &'a str,
    pub label: &'a str,
    /// Whether its pokja file exists.
    pub present: bool,
    pub facts: &'a DimensionFacts,
    pub coordinator: Option<OpdRef>,
    pub members: Vec<OpdRef>,
    pub goal: Option<&'a str>,
    pub targets: &'a [String],
    pub issues: &'a [String],
    pub readiness: Option<&'a Readiness>,
    /// SWOT as table rows: `[strength, weakness, opportunity, threat]`, empty strings to pad.
    pub swot_rows: Vec<[&'a str; 4]>,
    /// The TOWS strategies, numbered per quadrant; `None` without any.
    pub tows: Option<TowsView<'a>>,
    pub elements: Vec<ElementView<'a>>,
    /// The dimension's indicators (indices into `plan.indicators`).
    pub indicators: Vec<usize>,
}

/// Programmes x RPJMD missions.
#[derive(Debug, Default, Serialize)]
pub struct Alignment<'a> {
    pub missions: Vec<&'a RpjmdMission>,
    /// Only programmes that name at least one RPJMD mission.
    pub rows: Vec<AlignmentRow<'a>>,
    /// Programmes that name no RPJMD mission.
    pub unaligned: usize,
}

#[derive(Debug, Serialize)]
pub struct AlignmentRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Aligned with `missions`.
    pub marks: Vec<bool>,
}

/// A signature line of the commitment sheet.
#[derive(Debug, Serialize)]
pub struct Signatory {
    pub name: Option<String>,
    pub position: String,
}

/// Everything shared by every document of one render.
pub struct Shared<'a> {
    pub dimensions: Vec<DimensionView<'a>>,
    pub quick_win_programs: Vec<ProgramView<'a>>,
    pub alignment: Alignment<'a>,
    pub commitment: Vec<Signatory>,
    pub team: Option<&'a Team>,
    /// Every risk of the plan (the appendix).
    pub risk_register: RiskRegister<'a>,
}

fn program_view<'a>(
    program: &'a Program,
    facts: &'a ProgramFacts,
    names: &HashMap<&'a str, &'a str>,
    plan: &'a Plan,
) -> ProgramView<'a> {
    let resolve = |ids: &'a [String]| -> Vec<IdName<'a>> {
        ids.iter()
            .map(|id| IdName {
                id: id.as_str(),
                name: names.get(id.as_str()).copied().unwrap_or(id.as_str()),
            })
            .collect()
    };
    let _ = plan;
    ProgramView {
        id: &program.id,
        name: &program.name,
        element: &program.element,
        category: program.category,
        description: program.description.as_deref(),
        lead: &program.lead,
        support: &program.support,
        start: program.start,
        end: program.end,
        budget: &program.budget,
        outputs: &program.outputs,
        outcome: program.outcome.as_deref(),
        indicators: &program.indicators,
        quick_win: program.quick_win,
        impact: program.impact,
        effort: program.effort,
        depends_on: &program.depends_on,
        rpjmd_missions: &program.rpjmd_missions,
        sdgs: &program.sdgs,
        dimension_label: &facts.dimension_label,
        element_label: &facts.element_label,
        lead_opd: &facts.lead,
        support_opds: &facts.support,
        schedule: &facts.schedule,
        horizon: facts.horizon,
        budget_total: facts.budget_total,
        budget_by_source: &facts.budget_by_source,
        depends: resolve(&facts.depends_on),
        dependents: resolve(&facts.dependents),
        risks: register::risks(&program.risks),
    }
}

fn opd_ref(project: &Project, code: &str) -> OpdRef {
    OpdRef {
        code: code.to_string(),
        name: project
            .masterplan
            .opd(code)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| code.to_string()),
    }
}

/// The position of an organisation's head on the commitment sheet: `Kepala Dinas Kesehatan`.
/// The perangkat desa are often listed by their posts (`Sekretaris Desa`, `Kepala Seksi
/// Pemerintahan`, `Kaur Keuangan`), which are positions already.
fn position(name: &str, head_prefix: &str, desa: bool) -> String {
    const POSTS: [&str; 11] = [
        "Kepala ",
        "Sekretaris ",
        "Ketua ",
        "Direktur ",
        "Kasi ",
        "Kaur ",
        "Kadus ",
        "Head of ",
        "Chair of ",
        "Director ",
        "Village Secretary",
    ];
    if desa && POSTS.iter().any(|p| name.starts_with(p)) {
        name.to_string()
    } else {
        format!("{head_prefix} {name}")
    }
}

pub fn build<'a>(
    project: &'a Project,
    taxonomy: &'a Taxonomy,
    plan: &'a Plan,
    terms: &RegionTerms,
    head_prefix: &str,
) -> Shared<'a> {
    let _ = taxonomy;
    let programs: Vec<&Program> = project.programs().map(|(_, p)| p).collect();
    let names: HashMap<&str, &str> = programs
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let pokja_by_key: HashMap<&str, &Pokja> = project
        .pokja
        .iter()
        .map(|f| (f.pokja.dimension.as_str(), &f.pokja))
        .collect();

    // Dimension shells.
    let mut dimensions: Vec<DimensionView> = plan
        .dimensions
        .iter()
        .map(|d| {
            let pokja = pokja_by_key.get(d.key.as_str()).copied();
            let swot_rows = match pokja.and_then(|p| p.swot.as_ref()) {
                Some(s) => {
                    let n = s
                        .strengths
                        .len()
                        .max(s.weaknesses.len())
                        .max(s.opportunities.len())
                        .max(s.threats.len());
                    let at = |v: &'a [String], i: usize| v.get(i).map(String::as_str).unwrap_or("");
                    (0..n)
                        .map(|i| {
                            [
                                at(&s.strengths, i),
                                at(&s.weaknesses, i),
                                at(&s.opportunities, i),
                                at(&s.threats, i),
                            ]
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            DimensionView {
                key: &d.key,
                label: &d.label,
                present: d.present,
                facts: d,
                coordinator: pokja.map(|p| opd_ref(project, &p.coordinator)),
                members: pokja
                    .map(|p| p.members.iter().map(|m| opd_ref(project, m)).collect())
                    .unwrap_or_default(),
                goal: pokja.and_then(|p| p.goal.as_deref()),
                targets: pokja.map(|p| p.targets.as_slice()).unwrap_or(&[]),
                issues: pokja.map(|p| p.issues.as_slice()).unwrap_or(&[]),
                readiness: pokja.and_then(|p| p.readiness.as_ref()),
                swot_rows,
                tows: register::tows(pokja.and_then(|p| p.strategies.as_ref())),
                elements: d
                    .elements
                    .iter()
                    .map(|e| ElementView {
                        key: &e.key,
                        label: &e.label,
                        count: e.count,
                        categories: Vec::new(),
                        omitted: pokja
                            .and_then(|p| p.omitted_elements.get(&e.key))
                            .map(String::as_str),
                    })
                    .collect(),
                indicators: Vec::new(),
            }
        })
        .collect();
    let dim_index: HashMap<&str, usize> = plan
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.as_str(), i))
        .collect();
    let element_index: Vec<HashMap<&str, usize>> = plan
        .dimensions
        .iter()
        .map(|d| {
            d.elements
                .iter()
                .enumerate()
                .map(|(i, e)| (e.key.as_str(), i))
                .collect()
        })
        .collect();

    // Programmes into dimension > element > category, keeping file order inside each.
    let mut quick_win_programs = Vec::new();
    for (program, facts) in programs.iter().zip(&plan.programs) {
        let Some(&di) = dim_index.get(facts.dimension.as_str()) else {
            continue;
        };
        if program.quick_win {
            quick_win_programs.push(program_view(program, facts, &names, plan));
        }
        let ei = element_index
            .get(di)
            .and_then(|m| m.get(program.element.as_str()))
            .copied();
        let view = program_view(program, facts, &names, plan);
        if let Some(element) = dimensions
            .get_mut(di)
            .and_then(|d| ei.and_then(|ei| d.elements.get_mut(ei)))
        {
            match element
                .categories
                .iter_mut()
                .find(|c| c.key == program.category)
            {
                Some(c) => c.programs.push(view),
                None => element.categories.push(CategoryView {
                    key: program.category,
                    programs: vec![view],
                }),
            }
        }
    }
    for d in &mut dimensions {
        for e in &mut d.elements {
            e.categories.sort_by_key(|c| c.key);
        }
    }
    // The register in document order: dimension, element, category, file order.
    let mut risk_register = RiskRegister::default();
    for d in &dimensions {
        for e in &d.elements {
            for c in &e.categories {
                for p in &c.programs {
                    risk_register.push(p.id, p.name, p.dimension_label, &p.risks);
                }
            }
        }
    }
    for (i, row) in plan.indicators.iter().enumerate() {
        if let Some(d) = dim_index
            .get(row.dimension.as_str())
            .and_then(|&di| dimensions.get_mut(di))
        {
            d.indicators.push(i);
        }
    }

    // RPJMD alignment.
    let missions: Vec<&RpjmdMission> = project
        .masterplan
        .rpjmd
        .as_ref()
        .map(|r| r.missions.iter().collect())
        .unwrap_or_default();
    let mission_index: HashMap<&str, usize> = missions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut rows = Vec::new();
    let mut unaligned = 0;
    for p in &programs {
        let mut marks = vec![false; missions.len()];
        let mut any = false;
        for m in &p.rpjmd_missions {
            if let Some(slot) = mission_index
                .get(m.as_str())
                .and_then(|&i| marks.get_mut(i))
            {
                *slot = true;
                any = true;
            }
        }
        if any {
            rows.push(AlignmentRow {
                id: &p.id,
                name: &p.name,
                marks,
            });
        } else {
            unaligned += 1;
        }
    }

    // Commitment sheet: the head of region, then every OPD head.
    let mut commitment = vec![Signatory {
        name: project.masterplan.region.head.clone(),
        position: terms.head_of.clone(),
    }];
    let desa = project.masterplan.region.kind == RegionType::Desa;
    for o in &project.masterplan.opd {
        commitment.push(Signatory {
            name: o.head.clone(),
            position: position(&o.name, head_prefix, desa),
        });
    }
    // A village plan is agreed with its council, the Badan Permusyawaratan Desa.
    if desa {
        commitment.push(Signatory {
            name: None,
            position: match project.masterplan.language {
                Language::Id => format!("Ketua Badan Permusyawaratan Desa {}", terms.name),
                Language::En => format!(
                    "Chair of the Village Consultative Body (BPD) of {}",
                    terms.name
                ),
            },
        });
    }

    Shared {
        dimensions,
        quick_win_programs,
        alignment: Alignment {
            missions,
            rows,
            unaligned,
        },
        commitment,
        team: project.masterplan.team.as_ref(),
        risk_register,
    }
}
