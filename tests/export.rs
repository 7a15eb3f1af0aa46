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
    let atlas = Atlas::build(&loaded.dataset, &Projection::etrs89_laea().unwrap());
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
