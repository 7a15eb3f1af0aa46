//! Fuzzing: no input reachable from a dataset file or a URL makes the core panic (a panic in
//! wasm kills the page). Random text, the seed dataset with random parts replaced, and random
//! query strings go through the whole pipeline the page runs: load and validate, project,
//! filter, place labels, parse and write the URL.
//!
//! A short run is part of `scripts/test.sh`; `PROPTEST_CASES=100000 cargo test --test fuzz`
//! runs longer.

use partnermap::core::atlas::Atlas;
use partnermap::core::filter::{theme_counts, visible, year_span, Filters, LinkFacts};
use partnermap::core::geo::Projection;
use partnermap::core::labels::{place_labels, LabelRequest};
use partnermap::core::load::load;
use partnermap::core::url_state::{self, Known};
use proptest::prelude::*;
use serde_json::Value;

fn seed() -> Value {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Everything the page does with a dataset file, which must not panic whatever the file holds.
fn run_pipeline(text: &str, query: &str) {
    let Ok(loaded) = load(text) else { return };
    let projection = Projection::etrs89_laea();
    let atlas = Atlas::build(&loaded.dataset, &projection);
    let facts = LinkFacts::of_atlas(&loaded.dataset, &atlas);
    let state = url_state::parse(query, &Known::of(&loaded.dataset));
    for filters in [Filters::default(), state.filters.clone()] {
        let v = visible(&atlas, &facts, &filters);
        assert!(v.summary.links <= atlas.links.len() && v.summary.places <= atlas.places.len());
        assert_eq!(
            v.theme_counts,
            theme_counts(&facts, &filters),
            "one pass or two, the same counts"
        );
    }
    let _ = year_span(&facts);
    let requests: Vec<LabelRequest> = atlas
        .places
        .iter()
        .map(|p| LabelRequest {
            x: p.at.x - 2700.0,
            y: p.at.y + 5500.0,
            width: 40.0,
            height: 14.0,
            priority: p.degree as f64,
        })
        .collect();
    let _ = place_labels(&requests, 1200.0, 900.0);
    let _ = url_state::write(&state);
}

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("2006"),
            Just("2021-13"),
            Just("0000-00-00~"),
            Just("koge"),
            Just("youth"),
            Just("")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a path chosen by `picks` (each pick chooses a child) with `new`.
fn replace_somewhere(node: &mut Value, picks: &[usize], new: Value) {
    let Some((&pick, rest)) = picks.split_first() else {
        *node = new;
        return;
    };
    match node {
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(pick % map.len())
                .cloned()
                .unwrap_or_default();
            if let Some(child) = map.get_mut(&key) {
                replace_somewhere(child, rest, new);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            replace_somewhere(&mut items[pick % len], rest, new);
        }
        _ => *node = new,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,200}", query in ".{0,80}") {
        run_pipeline(&text, &query);
        let _ = url_state::parse(&query, &Known::default());
    }

    #[test]
    fn the_seed_with_parts_replaced_never_panics(
        edits in prop::collection::vec((prop::collection::vec(any::<usize>(), 1..6), json_value()), 1..4),
    ) {
        let mut dataset = seed();
        for (picks, value) in edits {
            replace_somewhere(&mut dataset, &picks, value);
        }
        run_pipeline(&serde_json::to_string(&dataset).unwrap(), "");
    }

    #[test]
    fn any_query_string_never_panics_and_writes_what_it_reads(
        pairs in prop::collection::vec((
            prop_oneof![Just("theme"), Just("year"), Just("undated"), Just("kind"), Just("country"), Just("place"),
                        Just("link"), Just("q"), Just("lang"), Just("view"), Just("map"), Just("data"), Just("x")],
            "[-/,.0-9a-zA-Z%~_ ]{0,20}",
        ), 0..8),
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let query = query.join("&");
        let dataset = load(&serde_json::to_string(&seed()).unwrap()).unwrap().dataset;
        let known = Known::of(&dataset);
        let state = url_state::parse(&query, &known);
        // What the map writes back, it reads as the same state.
        prop_assert_eq!(url_state::parse(&url_state::write(&state), &known), state);
        run_pipeline(&serde_json::to_string(&seed()).unwrap(), &query);
    }
}
