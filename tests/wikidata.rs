//! The open-data import (`core::wikidata`): merging rules on small fixtures, and the shipped
//! dataset being exactly what `build-dataset` writes.

use partnermap::core::first_paint::FIRST_PAINT_PATH;
use std::sync::OnceLock;

use partnermap::core::import::{gazetteer_source, Gazetteer};
use partnermap::core::load::load;
use partnermap::core::model::{Dataset, Place};
use partnermap::core::wikidata::{
    build, in_region, Extracts, Report, Texts, EUROCITIES, WIKIDATA_2016, WIKIDATA_2017,
};

const HEADER: &str = "origincityLabel\torigincountry\toriginlat\toriginlong\toriginpopulation\tsistercityLabel\tdestinationlat\tdestinationlong\tdestinationpopulation\tdestination_countryLabel\tdist\teu";

/// One row: origin (label, country, lat, lon) → sister (label, country, lat, lon).
fn row(o: (&str, &str, &str, &str), s: (&str, &str, &str, &str)) -> String {
    format!(
        "{}\t{}\t{}\t{}\t\t{}\t{}\t{}\t1000\t{}\t0\tEU",
        o.0, o.1, o.2, o.3, s.0, s.2, s.3, s.1
    )
}

const AARHUS: (&str, &str, &str, &str) = ("Aarhus", "Denmark", "56.15", "10.21");
const BERGEN: (&str, &str, &str, &str) = ("Bergen", "Norway", "60.39", "5.32");
const TURKU: (&str, &str, &str, &str) = ("Turku", "Finland", "60.45", "22.27");
const KOGE: (&str, &str, &str, &str) = ("Køge", "Denmark", "55.46", "12.18");

const GAZETTEER: &str = "geonameid,name,country,admin1,district,feature,population,lat,lon
1,Køge,DK,17,,PPLA2,37000,55.45802,12.18214
2,Kristianstad,SE,27,,PPLA2,40000,56.0294,14.15649
3,Grenzdorf,DE,09,,PPL,5000,50.0,12.0
4,Aarhus,DK,18,,PPLA,280000,56.15674,10.21076
";

fn curated() -> Dataset {
    let text = format!(
        r#"{{"schema_version": 2, "themes": [], "sources": [{source},
            {{"id": "press", "title": "Press release", "language": "da", "url": "https://example.org/p"}}],
          "places": [
            {{"id": "koge", "name": "Køge", "kind": "municipality", "country": "DK",
              "location": {{"lat": 55.45802, "lon": 12.18214, "source": "geonames", "reference": "1"}}, "sources": ["press"]}},
            {{"id": "kristianstad", "name": "Kristianstad", "kind": "municipality", "country": "SE",
              "location": {{"lat": 56.0294, "lon": 14.15649, "source": "geonames", "reference": "2"}}, "sources": ["press"]}}],
          "partnerships": [{{"id": "koge-kristianstad", "places": ["koge", "kristianstad"], "kind": "cooperation_agreement",
              "themes": [], "sources": ["press"]}}],
          "networks": [], "events": []}}"#,
        source = serde_json::to_string(&gazetteer_source()).unwrap()
    );
    let loaded = load(&text).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset
}

