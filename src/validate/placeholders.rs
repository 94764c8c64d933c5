//! Warnings for what the document would print empty or as an illustration: a signature line
//! without a name on the commitment sheet (W0220, W0222), and a programme that is still the
//! example `masterplan init` wrote (W0221).

use crate::diagnostic::Diagnostic;
use crate::load::{MASTERPLAN_FILE, Recovery};
use crate::model::Project;

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

pub(super) fn check(project: &Project, recovery: &Recovery, out: &mut Vec<Diagnostic>) {
    let m = &project.masterplan;
    if !recovery.masterplan_partial && blank(m.region.head.as_deref()) {
        out.push(
            Diagnostic::warning(
                "W0222",
                MASTERPLAN_FILE,
                "region",
                "no `region.head`: the head of region's signature line on the commitment sheet is empty",
            )
            .with_hint("add `head: \"<full name with titles>\"` under `region`"),
        );
    }
    for (k, o) in m.opd.iter().enumerate() {
        if !blank(o.head.as_deref()) {
            continue;
        }
        let leads = project.programs().filter(|(_, p)| p.lead == o.code).count();
        if leads == 0 {
            continue;
        }
        let path = format!("opd[{}]", recovery.opd_slot(k));
        out.push(
            Diagnostic::warning(
                "W0220",
                MASTERPLAN_FILE,
                path,
                format!(
                    "OPD `{}` leads {leads} programme{} but has no `head`: its signature line on the commitment sheet is empty",
                    o.code,
                    if leads == 1 { "" } else { "s" }
                ),
            )
            .with_hint(format!(
                "add `head: \"<full name with titles>\"` to the `{}` entry of `opd`",
                o.code
            )),
        );
    }
    for pf in &project.pokja {
        for (k, p) in pf.pokja.programs.iter().enumerate() {
            if !crate::scaffold::is_example_description(p.description.as_deref()) {
                continue;
            }
            let path = format!("programs[{}]", recovery.program_slot(&pf.file, k));
            out.push(
                Diagnostic::warning(
                    "W0221",
                    &pf.file,
                    path,
                    format!(
                        "programme `{}` is still the example `masterplan init` wrote (its description is the scaffold's)",
                        p.id
                    ),
                )
                .with_hint(
                    "replace it with one of the pokja's own programmes (name, description, years, budget, indicators), or delete it",
                ),
            );
        }
    }
}
