//! The screening for a data protection impact assessment (Art. 35) and where
//! an activity's assessment stands.

use serde::{Deserialize, Serialize};

/// Where the activity's data protection impact assessment stands (Art. 35).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum DpiaStatus {
    #[default]
    NotScreened,
    NotRequired,
    Required,
    InProgress,
    Completed,
}

/// The nine criteria of the EDPB-endorsed DPIA guidelines (WP248 rev.01):
/// processing meeting two or more of them likely needs a DPIA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum DpiaCriterion {
    EvaluationOrScoring,
    AutomatedDecisionWithLegalEffect,
    SystematicMonitoring,
    SensitiveData,
    LargeScale,
    MatchingDatasets,
    VulnerableSubjects,
    InnovativeTechnology,
    PreventsExercisingRights,
}

impl DpiaCriterion {
    pub const ALL: [DpiaCriterion; 9] = [
        DpiaCriterion::EvaluationOrScoring,
        DpiaCriterion::AutomatedDecisionWithLegalEffect,
        DpiaCriterion::SystematicMonitoring,
        DpiaCriterion::SensitiveData,
        DpiaCriterion::LargeScale,
        DpiaCriterion::MatchingDatasets,
        DpiaCriterion::VulnerableSubjects,
        DpiaCriterion::InnovativeTechnology,
        DpiaCriterion::PreventsExercisingRights,
    ];

    /// WP248: meeting two criteria or more means a DPIA is likely required.
    pub const LIKELY_REQUIRED_FROM: usize = 2;
}