fn fixture() -> (Dataset, Report) {
    let denmark = [
        HEADER.to_string(),
        row(AARHUS, BERGEN),
        row(AARHUS, TURKU),
        row(AARHUS, TURKU),
        row(KOGE, ("Kristianstad", "Sweden", "56.03", "14.16")),
        // Another Køge 200 km away: a different place.
        row(
            ("Køge", "Denmark", "57.25", "12.18"),
            ("Harbin", "People's Republic of China", "45.75", "126.63"),
        ),
        // Stated under two countries; the gazetteer knows it in Germany.
        row(AARHUS, ("Grenzdorf", "Czech Republic", "50.001", "12.001")),
        row(TURKU, ("Grenzdorf", "Germany", "50.0", "12.0")),
        row(AARHUS, ("Nowhere", "Germany", "", "")),
        // Aarhus as its own partner (one item's two coordinate statements).
        row(AARHUS, ("Aarhus", "Denmark", "56.16", "10.20")),
        row(AARHUS, ("Q999", "Germany", "54.0", "10.0")),
        row(AARHUS, ("Q998", "Germany", "54.5", "10.5")),
        row(
            ("Lima", "Denmark", "-12.05", "-77.04"),
            ("Quito", "Ecuador", "-0.22", "-78.51"),
        ),
    ]
    .join("\n");
    let other = [HEADER.to_string(), row(BERGEN, AARHUS), row(TURKU, AARHUS)].join("\n");
    let enriched = r#"{"members": [
        {"name_on_website": "Aarhus", "wikidata_id": "Q25319", "wikidata_name": "Aarhus", "latitude": 56.16, "longitude": 10.21, "population": 280000, "country": "Q35", "country_name": "Denmark"},
        {"name_on_website": "Izmir", "wikidata_id": "Q35997", "wikidata_name": "İzmir", "latitude": 38.41, "longitude": 27.14, "population": 4493242.0, "country": "Q43", "country_name": "Turkey"},
        {"name_on_website": "Lyon Metropole", "wikidata_id": "Q456", "wikidata_name": "Lyon", "latitude": 45.76, "longitude": 4.84, "population": 500000, "country": "Q142", "country_name": "France"},
        {"name_on_website": "Lyon", "wikidata_id": "Q456", "wikidata_name": "Lyon", "latitude": 45.76, "longitude": 4.84, "population": 500000, "country": "Q142", "country_name": "France"}
    ], "not_found": ["Edinburgh"]}"#;
    let website = "# copy pasted from website\nAarhus\ndenmark\nIzmir\nturkey\nLyon Metropole\nfrance\nLyon\nfrance\nEdinburgh\nunited kingdom\n";
    let extracts = Extracts::parse(&Texts {
        twinnings: vec![
            ("denmark.tsv".into(), &denmark),
            ("other.tsv".into(), &other),
        ],
        names_2016: "Q999\tBeispielstadt\nQ25319\tAarhus\nQ1\tBergen\n",
        relations_2016: "Q25319\tQ1\n",
        eurocities_enriched: enriched,
        eurocities_website: website,
    })
    .unwrap();
    let gazetteer = Gazetteer::read(GAZETTEER).unwrap();
    build(curated(), &extracts, &gazetteer)
}

fn links_between<'a>(
    d: &'a Dataset,
    a: &str,
    b: &str,
) -> Vec<&'a partnermap::core::model::Partnership> {
    d.partnerships
        .iter()
        .filter(|l| {
            (l.places[0] == a && l.places[1] == b) || (l.places[0] == b && l.places[1] == a)
        })
        .collect()
}

fn place<'a>(d: &'a Dataset, name: &str) -> Vec<&'a Place> {
    d.places.iter().filter(|p| p.name == name).collect()
}

#[test]
fn both_directions_and_repeats_are_one_partnership() {
    let (d, _) = fixture();
    let [aarhus] = place(&d, "Aarhus")[..] else {
        panic!("one Aarhus")
    };
    let [bergen] = place(&d, "Bergen")[..] else {
        panic!("one Bergen")
    };
    let [turku] = place(&d, "Turku")[..] else {
        panic!("one Turku")
    };
    assert_eq!(links_between(&d, &aarhus.id, &bergen.id).len(), 1);
    let turku_links = links_between(&d, &aarhus.id, &turku.id);
    assert_eq!(turku_links.len(), 1);
    assert_eq!(turku_links[0].sources, vec![WIKIDATA_2017.to_string()]);
    assert!(
        turku_links[0].themes.is_empty()
            && turku_links[0].summary.is_empty()
            && turku_links[0].since.is_none()
    );
    assert_eq!(aarhus.location.source, "geonames");
    assert_eq!(aarhus.location.reference.as_deref(), Some("4"));
    assert_eq!(aarhus.population.as_ref().map(|p| p.count), Some(280000));
    // Bergen lies beyond the gazetteer: the extract's coordinates, citing it.
    assert_eq!(bergen.location.source, WIKIDATA_2017);
    assert_eq!(bergen.country, "NO");
}

