//! The shipped dataset: valid, described by a current schema, and saying what its sources say.

use partnermap::core::load::load;
use partnermap::core::model::{CountScope, Dataset, PartnershipKind};
use partnermap::core::schema::{dataset_schema, SCHEMA_PATH};

fn shipped() -> Dataset {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json")).unwrap();
    let loaded = load(&text).expect("the shipped dataset loads");
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "the shipped dataset validates clean: {problems:#?}"
    );
    loaded.dataset
}

#[test]
fn the_published_schema_is_generated_from_the_current_types() {
    let published = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/",
        "data/partnerships.schema.json"
    ));
    assert_eq!(
        published.ok().as_deref(),
        Some(dataset_schema().as_str()),
        "run `cargo run -- schema` to update {SCHEMA_PATH}"
    );
}

#[test]
fn the_seed_holds_the_five_sources_facts() {
    let d = shipped();
    let place = |id: &str| {
        d.places
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("place {id}"))
    };
    assert_eq!(
        place("bytow").names.get("de").map(String::as_str),
        Some("Bütow")
    );
    assert_eq!(
        place("taurage").names.get("de").map(String::as_str),
        Some("Tauroggen")
    );

    let agreement = d
        .partnerships
        .iter()
        .find(|l| l.id == "koge-kristianstad")
        .unwrap();
    assert_eq!(agreement.kind, PartnershipKind::CooperationAgreement);
    assert_eq!(
        agreement.since.map(|s| s.to_string()),
        Some("2021-10".into())
    );
    assert_eq!(
        agreement.themes,
        [
            "climate_adaptation",
            "urban_development",
            "economy",
            "social_housing_areas"
        ]
    );

    let twinning = d
        .partnerships
        .iter()
        .find(|l| l.id == "bytow-frankenberg-eder")
        .unwrap();
    assert_eq!(twinning.since.map(|s| s.to_string()), Some("2006".into()));

    let staedtenetz = d
        .networks
        .iter()
        .find(|n| n.id == "staedtenetz-soziale-stadt-nrw")
        .unwrap();
    let counts: Vec<(u32, CountScope)> = staedtenetz
        .member_counts
        .iter()
        .map(|c| (c.count, c.scope))
        .collect();
    assert_eq!(
        counts,
        [(35, CountScope::Current), (46, CountScope::AllTime)]
    );
    assert_eq!(
        staedtenetz.host.as_ref().map(|h| h.place.as_str()),
        Some("essen")
    );

    let towns: Vec<&str> = d
        .places
        .iter()
        .filter(|p| p.parent.as_deref() == Some("ennepe-ruhr-kreis"))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        towns.len(),
        9,
        "the nine towns of the Ennepe-Ruhr-Kreis: {towns:?}"
    );

    let meeting = d
        .events
        .iter()
        .find(|e| e.id == "partner-towns-meeting-bytow-2023")
        .unwrap();
    assert_eq!(
        (
            meeting.start.to_string(),
            meeting.end.map(|e| e.to_string())
        ),
        ("2023-03-23".into(), Some("2023-03-26".into()))
    );
    let online = d.events.iter().find(|e| e.online).unwrap();
    assert_eq!(online.start.to_string(), "2020-11-24");
}

#[test]
fn every_theme_has_its_labels_in_every_language_and_the_vocabulary_covers_the_sources() {
    let d = shipped();
    for id in [
        "climate_adaptation",
        "urban_development",
        "economy",
        "social_housing_areas",
        "digitalisation",
        "social_cohesion",
        "demographic_change",
        "civic_engagement",
        "youth",
        "education",
        "migration_integration",
        "refugees",
        "housing",
        "labour_market",
        "youth_welfare",
        "public_administration",
        "democracy_exchange",
    ] {
        assert!(d.themes.iter().any(|t| t.id == id), "theme {id}");
    }
    // A label of its own in every language of the interface: none falls back to English.
    for theme in &d.themes {
        let l = &theme.labels;
        for (code, label) in [
            ("fi", &l.fi),
            ("nb", &l.nb),
            ("et", &l.et),
            ("lv", &l.lv),
            ("nl", &l.nl),
        ] {
            assert!(
                label.as_deref().is_some_and(|t| !t.trim().is_empty()),
                "{}: {code}",
                theme.id
            );
        }
    }
}
