//! `steward-cli policy`: a person's own text for a section of the privacy
//! policy, saving the draft as a version, and what changed since.

use steward_api::{ApiError, ErrorCode, PolicyEditInput, PolicyEditMode, Steward};
use steward_docs::policy::changes::LineChange;

use crate::args::PolicyCommand;
use crate::output::Output;

pub fn run(api: &mut Steward, out: &Output, command: PolicyCommand) -> Result<(), ApiError> {
    match command {
        PolicyCommand::Edit {
            section,
            text,
            replace,
        } => {
            let mode = if replace {
                PolicyEditMode::Replace
            } else {
                PolicyEditMode::Append
            };
            let edit = api.save_policy_edit(
                &PolicyEditInput {
                    section_id: section,
                    mode,
                    text,
                },
                None,
            )?;
            let how = match mode {
                PolicyEditMode::Append => "follows the generated text of",
                PolicyEditMode::Replace => "replaces the generated text of",
            };
            out.message(
                &edit,
                &format!("Saved: your text {how} \"{}\".", edit.fields.section_id),
            );
        }
        PolicyCommand::Unedit { section } => {
            let Some(edit) = api
                .list_policy_edits()?
                .into_iter()
                .find(|e| e.fields.section_id == section.trim())
            else {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("The section \"{section}\" has no text of yours."),
                ));
            };
            let removed = api.delete_policy_edit(&edit.id, None)?;
            out.message(
                &removed,
                &format!("Removed your text from \"{section}\"; it reads as generated again."),
            );
        }
        PolicyCommand::Save { note } => {
            let markdown = steward_docs::policy::draft_markdown(&api.export_register()?);
            let version = api.save_policy_version(&markdown, &note)?;
            out.message(
                &version,
                &format!(
                    "Saved this version of the policy ({}).",
                    version.fields.saved_at
                ),
            );
        }
        PolicyCommand::Changes => {
            let changes = steward_docs::policy::current_changes(&api.export_register()?);
            let text = match &changes.saved {
                None => "No version has been saved yet: `policy save` saves one.".to_owned(),
                Some(saved) => {
                    let mut text = format!(
                        "Since the version saved at {}: {} paragraph(s) added, {} removed.",
                        saved.saved_at, changes.added, changes.removed
                    );
                    for hunk in &changes.hunks {
                        text.push_str("\n…");
                        for line in hunk {
                            let mark = match line.change {
                                LineChange::Same => ' ',
                                LineChange::Added => '+',
                                LineChange::Removed => '-',
                            };
                            for (i, part) in line.text.lines().enumerate() {
                                let mark = if i == 0 { mark } else { ' ' };
                                text.push_str(&format!("\n{mark} {part}"));
                            }
                        }
                    }
                    text
                }
            };
            out.message(&changes, &text);
        }
    }
    Ok(())
}
