//! The benchmark datasets: valid, of the size asked for, the same for the same seed.

mod support;

use partnermap::core::load::load;
use partnermap::core::synth::Shape;
use support::generated;

#[test]
fn a_generated_dataset_is_valid_sized_and_repeatable() {
    let shape = Shape {
        places: 2_000,
        links: 25_000,
        seed: 7,
    };
    let dataset = generated(shape).unwrap();
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
    let again = serde_json::to_string(&generated(shape).unwrap()).unwrap();
    assert_eq!(text, again, "the same seed gives the same dataset");
    let other = serde_json::to_string(&generated(Shape { seed: 8, ..shape }).unwrap()).unwrap();
    assert_ne!(text, other);
}
