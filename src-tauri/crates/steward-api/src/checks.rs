//! The compliance checks over the whole register (`steward-core::checks`),
//! as of the clock's date.

use steward_core::checks::{self, ActivityEntry, RecipientFacts, RegisterFacts};
use steward_core::{ActivityFacts, Finding};

use crate::{Result, Steward};

impl Steward {
    /// Every finding of every check, most severe first, then in the order
    /// of the checks and of the register.
    pub fn list_findings(&self) -> Result<Vec<Finding>> {
        let register = self.export_register()?;
        let parts: Vec<_> = register
            .activities
            .iter()
            .map(|e| {
                (
                    e.purposes
                        .iter()
                        .map(|p| p.fields.clone())
                        .collect::<Vec<_>>(),
                    e.subject_groups
                        .iter()
                        .map(|p| p.fields.clone())
                        .collect::<Vec<_>>(),
                    e.recipients
                        .iter()
                        .map(|p| p.fields.clone())
                        .collect::<Vec<_>>(),
                    e.transfers
                        .iter()
                        .map(|p| p.fields.clone())
                        .collect::<Vec<_>>(),
                    e.retention_rules
                        .iter()
                        .map(|p| p.fields.clone())
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let activities: Vec<ActivityEntry<'_>> = register
            .activities
            .iter()
            .zip(&parts)
            .map(
                |(e, (purposes, groups, recipients, transfers, retention))| ActivityEntry {
                    id: &e.activity.id,
                    facts: ActivityFacts {
                        activity: &e.activity.fields,
                        organisation: &register.organisation,
                        purposes,
                        subject_groups: groups,
                        recipients,
                        transfers,
                        retention,
                    },
                },
            )
            .collect();
        let recipients: Vec<RecipientFacts<'_>> = register
            .recipients
            .iter()
            .map(|r| RecipientFacts {
                id: &r.id,
                recipient: &r.fields,
            })
            .collect();
        let today = self.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date();
        let mut findings = checks::check(
            &RegisterFacts {
                activities: &activities,
                recipients: &recipients,
            },
            today,
        );
        findings.sort_by_key(|f| f.severity);
        Ok(findings)
    }
}
