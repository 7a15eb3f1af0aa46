//! The edge markers of partners beyond the map: one per stretch of the map's frame that shown
//! links leave through (`core::geo::frame`), counting them and naming whom they lead to.

use super::places::{rank_index, ranked};
use crate::core::atlas::Atlas;

/// One stretch's marker.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EdgeMarker {
    /// Index into `Atlas::frame.stretches`.
    pub stretch: usize,
    /// How many shown links leave the map here.
    pub links: usize,
    /// The places beyond the map they lead to, by atlas index, each once, the most important
    /// first (ties by index, so the order is fixed).
    pub places: Vec<usize>,
}

/// The markers for the links `shown` (per atlas link), in the frame's order; with `focus`, only
/// for that place's links (a hovered or selected place's partners beyond the map).
pub fn edge_markers(atlas: &Atlas, shown: &[bool], focus: Option<usize>) -> Vec<EdgeMarker> {
    let mut markers: Vec<EdgeMarker> = (0..atlas.frame.stretches.len())
        .map(|stretch| EdgeMarker {
            stretch,
            links: 0,
            places: Vec::new(),
        })
        .collect();
    for (i, link) in atlas.links.iter().enumerate() {
        if !shown.get(i).copied().unwrap_or(false) {
            continue;
        }
        let mut counted = false;
        for stroke in &link.strokes {
            let Some(marker) = stroke.exit.and_then(|e| markers.get_mut(e)) else {
                continue;
            };
            if focus.is_some_and(|f| stroke.ends.0 != f && stroke.ends.1 != f) {
                continue;
            }
            if !counted {
                marker.links += 1;
                counted = true;
            }
            marker.places.push(stroke.ends.1);
        }
    }
    markers.retain(|m| m.links > 0);
    for m in &mut markers {
        let mut keys: Vec<u64> = m
            .places
            .iter()
            .map(|&p| ranked(atlas.places[p].importance(), p))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        m.places = keys.into_iter().map(rank_index).collect();
    }
    markers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::fixtures::{town, twinning};
    use crate::core::atlas::Stroke;
    use crate::core::geo::arc::Curve;
    use crate::core::geo::frame::Frame;
    use crate::core::geo::{MapPoint, Projection};

    #[test]
    fn links_leaving_through_one_stretch_are_counted_together() {
        let pt = |x| MapPoint { x, y: 0.0 };
        let line = Curve {
            from: pt(0.0),
            control: pt(0.0),
            to: pt(1.0),
        };
        let mut places: Vec<_> = (0..4).map(|i| town(i, pt(i as f64))).collect();
        places[2].beyond = true;
        places[3].beyond = true;
        places[3].population = Some(1_000_000);
        let beyond = |n, a, b, exit| {
            let mut link = twinning(n, (a, b), line);
            link.strokes = vec![Stroke {
                ends: (a, b),
                curve: line,
                exit: Some(exit),
            }];
            link
        };
        let atlas = Atlas {
            places,
            links: vec![
                twinning(0, (0, 1), line),
                beyond(1, 0, 2, 5),
                beyond(2, 1, 3, 5),
                beyond(3, 1, 2, 9),
            ],
            frame: Frame::new(&Projection::etrs89_laea()),
        };
        let all = edge_markers(&atlas, &[true; 4], None);
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].stretch, all[0].links), (5, 2));
        assert_eq!(all[0].places, vec![3, 2], "the larger town first");
        assert_eq!((all[1].stretch, all[1].links), (9, 1));
        let of_first = edge_markers(&atlas, &[true; 4], Some(0));
        assert_eq!(of_first.len(), 1);
        assert_eq!(of_first[0].places, vec![2]);
        assert!(edge_markers(&atlas, &[true, false, false, false], None).is_empty());
    }
}
