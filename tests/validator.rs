//! Every rule of the validator: what breaks it, the problem it reports (collection, record,
//! field), and whether the record is left out or kept without the broken field.

use partnermap::core::load::load;
use serde_json::{json, Value};

/// A small valid dataset: two places, a partnership, a network and a meeting.
fn valid() -> Value {
    let labels = json!({"en": "Youth", "de": "Jugend", "da": "Unge", "sv": "Unga", "pl": "Młodzież", "lt": "Jaunimas"});
    let place = |id: &str, name: &str, lat: f64, lon: f64| {
        json!({"id": id, "name": name, "kind": "municipality", "country": "DK",
               "location": {"lat": lat, "lon": lon, "source": "gazetteer"}, "sources": ["press"]})
    };
    json!({
        "schema_version": 1,
        "themes": [{"id": "youth", "labels": labels}],
        "sources": [
            {"id": "press", "title": "A press release", "language": "da", "url": "https://example.org/a"},
            {"id": "gazetteer", "title": "GeoNames", "language": "en"}
        ],
        "places": [place("a", "Aby", 55.0, 12.0), place("b", "Bby", 56.0, 14.0)],
        "partnerships": [{"id": "a-b", "places": ["a", "b"], "kind": "twinning", "since": "2006",
                          "themes": ["youth"], "summary": {"en": "A twinning."}, "sources": ["press"]}],
        "networks": [{"id": "net", "name": "Net", "kind": "city_network", "host": {"place": "a", "role": "secretariat"},
                      "members": [{"place": "b"}], "member_counts": [{"count": 2, "scope": "current", "source": "press"}],
                      "themes": ["youth"], "summary": {"en": "A network."}, "sources": ["press"]}],
        "events": [{"id": "meet", "title": "Meeting", "start": "2023-03-23", "end": "2023-03-26", "host": "a",
                    "participants": ["b"], "themes": ["youth"], "part_of": ["net"], "summary": {"en": "A meeting."},
                    "sources": ["press"]}]
    })
}

fn count(v: &Value, collection: &str) -> usize {
    v[collection].as_array().map_or(0, Vec::len)
}

/// Applies `edit` to the valid dataset and loads it: it must have no problem at all.
fn clean(edit: impl FnOnce(&mut Value)) -> partnermap::core::model::Dataset {
    let mut data = valid();
    edit(&mut data);
    let loaded = load(&data.to_string()).expect("a readable dataset");
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.dataset
}

#[test]
fn partners_beyond_the_map_and_links_without_theme_or_summary_are_valid() {
    // Lyon, south of the region, and a town in the USA: partners beyond the map.
    let d = clean(|d| {
        d["places"][0]["location"] = json!({"lat": 45.76, "lon": 4.83, "source": "gazetteer"});
        d["places"][1]["location"] = json!({"lat": 41.88, "lon": -87.63, "source": "gazetteer"});
    });
    assert_eq!(d.places.len(), 2);
    let d = clean(|d| {
        let link = &mut d["partnerships"][0];
        link.as_object_mut().unwrap().remove("themes");
        link.as_object_mut().unwrap().remove("summary");
        d["networks"][0]["themes"] = json!([]);
        d["schema_version"] = json!(2);
    });
    assert!(d.partnerships[0].themes.is_empty() && d.partnerships[0].summary.is_empty());
    let d = clean(|d| d["partnerships"][0]["summary"] = json!({"de": "Nur Deutsch"}));
    assert_eq!(
        d.partnerships[0].summary.len(),
        1,
        "a summary in any language"
    );
}

#[test]
fn a_wikidata_item_is_q_and_digits() {
    let d = clean(|d| d["places"][0]["wikidata"] = json!("Q1748"));
    assert_eq!(d.places[0].wikidata.as_deref(), Some("Q1748"));
    check(
        |d| d["places"][0]["wikidata"] = json!("https://evil.example"),
        "places",
        "a",
        "wikidata",
        "not a Wikidata item",
        true,
    );
}

