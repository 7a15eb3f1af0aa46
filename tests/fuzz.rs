//! Fuzzing: no input reachable from a dataset file or a URL makes the core panic (a panic in
//! wasm kills the page). Random text, the seed dataset with random parts replaced, and random
//! query strings go through the whole pipeline the page runs: load and validate, project,
//! filter, the camera and the view the URL asks for, place the markers and labels, group the
//! places and aggregate the arcs, index them for the pointer and ask it, search, list and sort,
//! export, parse and write the URL.
//!
//! A short run is part of `scripts/test.sh`; `PROPTEST_CASES=100000 cargo test --test fuzz`
//! runs longer.

use partnermap::core::atlas::Atlas;
use partnermap::core::export::dataset_json;
use partnermap::core::filter::{theme_counts, visible, year_span, Filters, LinkFacts};
use partnermap::core::geo::viewport::{Camera, Extent, View, ViewTransform};
use partnermap::core::geo::{MapPoint, Projection};
use partnermap::core::i18n::Language;
use partnermap::core::labels::{place_labels, LabelRequest};
use partnermap::core::listing::{self, Column};
use partnermap::core::load::load;
use partnermap::core::scene::clusters::Clusters;
use partnermap::core::scene::flows::flows;
use partnermap::core::scene::hit::HitIndex;
use partnermap::core::scene::places::place_scene;
use partnermap::core::search::search;
use partnermap::core::url_state::{self, Known, UrlState};
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

    // The camera, at the view the URL asks for (or the whole region), on a phone and a desktop.
    let region = Extent::of_region(&projection);
    let themes: Vec<String> = loaded.dataset.themes.iter().map(|t| t.id.clone()).collect();
    let shown = visible(&atlas, &facts, &state.filters);
    let clusters = Clusters::build(&atlas);
    let index = HitIndex::build(&atlas);
    for (width, height) in [(390.0, 844.0), (1400.0, 900.0)] {
        let camera = Camera {
            home: ViewTransform::fit_region(region, region, width, height, 12.0),
            width,
            height,
            bounds: region,
        };
        let asked = state.viewport.and_then(|v| {
            let center = projection.project(v.lon, v.lat)?;
            Some(View {
                zoom: v.zoom,
                center,
            })
        });
        let view = camera.clamp(asked.unwrap_or_else(|| camera.home_view()));
        let transform = camera.transform(view);
        let scene = place_scene(
            &atlas,
            &shown.places,
            &shown.links,
            &transform,
            (width, height),
            &[Some(0)],
        );
        assert!(scene.markers.iter().all(|&i| i < atlas.places.len()));
        if let Some(level) = clusters
            .level_at(transform.scale)
            .and_then(|l| clusters.levels.get(l))
        {
            let arcs = flows(&atlas, level, &facts, &shown.links, &state.filters, &themes);
            assert!(
                arcs.iter().map(|a| a.links).sum::<usize>()
                    <= 2 * shown.summary.links.max(1) * atlas.places.len().max(1)
            );
        }
        let centre = view.center;
        for at in [
            centre,
            MapPoint {
                x: centre.x + 50.0,
                y: centre.y - 30.0,
            },
        ] {
            let _ = index.place_at(&atlas, at, 11.0 / transform.scale, &shown.places);
            let _ = index.link_at(&atlas, at, 6.0 / transform.scale, &shown.links);
        }
    }

    // Search, the list sorted by each column, the downloads.
    let _ = search(&loaded.dataset.places, &state.query, 8);
    let mut rows = listing::rows(&loaded.dataset, &atlas, &shown.links, Language::Da);
    for column in Column::ALL {
        listing::sort(&mut rows, column, true, &|_, r| r.id.clone(), &|a, b| {
            a.cmp(b)
        });
    }
    let _ = listing::csv(&loaded.dataset, &rows, &|k| k.id());
    // A cut copies its records as written: of a file without problems, it has none either.
    if let Ok(cut) = dataset_json(text, &loaded.dataset, &atlas, &shown.links) {
        let reread = load(&cut).expect("a cut is a dataset");
        assert!(
            !loaded.problems.is_empty() || reread.problems.is_empty(),
            "a cut of a valid dataset is valid: {:?}",
            reread.problems
        );
    }
    let _ = url_state::write(&state);
}

/// A viewport the map itself could write: a zoom it allows and a point on Earth, to any
/// number of decimals.
fn viewport() -> impl Strategy<Value = String> {
    (
        -10.0..=20.0f64,
        -90.0..=90.0f64,
        -180.0..=180.0f64,
        0..7usize,
    )
        .prop_map(|(zoom, lat, lon, decimals)| {
            format!("map={zoom:.decimals$}/{lat:.decimals$}/{lon:.decimals$}")
        })
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

    /// What the map writes, it reads back as the same state: every filter, selection and text
    /// exactly; the viewport to the precision the address keeps (0.01 of a zoom step, 0.0001°),
    /// so that from the first address on, reading and writing again changes nothing.
    #[test]
    fn any_query_string_never_panics_and_what_it_writes_reads_back(
        pairs in prop::collection::vec((
            prop_oneof![Just("theme"), Just("year"), Just("undated"), Just("kind"), Just("country"), Just("place"),
                        Just("link"), Just("q"), Just("lang"), Just("view"), Just("map"), Just("data"), Just("x")],
            "[-/,.0-9a-zA-Z%~_ ]{0,20}",
        ), 0..8),
        map in prop::option::of(viewport()),
    ) {
        let mut query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        query.extend(map);
        let query = query.join("&");
        let dataset = load(&serde_json::to_string(&seed()).unwrap()).unwrap().dataset;
        let known = Known::of(&dataset);
        let state = url_state::parse(&query, &known);
        let written = url_state::write(&state);
        let reread = url_state::parse(&written, &known);
        let without_view = |s: &UrlState| UrlState { viewport: None, ..s.clone() };
        prop_assert_eq!(without_view(&reread), without_view(&state));
        match (state.viewport, reread.viewport) {
            (None, None) => {}
            (Some(a), Some(b)) => {
                prop_assert!((a.zoom - b.zoom).abs() <= 0.005 + 1e-9, "{} {}", a.zoom, b.zoom);
                prop_assert!((a.lat - b.lat).abs() <= 0.00005 + 1e-9 && (a.lon - b.lon).abs() <= 0.00005 + 1e-9);
            }
            (a, b) => prop_assert!(false, "viewport {a:?} read back as {b:?}"),
        }
        prop_assert_eq!(url_state::write(&reread), written, "a fixed point from the first address on");
        run_pipeline(&serde_json::to_string(&seed()).unwrap(), &query);
    }

}
