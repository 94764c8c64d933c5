//! Readiness targets (the gap analysis): a target below the current score (W0240) makes the
//! dimension's gap negative, which is almost always a slip (score and target swapped, or the
//! target meant as "points to gain").

use crate::diagnostic::Diagnostic;
use crate::model::Project;

pub(super) fn check(project: &Project, out: &mut Vec<Diagnostic>) {
    for pf in &project.pokja {
        let Some(r) = &pf.pokja.readiness else {
            continue;
        };
        let parts = [
            ("structure", r.structure.as_ref()),
            ("infrastructure", r.infrastructure.as_ref()),
            ("superstructure", r.superstructure.as_ref()),
        ];
        for (key, part) in parts {
            let Some((score, target)) = part.and_then(|s| Some((s.score, s.target?))) else {
                continue;
            };
            if target >= score {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    "W0240",
                    &pf.file,
                    format!("readiness.{key}.target"),
                    format!(
                        "readiness `{key}` has target {target}, below its current score {score}: the gap analysis would show a gap of {}",
                        i16::from(target) - i16::from(score)
                    ),
                )
                .with_hint(format!(
                    "`target` is the score aimed for at the end of the period (at least the current score); did you swap them? e.g. `{{ score: {target}, target: {score} }}`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PokjaFile, Readiness};

    #[test]
    fn a_target_below_the_score_warns_at_its_field() {
        let mut pokja: crate::model::Pokja =
            crate::yaml::from_str("dimension: economy\ncoordinator: DKISP\n", "p").unwrap();
        let readiness: Readiness = crate::yaml::from_str(
            "structure: { score: 4, target: 2 }\ninfrastructure: { score: 2, target: 2 }\nsuperstructure: { score: 2, target: 4 }\n",
            "r",
        )
        .unwrap();
        pokja.readiness = Some(readiness);
        let masterplan = crate::yaml::from_str(
            "region: { name: Buton, type: kabupaten, province: Sulawesi Tenggara }\nperiod: { start_year: 2023 }\nvision: V\nmissions: [M]\nopd: [{ code: DKISP, name: D }]\n",
            "masterplan.yaml",
        )
        .unwrap();
        let project = Project {
            root: std::path::PathBuf::from("."),
            masterplan,
            pokja: vec![PokjaFile {
                file: "pokja/economy.yaml".into(),
                pokja,
            }],
            monitoring: Vec::new(),
        };
        let mut out = Vec::new();
        check(&project, &mut out);
        assert_eq!(out.len(), 1, "{out:#?}");
        assert_eq!(out[0].code, "W0240");
        assert_eq!(out[0].path, "readiness.structure.target");
        assert!(out[0].message.contains("gap of -2"), "{}", out[0].message);
    }
}
