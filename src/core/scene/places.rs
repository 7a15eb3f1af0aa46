//! Which places get a full marker (focusable, labelled) and which a plain dot, in screen pixels.
//!
//! A few hundred markers are as many as anyone can read or tab through; past that, the busiest
//! places in view keep their markers and the rest become dots in one path per kind. Hub rings
//! (a network's or meeting's host) are drawn the same way. Only what lies in view is drawn.

use std::fmt::Write;

use crate::core::atlas::{Atlas, LinkKind};
use crate::core::geo::viewport::ViewTransform;
use crate::core::model::PlaceKind;

/// At most this many places are drawn as full markers, on a screen of `MARKERS_SCREEN_PX`.
pub const MAX_MARKERS: usize = 150;
/// The screen area (in CSS pixels) that a full set of markers is meant for: a laptop's map.
const MARKERS_SCREEN_PX: f64 = 1280.0 * 800.0;
/// However small the screen, this many markers: a phone's map shows about this many.
pub const MIN_MARKERS: usize = 60;
/// Radius of a dot, in pixels.
const DOT_RADIUS: f64 = 2.5;
/// Hub rings' radii: round a network's host, and a wider one round a meeting's.
pub const NETWORK_RING: f64 = 10.5;
pub const MEETING_RING: f64 = 14.5;
/// The unit of dots' and rings' path data, in pixels.
pub const SCREEN_UNIT: f64 = 0.1;
/// How far beyond the screen's edge something is still drawn, for rings and half-visible markers.
const MARGIN: f64 = 20.0;

/// The places and rings to draw at the current view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlaceScene {
    /// Atlas indices of the places drawn as full markers, most important first.
    pub markers: Vec<usize>,
    /// Dots for the other places in view: (kind, path data, how many).
    pub dots: Vec<(PlaceKind, String, usize)>,
    /// Rings round the hosts of shown networks and of shown meetings: (path data, how many).
    pub network_rings: (String, usize),
    pub meeting_rings: (String, usize),
}

/// How many places get full markers on a `width` × `height` screen: in proportion to its area,
/// between `MIN_MARKERS` and `MAX_MARKERS`. A phone's map with a laptop's 150 markers has one
/// every 40 pixels, too close to read or to tap, and as many to draw at start-up.
pub fn max_markers((width, height): (f64, f64)) -> usize {
    let share = (width * height / MARKERS_SCREEN_PX).clamp(0.0, 1.0);
    let wanted = if share.is_finite() {
        (MAX_MARKERS as f64 * share).round() as usize
    } else {
        MAX_MARKERS
    };
    wanted.clamp(MIN_MARKERS, MAX_MARKERS)
}

/// How much a place's marker and label matter: the focused first, then counties and regions
/// (at the default zoom their label speaks for the towns around them), then by importance
/// (population and links).
pub fn priority(atlas: &Atlas, place: usize, focus: &[Option<usize>]) -> f64 {
    let glyph = &atlas.places[place];
    let focused = if focus.contains(&Some(place)) {
        1e9
    } else {
        0.0
    };
    let wider = if glyph.kind == PlaceKind::Municipality {
        0.0
    } else {
        2.0
    };
    focused + wider + glyph.importance()
}

/// `score` (the higher, the earlier) and `index` as one integer, so that sorting plain integers
/// orders by score, then by index: one small sort shared by all that ranks places.
pub fn ranked(score: f64, index: usize) -> u64 {
    let rank = u32::MAX - (score * 100.0).clamp(0.0, f64::from(u32::MAX)) as u32;
    (u64::from(rank) << 32) | (index as u64 & u64::from(u32::MAX))
}

