//! The vocabularies a user picks from when describing an activity.

use serde::{Deserialize, Serialize};
use steward_core::vocabulary::{self, DataCategory, SubjectCategory};
use ts_rs::TS;

use crate::{Result, Steward};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Vocabulary {
    pub subject_categories: Vec<SubjectCategory>,
    pub data_categories: Vec<DataCategory>,
}

impl Steward {
    pub fn get_vocabulary(&self) -> Result<Vocabulary> {
        Ok(Vocabulary {
            subject_categories: vocabulary::subject_categories().to_vec(),
            data_categories: vocabulary::data_categories().to_vec(),
        })
    }
}