#[test]
fn curated_place_matches_by_name_country_and_distance_only() {
    let (d, report) = fixture();
    let koge: Vec<&Place> = place(&d, "Køge");
    assert_eq!(koge.len(), 2, "the Køge 200 km away is another place");
    let curated = koge.iter().find(|p| p.id == "koge").unwrap();
    assert!(curated.sources.contains(&WIKIDATA_2017.to_string()));
    assert!(curated.sources.contains(&"press".to_string()));
    let far = koge.iter().find(|p| p.id != "koge").unwrap();
    assert_eq!(far.id, "koge-dk");
    // The curated agreement and the Wikidata twinning of the same two towns are one record.
    let links = links_between(&d, "koge", "kristianstad");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].id, "koge-kristianstad");
    assert_eq!(
        links[0].sources,
        vec!["press".to_string(), WIKIDATA_2017.to_string()]
    );
    assert!(report.number("curated partnership also in Wikidata") == 1);
}

#[test]
fn faults_are_handled_and_reported() {
    let (d, report) = fixture();
    let [grenzdorf] = place(&d, "Grenzdorf")[..] else {
        panic!("one Grenzdorf")
    };
    assert_eq!(
        grenzdorf.country, "DE",
        "the gazetteer decides a border place's country"
    );
    assert_eq!(report.number("stated country contradicts the gazetteer"), 1);
    assert_eq!(
        report.number("row with a place without valid coordinates"),
        1
    );
    assert!(place(&d, "Nowhere").is_empty());
    assert_eq!(
        report.number("self-link (both ends one place after merging)"),
        1
    );
    // A raw item id: named from the 2016 extract where it can be, else left out.
    let [named] = place(&d, "Beispielstadt")[..] else {
        panic!("Q999 named")
    };
    assert_eq!(named.wikidata.as_deref(), Some("Q999"));
    assert!(named.names.is_empty(), "a 2016 label is not an English one");
    assert_eq!(
        report.number("row with a raw Q label the 2016 extract does not name"),
        1
    );
    assert!(d.places.iter().all(|p| !p.name.starts_with('Q')));
    // Lima – Quito touches no part of the region.
    assert!(place(&d, "Quito").is_empty());
    assert_eq!(report.number("partnership with no end in the region"), 1);
}

#[test]
fn wikidata_ids_come_from_the_2016_crawl() {
    let (d, _) = fixture();
    let [aarhus] = place(&d, "Aarhus")[..] else {
        panic!()
    };
    assert_eq!(aarhus.wikidata.as_deref(), Some("Q25319"));
    assert!(aarhus.sources.contains(&WIKIDATA_2016.to_string()));
    let [bergen] = place(&d, "Bergen")[..] else {
        panic!()
    };
    let link = links_between(&d, &aarhus.id, &bergen.id)[0];
    assert!(
        link.sources.contains(&WIKIDATA_2016.to_string()),
        "the pair is in the crawl"
    );
}

#[test]
fn eurocities_members_inside_and_beyond_once_each() {
    let (d, _) = fixture();
    let network = d.networks.iter().find(|n| n.name == "Eurocities").unwrap();
    assert!(network.host.is_none() && network.themes.is_empty() && network.since.is_none());
    assert_eq!(network.sources, vec![EUROCITIES.to_string()]);
    let members: Vec<&Place> = network
        .members
        .iter()
        .map(|m| d.places.iter().find(|p| p.id == m.place).unwrap())
        .collect();
    assert_eq!(members.len(), 3, "Lyon and Lyon Metropole are one item");
    assert!(members
        .iter()
        .any(|p| p.name == "Aarhus" && in_region(p.location.lat, p.location.lon)));
    let izmir = members
        .iter()
        .find(|p| p.wikidata.as_deref() == Some("Q35997"))
        .unwrap();
    assert!(!in_region(izmir.location.lat, izmir.location.lon));
    assert_eq!(izmir.location.source, EUROCITIES);
    assert_eq!(network.member_counts[0].count, 5);
    let source = d.sources.iter().find(|s| s.id == EUROCITIES).unwrap();
    assert!(source.note.as_deref().unwrap().contains("Edinburgh"));
}

#[test]
fn fixture_output_loads_without_problems() {
    let (d, _) = fixture();
    let loaded = load(&partnermap::core::export::dataset_file(&d).unwrap()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset, d);
}

