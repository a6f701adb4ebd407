//! The realistic case: the Open Infrastructure Foundation's processing as its
//! privacy policy describes it (`tests/fixtures/openinfra-register.json`),
//! recorded through the API with no free-text workarounds — every person and
//! data category from the vocabularies, every source, recipient and transfer
//! a linked record — then counted and followed link by link.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;
use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivitySourceInput, FixedClock, OrganisationInput,
    PurposeInput, RecipientInput, RetentionRuleInput, SourceOrganisationInput, Steward,
    SubjectGroupInput, TransferInput, WebsiteThirdPartyInput,
};
use steward_core::vocabulary;
use steward_tests::fixture;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fixture {
    organisation: Value,
    catalogue_recipients: Vec<CatalogueRef>,
    recipients: Vec<Value>,
    source_organisations: Vec<Value>,
    website_third_parties: Vec<Value>,
    activities: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CatalogueRef {
    r#ref: String,
    catalogue_id: String,
}

/// Takes `key` out of a JSON object as a string.
fn take(value: &mut Value, key: &str) -> Option<String> {
    value
        .as_object_mut()?
        .remove(key)
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// Fills the input type's missing fields with their defaults, so the fixture
/// only states what the policy says.
fn input<T: serde::de::DeserializeOwned + serde::Serialize + Default>(mut partial: Value) -> T {
    let mut full = serde_json::to_value(T::default()).unwrap();
    let fields = full.as_object_mut().unwrap();
    for (k, v) in partial.as_object_mut().unwrap().iter_mut() {
        fields.insert(k.clone(), v.take());
    }
    serde_json::from_value(full).unwrap_or_else(|e| panic!("fixture entry does not fit: {e}"))
}

fn record_openinfra(api: &mut Steward) -> HashMap<String, String> {
    let text = std::fs::read_to_string(fixture("openinfra-register.json")).unwrap();
    let f: Fixture = serde_json::from_str(&text).unwrap();
    let mut ids: HashMap<String, String> = HashMap::new();
    api.update_organisation(input::<OrganisationInput>(f.organisation), None)
        .unwrap();
    for c in f.catalogue_recipients {
        ids.insert(
            c.r#ref,
            api.add_recipient_from_catalogue(&c.catalogue_id)
                .unwrap()
                .id,
        );
    }
    for mut r in f.recipients {
        let name = take(&mut r, "ref").unwrap();
        ids.insert(
            name,
            api.create_recipient(input::<RecipientInput>(r)).unwrap().id,
        );
    }
    for mut s in f.source_organisations {
        let name = take(&mut s, "ref").unwrap();
        let mut source: SourceOrganisationInput = {
            let recipient = take(&mut s, "recipientRef");
            let mut source: SourceOrganisationInput = input(s);
            source.recipient_id = recipient.map(|r| ids[&r].clone());
            source
        };
        source.name = source.name.trim().to_owned();
        ids.insert(name, api.create_source_organisation(source).unwrap().id);
    }
    for w in f.website_third_parties {
        api.create_website_third_party(input::<WebsiteThirdPartyInput>(w))
            .unwrap();
    }
    for mut a in f.activities {
        let parts: HashMap<&str, Vec<Value>> = [
            "purposes",
            "subjectGroups",
            "sources",
            "recipients",
            "transfers",
            "retention",
        ]
        .into_iter()
        .map(|k| {
            (
                k,
                a.as_object_mut()
                    .unwrap()
                    .remove(k)
                    .map(|v| v.as_array().unwrap().clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
        let activity = api.create_activity(input::<ActivityInput>(a)).unwrap();
        let with_activity = |mut v: Value| {
            v["activityId"] = Value::String(activity.id.clone());
            v
        };
        let resolve = |v: &mut Value, from: &str, to: &str| {
            if let Some(r) = take(v, from) {
                v[to] = Value::String(ids[&r].clone());
            }
        };
        for p in &parts["purposes"] {
            api.create_purpose(input::<PurposeInput>(with_activity(p.clone())))
                .unwrap();
        }
        for g in &parts["subjectGroups"] {
            api.create_subject_group(input::<SubjectGroupInput>(with_activity(g.clone())))
                .unwrap();
        }
        for s in &parts["sources"] {
            let mut s = with_activity(s.clone());
            resolve(&mut s, "sourceRef", "sourceOrganisationId");
            api.create_activity_source(input::<ActivitySourceInput>(s))
                .unwrap();
        }
        for r in &parts["recipients"] {
            let mut r = with_activity(r.clone());
            resolve(&mut r, "recipientRef", "recipientId");
            api.create_activity_recipient(input::<ActivityRecipientInput>(r))
                .unwrap();
        }
        for t in &parts["transfers"] {
            let mut t = with_activity(t.clone());
            resolve(&mut t, "recipientRef", "recipientId");
            api.create_transfer(input::<TransferInput>(t)).unwrap();
        }
        for r in &parts["retention"] {
            api.create_retention_rule(input::<RetentionRuleInput>(with_activity(r.clone())))
                .unwrap();
        }
        ids.insert(activity.fields.name.clone(), activity.id);
    }
    ids
}

#[test]
fn the_openinfra_policy_fits_the_register() {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    let ids = record_openinfra(&mut api);

    // Counts: what the policy names, recorded once each.
    let activities = api.list_activities().unwrap();
    assert_eq!(activities.len(), 10);
    assert_eq!(api.list_recipients().unwrap().len(), 18);
    assert_eq!(api.list_source_organisations().unwrap().len(), 8);
    assert_eq!(api.list_website_third_parties().unwrap().len(), 9);
    let catalogue = api.get_processor_catalogue().unwrap();
    assert_eq!(
        catalogue.entries.iter().filter(|e| e.in_register).count(),
        9
    );

    // Every category of people and of data comes from the vocabularies.
    let mut sources = 0;
    let mut transfers = 0;
    let mut purposes = 0;
    let mut legitimate_interests = 0;
    for activity in &activities {
        for group in api.list_subject_groups(&activity.id).unwrap() {
            let g = &group.fields;
            assert!(
                vocabulary::subject_category(&g.subject_category).is_some(),
                "{}",
                g.subject_category
            );
            for d in &g.data_categories {
                assert!(
                    vocabulary::data_category(d).is_some(),
                    "{}: {d}",
                    activity.fields.name
                );
            }
        }
        for rule in api.list_retention_rules(&activity.id).unwrap() {
            assert!(vocabulary::data_category(&rule.fields.data_category).is_some());
        }
        sources += api.list_activity_sources(&activity.id).unwrap().len();
        for purpose in api.list_purposes(&activity.id).unwrap() {
            purposes += 1;
            assert!(
                purpose.fields.legal_basis.is_some(),
                "{}",
                activity.fields.name
            );
            if !purpose.fields.legitimate_interest.is_empty() {
                legitimate_interests += 1;
            }
        }
        transfers += api.list_transfers(&activity.id).unwrap().len();
    }
    assert_eq!(sources, 15);
    assert_eq!(transfers, 4);
    assert_eq!(purposes, 17);
    assert_eq!(
        legitimate_interests, 10,
        "each legitimate-interests purpose names its interest"
    );

    // Links, followed: Eventbrite gives us the summit registrations, runs
    // them as our processor, and receives them in the USA under the DPF.
    let summit = &ids["Summit registration"];
    let eventbrite_source = api
        .list_activity_sources(summit)
        .unwrap()
        .into_iter()
        .filter_map(|s| s.fields.source_organisation_id)
        .map(|id| api.get_source_organisation(&id).unwrap())
        .find(|s| s.fields.name == "Eventbrite")
        .expect("the summit's data comes from Eventbrite");
    assert_eq!(
        eventbrite_source.fields.recipient_id.as_deref(),
        Some(ids["eventbrite"].as_str())
    );
    let processors: Vec<String> = api
        .list_activity_recipients(summit)
        .unwrap()
        .into_iter()
        .filter(|l| l.fields.role == steward_api::RecipientRole::Processor)
        .filter_map(|l| l.fields.recipient_id)
        .collect();
    assert!(
        processors.contains(&ids["eventbrite"]),
        "Eventbrite processes the registrations"
    );
    let transfer = &api.list_transfers(summit).unwrap()[0];
    assert_eq!(
        (transfer.fields.country.as_str(), transfer.fields.mechanism),
        ("US", Some(steward_api::TransferMechanism::Dpf))
    );
    let eventbrite = api.get_recipient(&ids["eventbrite"]).unwrap();
    assert_eq!(
        eventbrite.fields.catalogue_id.as_deref(),
        Some("eventbrite")
    );
}

/// The draft policy of the OpenInfra register names every source
/// organisation, every processor and every transfer mechanism recorded, and
/// its Markdown is kept as a snapshot (`STEWARD_BLESS=1` rewrites it after
/// a deliberate change of wording; review the diff before committing).
#[test]
fn the_openinfra_draft_names_every_source_processor_and_transfer() {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    record_openinfra(&mut api);
    let register = api.export_register().unwrap();
    let draft = steward_docs::policy::draft(&register);
    let md = steward_docs::policy::markdown::render(&draft);
    let plain = md.replace('\\', "");
    let golden = fixture("golden/openinfra-policy.md");
    if std::env::var_os("STEWARD_BLESS").is_some() {
        std::fs::write(&golden, &md).unwrap();
    }

    let used: Vec<&str> = register
        .activities
        .iter()
        .flat_map(|a| &a.sources)
        .filter_map(|s| s.fields.source_organisation_id.as_deref())
        .collect();
    assert!(used.len() >= 7, "{used:?}");
    for source in register
        .source_organisations
        .iter()
        .filter(|s| used.contains(&s.id.as_str()))
    {
        assert!(
            plain.contains(&format!("From {}, we receive", source.fields.name)),
            "source {} is not named",
            source.fields.name
        );
    }
    let mut processors = 0;
    for activity in &register.activities {
        for link in &activity.recipients {
            let Some(recipient) = register
                .recipients
                .iter()
                .find(|r| Some(&r.id) == link.fields.recipient_id.as_ref())
            else {
                continue;
            };
            let shown = if recipient.fields.trading_name.is_empty() {
                &recipient.fields.legal_name
            } else {
                &recipient.fields.trading_name
            };
            assert!(
                plain.contains(shown.as_str()),
                "recipient {shown} is not named"
            );
            if link.fields.role == steward_api::RecipientRole::Processor {
                processors += 1;
            }
        }
        for transfer in &activity.transfers {
            let mechanism = transfer.fields.mechanism.expect("recorded");
            let words = match mechanism {
                steward_api::TransferMechanism::Dpf => "EU-U.S. Data Privacy Framework",
                steward_api::TransferMechanism::Sccs => "standard contractual clauses",
                steward_api::TransferMechanism::Adequacy => "protects personal data adequately",
                other => panic!("the fixture has no {other:?} transfer"),
            };
            assert!(plain.contains(words), "{mechanism:?} is not stated");
        }
    }
    assert!(processors > 5, "{processors}");
    for element in [
        "Art. 13(1)(c)",
        "Art. 13(1)(f)",
        "Art. 14(2)(f)",
        "Art. 14(1)(d)",
    ] {
        assert!(
            !draft.checklist.iter().any(|g| g.element == element),
            "the fixture records {element}: {:#?}",
            draft.checklist
        );
    }

    let expected = std::fs::read_to_string(&golden)
        .expect("the snapshot exists (STEWARD_BLESS=1 cargo test writes it)");
    assert!(
        md == expected,
        "the OpenInfra draft changed: if on purpose, rerun with STEWARD_BLESS=1 and review the diff of {}",
        golden.display()
    );
}
