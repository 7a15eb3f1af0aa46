//! The benchmark datasets: valid, of the size asked for, the same for the same seed.

use partnermap::core::import::Gazetteer;
use partnermap::core::load::load;
use partnermap::core::synth::{generate, Shape};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_generated_dataset_is_valid_sized_and_repeatable() {
    let gazetteer = Gazetteer::read(&read("data/gazetteer.csv")).unwrap();
    let themes = load(&read("data/partnerships.json"))
        .unwrap()
        .dataset
        .themes;
    let shape = Shape {
        places: 2_000,
        links: 25_000,
        seed: 7,
    };
    let dataset = generate(shape, &gazetteer, &themes).unwrap();
    let text = serde_json::to_string(&dataset).unwrap();
    let loaded = load(&text).unwrap();
    assert!(
        loaded.problems.is_empty(),
        "{:?}",
        &loaded.problems[..loaded.problems.len().min(5)]
    );
    let d = &loaded.dataset;
    assert_eq!(d.places.len(), 2_000);
    assert_eq!(
        d.partnerships.len() + d.networks.len() + d.events.len(),
        25_000
    );
    assert!(
        d.networks.iter().all(|n| n.members.len() < 50) // besides the host: at most 50 in all
            && d.networks.iter().any(|n| n.members.len() > 30)
    );
    assert!(
        d.partnerships.iter().any(|l| l.since.is_none()),
        "some years not given, as in real data"
    );
    let again = serde_json::to_string(&generate(shape, &gazetteer, &themes).unwrap()).unwrap();
    assert_eq!(text, again, "the same seed gives the same dataset");
    let other =
        serde_json::to_string(&generate(Shape { seed: 8, ..shape }, &gazetteer, &themes).unwrap())
            .unwrap();
    assert_ne!(text, other);
}