/// The real build, once for all the tests below.
fn real() -> &'static (Dataset, Report, String) {
    static BUILT: OnceLock<(Dataset, Report, String)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let read = |p: &str| std::fs::read_to_string(p).unwrap();
        let curated = load(&read("data/curated.json")).unwrap().dataset;
        let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")).unwrap();
        let extracts = Extracts::read(std::path::Path::new("data/sources")).unwrap();
        let (d, report) = build(curated, &extracts, &gazetteer);
        let text = partnermap::core::export::dataset_file(&d).unwrap();
        (d, report, text)
    })
}

#[test]
fn committed_dataset_is_the_build_output() {
    let (_, _, text) = real();
    let committed = std::fs::read_to_string("data/partnerships.json").unwrap();
    assert!(
        committed == *text,
        "data/partnerships.json is out of date: run `cargo run --release -- build-dataset`"
    );
}

#[test]
fn committed_first_picture_is_that_of_the_dataset() {
    let (d, _, _) = real();
    let basemap = std::fs::read_to_string("public/basemap.json").unwrap();
    let basemap = serde_json::from_str(&basemap).unwrap();
    let picture = partnermap::core::first_paint::first_paint(&basemap, d).unwrap();
    let committed = std::fs::read_to_string(FIRST_PAINT_PATH).unwrap();
    assert!(
        committed == picture,
        "{FIRST_PAINT_PATH} is out of date: run `cargo run --release -- build-dataset`"
    );
    // Small enough to arrive at once, and it draws the land and the links.
    assert!(picture.len() < 160_000, "{} bytes", picture.len());
    assert!(picture.contains("class=\"l\"") && picture.contains("class=\"a\""));
}

#[test]
fn seed_dataset_is_large_valid_and_keeps_the_curated_records() {
    let (d, _, text) = real();
    let loaded = load(text).unwrap();
    assert!(
        loaded.problems.is_empty(),
        "{:?}",
        &loaded.problems[..loaded.problems.len().min(5)]
    );
    let inside = |id: &str| {
        d.places
            .iter()
            .find(|p| p.id == id)
            .is_some_and(|p| in_region(p.location.lat, p.location.lon))
    };
    let touching = d
        .partnerships
        .iter()
        .filter(|l| inside(&l.places[0]) || inside(&l.places[1]))
        .count();
    assert!(touching >= 9500, "{touching} partnerships touch the region");

    let curated = load(&std::fs::read_to_string("data/curated.json").unwrap())
        .unwrap()
        .dataset;
    assert_eq!(d.themes, curated.themes);
    assert_eq!(d.events, curated.events);
    assert_eq!(&d.sources[..curated.sources.len()], &curated.sources[..]);
    assert_eq!(&d.networks[..curated.networks.len()], &curated.networks[..]);
    for (built, original) in d.places.iter().zip(&curated.places) {
        assert_eq!(
            (
                &built.id,
                &built.name,
                &built.names,
                built.kind,
                &built.country,
                &built.location,
                &built.parent
            ),
            (
                &original.id,
                &original.name,
                &original.names,
                original.kind,
                &original.country,
                &original.location,
                &original.parent
            )
        );
        assert!(original.sources.iter().all(|s| built.sources.contains(s)));
    }
    for (built, original) in d.partnerships.iter().zip(&curated.partnerships) {
        let mut without = built.clone();
        without.sources.retain(|s| s != WIKIDATA_2017);
        assert_eq!(&without, original);
    }
}

#[test]
fn big_towns_have_partners_beyond_the_region() {
    let (d, _, _) = real();
    for name in ["Hamburg", "Gdańsk", "Kraków", "Tallinn", "Aarhus"] {
        let town = d
            .places
            .iter()
            .find(|p| p.name == name && in_region(p.location.lat, p.location.lon))
            .unwrap_or_else(|| panic!("{name} is in the dataset"));
        let partners: Vec<&Place> = d
            .partnerships
            .iter()
            .filter_map(|l| match &l.places {
                [a, b] if *a == town.id => Some(b),
                [a, b] if *b == town.id => Some(a),
                _ => None,
            })
            .filter_map(|id| d.places.iter().find(|p| p.id == *id))
            .collect();
        assert!(partners.len() >= 3, "{name}: {} partners", partners.len());
        assert!(
            partners
                .iter()
                .any(|p| !in_region(p.location.lat, p.location.lon)),
            "{name} has a partner beyond the region"
        );
    }
}