/// Applies `edit` to the valid dataset, loads it, and checks the one problem expected.
fn check(
    edit: impl FnOnce(&mut Value),
    collection: &str,
    record: &str,
    field: &str,
    message: &str,
    kept: bool,
) {
    let mut data = valid();
    edit(&mut data);
    let loaded = load(&data.to_string()).expect("a readable dataset");
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.collection == collection && p.record == record && p.field == field)
        .unwrap_or_else(|| {
            panic!(
                "no problem for {collection} {record} {field}: {:#?}",
                loaded.problems
            )
        });
    assert!(
        problem.message().contains(message),
        "{} should say {message:?}",
        problem.message()
    );
    let d = &loaded.dataset;
    let present = match collection {
        "themes" => d.themes.iter().any(|t| t.id == record),
        "sources" => d.sources.iter().any(|s| s.id == record),
        "places" => d.places.iter().any(|p| p.id == record),
        "partnerships" => d.partnerships.iter().any(|l| l.id == record),
        "networks" => d.networks.iter().any(|n| n.id == record),
        "events" => d.events.iter().any(|e| e.id == record),
        _ => true,
    };
    assert_eq!(present, kept, "{collection} {record} kept?");
}

#[test]
fn the_valid_dataset_has_no_problem() {
    let loaded = load(&valid().to_string()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert_eq!(loaded.dataset.partnerships.len(), 1);
}

#[test]
fn ids_are_unique_and_well_formed() {
    check(
        |d| d["places"][1]["id"] = json!("a"),
        "places",
        "a",
        "id",
        "used by an earlier record",
        true,
    );
    check(
        |d| d["places"][0]["id"] = json!("Aby!"),
        "places",
        "Aby!",
        "id",
        "lowercase letters",
        false,
    );
    check(
        |d| d["themes"][0]["id"] = json!("Youth Work"),
        "themes",
        "Youth Work",
        "id",
        "lowercase",
        false,
    );
    // Links share one namespace, as the address names them (`link=a-b`).
    check(
        |d| d["networks"][0]["id"] = json!("a-b"),
        "networks",
        "a-b",
        "id",
        "is the id of one of the partnerships too",
        false,
    );
    let d = clean(|d| {
        d["sources"].as_array_mut().unwrap().push(
            json!({"id": "a-b", "title": "The twinning's own page", "language": "da", "url": "https://example.org/ab"}),
        );
        d["partnerships"][0]["sources"] = json!(["a-b"]);
    });
    assert_eq!(
        d.partnerships[0].sources,
        ["a-b"],
        "a source may share a link's id"
    );
    check(
        |d| d["sources"][0]["id"] = json!(""),
        "sources",
        "#1",
        "id",
        "is empty",
        false,
    );
}

#[test]
fn places_need_a_place_on_the_map() {
    check(
        |d| d["places"][0]["location"]["lat"] = json!(200.0),
        "places",
        "a",
        "location.lat",
        "not a latitude",
        false,
    );
    check(
        |d| d["places"][0]["location"]["lon"] = json!(-181.0),
        "places",
        "a",
        "location.lon",
        "not a longitude",
        false,
    );
    check(
        |d| d["places"][0]["location"]["lat"] = json!("north"),
        "places",
        "a",
        "location.lat",
        "invalid type",
        false,
    );
    check(
        |d| d["places"][0]["location"]["source"] = json!("atlas"),
        "places",
        "a",
        "location.source",
        "unknown source",
        false,
    );
    check(
        |d| d["places"][0]["country"] = json!("Denmark"),
        "places",
        "a",
        "country",
        "ISO 3166-1",
        false,
    );
    check(
        |d| d["places"][0]["name"] = json!(" "),
        "places",
        "a",
        "name",
        "is empty",
        false,
    );
    check(
        |d| d["places"][0]["kind"] = json!("village"),
        "places",
        "a",
        "kind",
        "unknown variant",
        false,
    );
}

#[test]
fn optional_parts_are_dropped_and_the_record_kept() {
    check(
        |d| d["places"][0]["parent"] = json!("atlantis"),
        "places",
        "a",
        "parent",
        "unknown parent",
        true,
    );
    check(
        |d| d["places"][0]["names"] = json!({"german": "Abü"}),
        "places",
        "a",
        "names.german",
        "ISO 639-1",
        true,
    );
    check(
        |d| d["sources"][0]["url"] = json!("javascript:alert(1)"),
        "sources",
        "press",
        "url",
        "not an http(s) address",
        true,
    );
    check(
        |d| d["events"][0]["part_of"] = json!(["nothing"]),
        "events",
        "meet",
        "part_of",
        "unknown partnership or network",
        true,
    );
}

#[test]
fn every_record_cites_a_known_source() {
    check(
        |d| d["partnerships"][0]["sources"] = json!([]),
        "partnerships",
        "a-b",
        "sources",
        "at least one source",
        false,
    );
    check(
        |d| d["networks"][0]["sources"] = json!(["rumour"]),
        "networks",
        "net",
        "sources[0]",
        "unknown source",
        false,
    );
    check(
        |d| d["places"][1]["sources"] = json!([]),
        "places",
        "b",
        "sources",
        "at least one source",
        false,
    );
    check(
        |d| d["networks"][0]["member_counts"][0]["source"] = json!("x"),
        "networks",
        "net",
        "member_counts[0].source",
        "unknown source",
        false,
    );
    check(
        |d| d["sources"][1]["language"] = json!("Danish"),
        "sources",
        "gazetteer",
        "language",
        "ISO 639-1",
        false,
    );
}

#[test]
fn links_refer_to_known_places_and_themes() {
    check(
        |d| d["partnerships"][0]["places"][1] = json!("nowhere"),
        "partnerships",
        "a-b",
        "places[1]",
        "unknown place",
        false,
    );
    check(
        |d| d["partnerships"][0]["places"] = json!(["a", "a"]),
        "partnerships",
        "a-b",
        "places",
        "to itself",
        false,
    );
    check(
        |d| d["partnerships"][0]["themes"] = json!(["knitting"]),
        "partnerships",
        "a-b",
        "themes[0]",
        "unknown theme",
        false,
    );
    check(
        |d| d["networks"][0]["host"]["place"] = json!("nowhere"),
        "networks",
        "net",
        "host.place",
        "unknown place",
        false,
    );
    check(
        |d| d["networks"][0]["members"] = json!([{"place": "b"}, {"place": "b"}]),
        "networks",
        "net",
        "members[1].place",
        "listed twice",
        false,
    );
    check(
        |d| {
            d["networks"][0]["members"] = json!([]);
            d["networks"][0]["host"] = Value::Null;
        },
        "networks",
        "net",
        "members",
        "needs a host or at least one member",
        false,
    );
    check(
        |d| {
            d["events"][0]["participants"] = json!([]);
            d["events"][0]["host"] = Value::Null;
        },
        "events",
        "meet",
        "participants",
        "needs a host or at least one participant",
        false,
    );
    check(
        |d| d["events"][0]["participants"] = json!(["nowhere"]),
        "events",
        "meet",
        "participants[0]",
        "unknown place",
        false,
    );
}

#[test]
fn periods_end_after_they_begin() {
    check(
        |d| d["partnerships"][0]["until"] = json!("2005"),
        "partnerships",
        "a-b",
        "until",
        "before the beginning",
        false,
    );
    check(
        |d| d["events"][0]["end"] = json!("2023-03-22"),
        "events",
        "meet",
        "end",
        "before the beginning",
        false,
    );
    check(
        |d| d["partnerships"][0]["since"] = json!("last year"),
        "partnerships",
        "a-b",
        "since",
        "not a date",
        false,
    );
    check(
        |d| d["events"][0]["start"] = json!("2023-02-30"),
        "events",
        "meet",
        "start",
        "has no day 30",
        false,
    );
}

#[test]
fn a_place_left_out_takes_its_links_with_it_each_with_its_own_problem() {
    let mut data = valid();
    data["places"][1]["location"]["lat"] = json!(95.0);
    let loaded = load(&data.to_string()).unwrap();
    let records: Vec<(&str, &str)> = loaded
        .problems
        .iter()
        .map(|p| (p.collection.as_str(), p.record.as_str()))
        .collect();
    for expected in [
        ("places", "b"),
        ("partnerships", "a-b"),
        ("networks", "net"),
        ("events", "meet"),
    ] {
        assert!(records.contains(&expected), "{expected:?} in {records:?}");
    }
    assert_eq!(loaded.dataset.places.len(), count(&valid(), "places") - 1);
}

#[test]
fn the_file_itself_unknown_fields_and_missing_collections() {
    let mut data = valid();
    data["editor"] = json!("me");
    data.as_object_mut().unwrap().remove("events");
    let loaded = load(&data.to_string()).unwrap();
    let fields: Vec<&str> = loaded
        .problems
        .iter()
        .filter(|p| p.collection == "dataset")
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(fields, ["events", "editor"]);
}
