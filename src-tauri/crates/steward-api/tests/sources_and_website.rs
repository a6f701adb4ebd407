//! Source organisations and website third parties through the API: the
//! facts Art. 14 notices and cookie sections are drafted from.

use steward_api::{
    ErrorCode, FixedClock, RecipientInput, SourceOrganisationInput, Steward, ThirdPartyKind,
    WebsiteThirdPartyInput,
};

fn api() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap()
}

#[test]
fn a_source_organisation_can_link_to_the_same_company_as_a_recipient() {
    let mut api = api();
    let eventbrite = api
        .create_recipient(RecipientInput {
            legal_name: "Eventbrite, Inc.".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    let source = api
        .create_source_organisation(SourceOrganisationInput {
            name: "Eventbrite".into(),
            country: "US".into(),
            recipient_id: Some(eventbrite.id.clone()),
            ..SourceOrganisationInput::default()
        })
        .unwrap();
    assert_eq!(
        api.list_source_organisations().unwrap(),
        vec![source.clone()]
    );

    // A link to a recipient that was deleted is refused, and names the field.
    api.delete_recipient(&eventbrite.id, None).unwrap();
    let error = api
        .update_source_organisation(&source.id, source.fields.clone(), None)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    assert_eq!(error.fields[0].field, "recipientId");

    let mut unlinked = source.fields.clone();
    unlinked.recipient_id = None;
    api.update_source_organisation(&source.id, unlinked, None)
        .unwrap();
    api.delete_source_organisation(&source.id, None).unwrap();
    assert!(api.list_source_organisations().unwrap().is_empty());
    api.restore_source_organisation(&source.id).unwrap();
}

#[test]
fn website_third_parties_keep_their_consent_flag() {
    let mut api = api();
    let youtube = api
        .create_website_third_party(WebsiteThirdPartyInput {
            provider: "YouTube (Google Ireland Limited)".into(),
            kind: ThirdPartyKind::Embed,
            purpose: "Show our conference talks on the website".into(),
            data_collected: "IP address, device identifiers, viewing activity".into(),
            duration: "Up to 2 years".into(),
            consent_required: true,
            privacy_policy_url: "https://policies.google.com/privacy".into(),
            ..WebsiteThirdPartyInput::default()
        })
        .unwrap();
    assert!(youtube.fields.consent_required);
    let json = serde_json::to_value(&youtube).unwrap();
    assert_eq!(json["consentRequired"], true);
    assert_eq!(json["kind"], "embed");

    let mut edit = youtube.fields.clone();
    edit.consent_required = false;
    assert!(
        !api.update_website_third_party(&youtube.id, edit, None)
            .unwrap()
            .fields
            .consent_required
    );

    let bad = api
        .create_website_third_party(WebsiteThirdPartyInput {
            provider: String::new(),
            recipient_id: Some("00000000-0000-4000-8000-000000000000".into()),
            ..WebsiteThirdPartyInput::default()
        })
        .unwrap_err();
    assert_eq!(
        bad.fields[0].field, "provider",
        "field rules are checked before links"
    );
    assert_eq!(api.list_website_third_parties().unwrap().len(), 1);
}