/// The index a `ranked` key was made with.
pub fn rank_index(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// The scene for places `shown` and links `shown_links` (per atlas index) at `transform` on a
/// `width` × `height` screen; `focus` (selected, hovered) always get markers.
pub fn place_scene(
    atlas: &Atlas,
    shown: &[bool],
    shown_links: &[bool],
    transform: &ViewTransform,
    (width, height): (f64, f64),
    focus: &[Option<usize>],
) -> PlaceScene {
    let in_view =
        |x: f64, y: f64| x > -MARGIN && y > -MARGIN && x < width + MARGIN && y < height + MARGIN;
    // Sorted as plain integers, highest priority first, then by index: one key, one sort.
    // A selected place is drawn even where the filters leave none of its links.
    let mut candidates: Vec<u64> = (0..atlas.places.len())
        .filter(|&i| shown.get(i).copied().unwrap_or(false) || focus.contains(&Some(i)))
        // A partner beyond the map is drawn at the frame (its edge marker), never in place.
        .filter(|&i| !atlas.places[i].beyond)
        .filter(|&i| {
            let (x, y) = transform.apply(atlas.places[i].at);
            in_view(x, y)
        })
        .map(|i| ranked(priority(atlas, i, focus), i))
        .collect();
    candidates.sort_unstable();
    let index = |key: &u64| rank_index(*key);
    let split = candidates.len().min(max_markers((width, height)));
    let markers = candidates[..split].iter().map(index).collect();

    let mut dots: Vec<(PlaceKind, String, usize)> = [
        PlaceKind::Municipality,
        PlaceKind::County,
        PlaceKind::Region,
    ]
    .into_iter()
    .map(|kind| (kind, String::new(), 0))
    .collect();
    for i in candidates[split..].iter().map(index) {
        let glyph = &atlas.places[i];
        let (x, y) = transform.apply(glyph.at);
        if let Some(dot) = dots.iter_mut().find(|(k, _, _)| *k == glyph.kind) {
            push_circle(&mut dot.1, x, y, DOT_RADIUS);
            dot.2 += 1;
        }
    }
    dots.retain(|(_, _, n)| *n > 0);

    let mut scene = PlaceScene {
        markers,
        dots,
        ..PlaceScene::default()
    };
    for (i, link) in atlas.links.iter().enumerate() {
        let Some(hub) = link.hub else { continue };
        if !shown_links.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (x, y) = transform.apply(atlas.places[hub].at);
        if !in_view(x, y) {
            continue;
        }
        let (rings, radius) = match link.kind {
            LinkKind::Event => (&mut scene.meeting_rings, MEETING_RING),
            _ => (&mut scene.network_rings, NETWORK_RING),
        };
        push_circle(&mut rings.0, x, y, radius);
        rings.1 += 1;
    }
    scene
}

/// A circle as path data (two half arcs), in tenths of a pixel: whole numbers are written
/// many times faster than decimals. The layer scales them back (`SCREEN_UNIT`).
pub fn push_circle(d: &mut String, x: f64, y: f64, r: f64) {
    let n = |v: f64| (v / SCREEN_UNIT).round() as i64;
    let (left, y, r) = (n(x - r), n(y), n(r));
    let _ = write!(
        d,
        "M{left} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0",
        2 * r,
        2 * r
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::{LinkGlyph, PlaceGlyph, Record};
    use crate::core::geo::MapPoint;
    use crate::core::model::NetworkKind;

    fn atlas(n: usize) -> Atlas {
        Atlas {
            places: (0..n)
                .map(|i| PlaceGlyph {
                    place: i,
                    at: MapPoint {
                        x: (i % 100) as f64,
                        y: (i / 100) as f64,
                    },
                    kind: PlaceKind::Municipality,
                    degree: i % 7,
                    population: None,
                    beyond: false,
                })
                .collect(),
            links: vec![LinkGlyph {
                id: "net".into(),
                record: Record::Network(0),
                kind: LinkKind::Network(NetworkKind::CityNetwork),
                strokes: vec![],
                places: vec![3],
                hub: Some(3),
            }],
            ..Atlas::default()
        }
    }

    const IDENTITY: ViewTransform = ViewTransform {
        scale: 5.0,
        tx: 10.0,
        ty: 10.0,
    };

    #[test]
    fn the_busiest_places_in_view_get_markers_the_rest_dots() {
        let atlas = atlas(1_000);
        let shown = vec![true; 1_000];
        let scene = place_scene(
            &atlas,
            &shown,
            &[true],
            &IDENTITY,
            (520.0, 10.0),
            &[Some(999)],
        );
        // In view (with its margin): y below 30 px, so the first four rows of 100 places.
        let drawn = scene.markers.len() + scene.dots.iter().map(|d| d.2).sum::<usize>();
        assert_eq!(drawn, 400, "only what is in view");
        assert_eq!(scene.markers.len(), MIN_MARKERS, "a strip of a screen");
        assert!(
            !scene.markers.contains(&999),
            "the focused place is out of view"
        );
        assert!(scene.markers[..10]
            .iter()
            .all(|&i| atlas.places[i].degree == 6));
        assert_eq!(scene.network_rings.1, 1);
    }

    #[test]
    fn a_focused_place_always_gets_a_marker_and_hidden_ones_nothing() {
        let atlas = atlas(400);
        let mut shown = vec![true; 400];
        shown[3] = false;
        let scene = place_scene(
            &atlas,
            &shown,
            &[false],
            &IDENTITY,
            (600.0, 600.0),
            &[Some(0)],
        );
        assert_eq!(scene.markers[0], 0);
        assert!(!scene.markers.contains(&3));
        let chosen = place_scene(
            &atlas,
            &shown,
            &[false],
            &IDENTITY,
            (600.0, 600.0),
            &[Some(3)],
        );
        assert_eq!(
            chosen.markers[0], 3,
            "a selected place is drawn, filtered out or not"
        );
        assert_eq!(scene.dots[0].2, 399 - max_markers((600.0, 600.0)));
        assert_eq!(scene.network_rings.1, 0, "the network is filtered out");
    }

    #[test]
    fn a_phone_gets_fewer_markers_than_a_laptop_and_never_too_few() {
        assert_eq!(max_markers((1400.0, 900.0)), MAX_MARKERS);
        assert_eq!(max_markers((1280.0, 800.0)), MAX_MARKERS);
        assert_eq!(max_markers((900.0, 800.0)), 105);
        assert_eq!(max_markers((412.0, 678.0)), MIN_MARKERS);
        assert_eq!(max_markers((0.0, 0.0)), MIN_MARKERS);
        assert_eq!(max_markers((f64::NAN, 10.0)), MAX_MARKERS);
        let atlas = atlas(1_000);
        let phone = place_scene(
            &atlas,
            &[true; 1_000],
            &[true],
            &IDENTITY,
            (412.0, 678.0),
            &[],
        );
        assert_eq!(phone.markers.len(), MIN_MARKERS);
    }
}
