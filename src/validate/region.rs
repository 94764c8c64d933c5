//! Rules that follow the region type: a desa is one village, so it has no villages to count
//! (W0260); its first-level subdivisions, the dusun, go in `districts`.

use crate::diagnostic::Diagnostic;
use crate::load::{MASTERPLAN_FILE, Recovery};
use crate::model::{Project, RegionType};

pub(super) fn check(project: &Project, recovery: &Recovery, out: &mut Vec<Diagnostic>) {
    let region = &project.masterplan.region;
    if recovery.masterplan_partial || region.kind != RegionType::Desa {
        return;
    }
    if let Some(n) = region.villages {
        out.push(
            Diagnostic::warning(
                "W0260",
                MASTERPLAN_FILE,
                "region.villages",
                format!(
                    "`region.villages: {n}` counts desa and kelurahan, but this region is a desa (one village): the village profile does not show it"
                ),
            )
            .with_hint(
                "remove `villages`; a village gives the number of its dusun as `districts` (the profile shows it as \"Jumlah dusun\")",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    fn project(kind: RegionType, villages: Option<u32>) -> Project {
        let mut masterplan: crate::model::Masterplan = crate::yaml::from_str(
            "region: { name: Tongke-Tongke, type: desa, province: Sulawesi Selatan }\n\
             period: { start_year: 2025, years: 5 }\nvision: V\nmissions: [M]\n\
             opd: [{ code: SEKDES, name: Sekretaris Desa }]\n",
            "masterplan.yaml",
        )
        .unwrap();
        masterplan.region.kind = kind;
        masterplan.region.villages = villages;
        Project {
            root: std::path::PathBuf::from("/nonexistent"),
            masterplan,
            pokja: Vec::new(),
            monitoring: Vec::new(),
        }
    }

    fn codes(p: &Project) -> Vec<&'static str> {
        let mut out = Vec::new();
        check(p, &Recovery::default(), &mut out);
        out.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_village_counts_no_villages() {
        assert_eq!(codes(&project(RegionType::Desa, Some(3))), ["W0260"]);
        assert!(codes(&project(RegionType::Desa, None)).is_empty());
        assert!(codes(&project(RegionType::Kabupaten, Some(3))).is_empty());
        assert!(codes(&project(RegionType::Kota, Some(3))).is_empty());
    }
}
