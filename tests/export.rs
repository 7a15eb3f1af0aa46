//! The downloads, natively: the JSON cut from the shipped dataset is itself a valid dataset
//! holding the chosen links; the CSV has one row per link.

use partnermap::core::atlas::Atlas;
use partnermap::core::export::dataset_json;
use partnermap::core::geo::Projection;
use partnermap::core::i18n::Language;
use partnermap::core::listing::{csv, rows};
use partnermap::core::load::load;

#[test]
fn a_cut_of_the_dataset_is_a_valid_dataset_with_the_links_chosen() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json")).unwrap();
    let loaded = load(&text).unwrap();
    let atlas = Atlas::build(&loaded.dataset, &Projection::etrs89_laea());
    for chosen in ["koge-kristianstad", "partner-towns-meeting-bytow-2023"] {
        let shown: Vec<bool> = atlas.links.iter().map(|l| l.id == chosen).collect();
        assert!(shown.contains(&true), "{chosen} is in the seed");
        let cut = dataset_json(&text, &loaded.dataset, &atlas, &shown).unwrap();
        let reread = load(&cut).unwrap();
        assert!(
            reread.problems.is_empty(),
            "{chosen}: {:?}",
            reread.problems
        );
        let d = &reread.dataset;
        let ids: Vec<&str> = d
            .partnerships
            .iter()
            .map(|p| p.id.as_str())
            .chain(d.networks.iter().map(|n| n.id.as_str()))
            .chain(d.events.iter().map(|e| e.id.as_str()))
            .collect();
        assert!(ids.contains(&chosen), "{chosen}: {ids:?}");
        assert!(
            d.places.len() < loaded.dataset.places.len(),
            "only the places it needs"
        );

        let table = rows(&loaded.dataset, &atlas, &shown, Language::En);
        let sheet = csv(&loaded.dataset, &table, &|k| k.id());
        assert_eq!(sheet.lines().count(), 2, "a header and one row");
        assert!(sheet.lines().nth(1).unwrap().starts_with(chosen));
    }
}

/// Every single link of the curated records, and every network of the shipped dataset, cut on
/// its own, is a valid dataset: each source it cites anywhere (a member count's, a place's
/// population's) comes with it.
#[test]
fn every_links_cut_keeps_every_source_it_cites() {
    for file in ["data/curated.json", "data/partnerships.json"] {
        let text =
            std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let loaded = load(&text).unwrap();
        let atlas = Atlas::build(&loaded.dataset, &Projection::etrs89_laea());
        let chosen: Vec<usize> = (0..atlas.links.len())
            .filter(|&i| file.ends_with("curated.json") || atlas.links[i].places.len() > 2)
            .collect();
        assert!(!chosen.is_empty());
        for i in chosen {
            let shown: Vec<bool> = (0..atlas.links.len()).map(|j| j == i).collect();
            let cut = dataset_json(&text, &loaded.dataset, &atlas, &shown).unwrap();
            let problems = load(&cut).unwrap().problems;
            assert!(
                problems.is_empty(),
                "{file}, {}: {:?}",
                atlas.links[i].id,
                &problems[..problems.len().min(3)]
            );
        }
    }
}

/// The cut of the valid dataset `data` to the one link `id`, read back: valid itself.
fn cut_of(data: &serde_json::Value, id: &str) -> partnermap::core::model::Dataset {
    let text = serde_json::to_string(data).unwrap();
    let loaded = load(&text).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let atlas = Atlas::build(&loaded.dataset, &Projection::etrs89_laea());
    let shown: Vec<bool> = atlas.links.iter().map(|l| l.id == id).collect();
    let cut = load(&dataset_json(&text, &loaded.dataset, &atlas, &shown).unwrap()).unwrap();
    assert!(cut.problems.is_empty(), "{id}: {:?}", cut.problems);
    cut.dataset
}

/// A source cited only by a network's member count, or only by a place's population, is kept.
#[test]
fn sources_cited_only_by_counts_and_populations_are_kept() {
    let path = format!("{}/data/curated.json", env!("CARGO_MANIFEST_DIR"));
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let only = |id: &str| serde_json::json!({ "id": id, "title": id, "publisher": "Test", "language": "en" });
    data["sources"]
        .as_array_mut()
        .unwrap()
        .push(only("count-only"));
    data["sources"]
        .as_array_mut()
        .unwrap()
        .push(only("population-only"));
    let network = data["networks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|n| n["id"] == "staedtenetz-soziale-stadt-nrw")
        .unwrap();
    network["member_counts"][0]["source"] = "count-only".into();
    let essen = data["places"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["id"] == "essen")
        .unwrap();
    essen["population"] = serde_json::json!({ "count": 580000, "source": "population-only" });
    let reread = cut_of(&data, "staedtenetz-soziale-stadt-nrw");
    let ids: Vec<&str> = reread.sources.iter().map(|s| s.id.as_str()).collect();
    assert!(
        ids.contains(&"count-only") && ids.contains(&"population-only"),
        "{ids:?}"
    );
}

/// Ids are unique within a collection's namespace only: a place citing the source
/// `solidarpakt-ennepe-ruhr` brings that source into a cut, not the network of the same id.
#[test]
fn a_cut_takes_records_by_their_own_collections_ids() {
    let path = format!("{}/data/curated.json", env!("CARGO_MANIFEST_DIR"));
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let source = data["sources"][0]["id"].clone();
    data["partnerships"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "hattingen-essen", "places": ["hattingen", "essen"], "kind": "twinning",
            "sources": [source]
        }));
    let d = &cut_of(&data, "hattingen-essen");
    assert!(d.sources.iter().any(|s| s.id == "solidarpakt-ennepe-ruhr"));
    assert!(
        d.networks.is_empty(),
        "{:?}",
        d.networks.iter().map(|n| &n.id).collect::<Vec<_>>()
    );
    assert_eq!(d.partnerships.len(), 1);
}
