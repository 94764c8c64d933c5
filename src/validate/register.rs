//! The rules of the risk register and of omitted elements (issue 11):
//! - W0230: a large programme ([`Program::is_large`]) without risks;
//! - W0231: a high risk ([`RiskLevel::High`]) without a mitigation;
//! - E0230: an `omitted_elements` key that is not an element of the dimension (located on the
//!   key, with did-you-mean);
//! - W0232: an omitted element that does have programmes.
//!
//! An element listed in `omitted_elements` is not reported as uncovered (W0202): see
//! `validate_pokja`.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{LARGE_PROGRAM_BUDGET, LARGE_PROGRAM_YEARS, Language, Pokja, Program};
use crate::plan::risk::RiskLevel;
use crate::render::format::rupiah;
use crate::suggest;
use crate::taxonomy::{Dimension, Taxonomy};

/// Codes located on the key of their field rather than on its value (see
/// `crate::load::Sources::locate`).
pub const LOCATED_ON_KEY: &[&str] = &["E0230", "W0232", "W0233"];

/// W0230 and W0231 for one programme; `at` makes the path of one of its fields.
pub(super) fn program(
    prog: &Program,
    at: &dyn Fn(&str) -> String,
    f: &str,
    removed: bool,
    out: &mut Vec<Diagnostic>,
) {
    if prog.risks.is_empty() && !removed && prog.is_large() {
        let budget = prog.total_budget();
        let years = prog.duration_years();
        let money = |n| rupiah(u128::from(n), Language::Id);
        let why = if budget > LARGE_PROGRAM_BUDGET && years > LARGE_PROGRAM_YEARS {
            format!("{} over {years} years", money(budget))
        } else if budget > LARGE_PROGRAM_BUDGET {
            format!("{}, over {}", money(budget), money(LARGE_PROGRAM_BUDGET))
        } else {
            format!("{years} years, more than {LARGE_PROGRAM_YEARS}")
        };
        out.push(
            Diagnostic::warning(
                "W0230",
                f,
                at("risks"),
                format!("`{}` is a large programme ({why}) with no risks", prog.id),
            )
            .with_hint(
                "add `risks:` at the end of the programme, e.g. `- { risk: Anggaran tidak \
                 tersedia penuh, likelihood: 3, impact: 4, mitigation: Diusulkan bertahap \
                 dalam RKPD }` (likelihood and impact 1-5)",
            ),
        );
    }
    for (j, r) in prog.risks.iter().enumerate() {
        let valid = (1..=5).contains(&r.likelihood) && (1..=5).contains(&r.impact);
        let blank = r.mitigation.as_deref().is_none_or(|m| m.trim().is_empty());
        if valid && blank && RiskLevel::of(r) == RiskLevel::High {
            out.push(
                Diagnostic::warning(
                    "W0231",
                    f,
                    at(&format!("risks[{j}]")),
                    format!(
                        "risk `{}` of `{}` is high (likelihood {} x impact {} = {}) and has no mitigation",
                        r.risk,
                        prog.id,
                        r.likelihood,
                        r.impact,
                        u32::from(r.likelihood) * u32::from(r.impact)
                    ),
                )
                .with_hint("add `mitigation:` saying what the OPD does to prevent it or soften it"),
            );
        }
    }
}

/// E0230 and W0232 for a pokja file's `omitted_elements`. `used` holds the elements that have
/// programmes.
pub(super) fn omitted(
    p: &Pokja,
    f: &str,
    dim: &Dimension,
    taxonomy: Option<&Taxonomy>,
    used: &HashMap<&str, ()>,
    out: &mut Vec<Diagnostic>,
) {
    let elements: Vec<&str> = dim.elements.iter().map(|e| e.key.as_str()).collect();
    for (key, reason) in &p.omitted_elements {
        let path = format!("omitted_elements.{key}");
        if dim.element(key).is_none() {
            let owner = taxonomy
                .into_iter()
                .flat_map(|t| t.dimensions.iter())
                .find(|d| d.key != dim.key && d.element(key).is_some());
            let (message, hint) = match owner {
                Some(o) => (
                    format!(
                        "omitted element `{key}` belongs to dimension `{}`, not `{}`",
                        o.key, dim.key
                    ),
                    format!(
                        "move it to pokja/{}.yaml, or use an element of {}: {}",
                        o.key,
                        dim.key,
                        suggest::one_of(&elements)
                    ),
                ),
                None => (
                    format!("omitted element `{key}` is not an element of `{}`", dim.key),
                    match suggest::did_you_mean(key, elements.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!(
                            "the elements of {} are {}",
                            dim.key,
                            suggest::one_of(&elements)
                        ),
                    },
                ),
            };
            out.push(Diagnostic::error("E0230", f, path, message).with_hint(hint));
            continue;
        }
        if used.contains_key(key.as_str()) {
            out.push(
                Diagnostic::warning(
                    "W0232",
                    f,
                    path,
                    format!("element `{key}` is listed as omitted but has programmes"),
                )
                .with_hint(format!(
                    "remove `{key}` from `omitted_elements` (the document lists its programmes), \
                     or move those programmes to another element"
                )),
            );
        }
        if reason.trim().is_empty() {
            out.push(
                Diagnostic::warning(
                    "W0233",
                    f,
                    format!("omitted_elements.{key}"),
                    format!("omitted element `{key}` gives no reason"),
                )
                .with_hint("say why the dimension has no programme for it, e.g. `Ditangani Polres; di luar kewenangan daerah`"),
            );
        }
    }
}
