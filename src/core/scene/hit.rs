//! What lies under the pointer: the nearest shown place or link, through grids (`grid.rs`)
//! built once per dataset.

use super::grid::Grid;
use super::links::layer;
use crate::core::atlas::Atlas;
use crate::core::geo::MapPoint;

pub struct HitIndex {
    places: Grid,
    /// Every stroke, as (link, stroke) indices; the stroke grid holds indices into this.
    strokes: Vec<(u32, u32)>,
    stroke_grid: Grid,
}

impl HitIndex {
    pub fn build(atlas: &Atlas) -> HitIndex {
        let points: Vec<(MapPoint, MapPoint)> = atlas.places.iter().map(|p| (p.at, p.at)).collect();
        let mut strokes = Vec::new();
        let mut boxes = Vec::new();
        for (l, link) in atlas.links.iter().enumerate() {
            for (s, stroke) in link.strokes.iter().enumerate() {
                strokes.push((l as u32, s as u32));
                boxes.push(stroke.curve.bounds());
            }
        }
        // Places: cells of about one place each. Strokes: cells about half a typical stroke
        // wide, so that each stroke sits in a few cells and each cell holds few strokes.
        let extent = |b: &(MapPoint, MapPoint)| (b.1.x - b.0.x).max(b.1.y - b.0.y);
        let area = |all: &[(MapPoint, MapPoint)]| {
            let (x0, y0, x1, y1) = all.iter().fold(
                (
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ),
                |(a, b, c, d), (min, max)| (a.min(min.x), b.min(min.y), c.max(max.x), d.max(max.y)),
            );
            ((x1 - x0) * (y1 - y0)).max(1.0)
        };
        let place_cell = (area(&points) / points.len().max(1) as f64).sqrt();
        let typical = boxes.iter().map(extent).sum::<f64>() / boxes.len().max(1) as f64;
        let stroke_cell = (typical / 2.0).max((area(&boxes) / 4096.0).sqrt());
        HitIndex {
            places: Grid::build(&points, place_cell),
            stroke_grid: Grid::build(&boxes, stroke_cell),
            strokes,
        }
    }

    /// The shown place nearest `at` within `radius` (map units), by atlas index.
    pub fn place_at(
        &self,
        atlas: &Atlas,
        at: MapPoint,
        radius: f64,
        shown: &[bool],
    ) -> Option<usize> {
        nearest(&self.places, at, radius, |i| {
            let place = &atlas.places[i];
            let d = place.at.distance(at);
            (d <= radius && shown.get(i).copied().unwrap_or(false) && !place.beyond)
                .then_some((d, 0, i))
        })
    }

    /// The shown link whose line passes nearest `at` within `radius`, by atlas index; where
    /// lines are equally near, the one drawn on top.
    pub fn link_at(
        &self,
        atlas: &Atlas,
        at: MapPoint,
        radius: f64,
        shown: &[bool],
    ) -> Option<usize> {
        nearest(&self.stroke_grid, at, radius, |s| {
            let (link, stroke) = (self.strokes[s].0 as usize, self.strokes[s].1 as usize);
            if !shown.get(link).copied().unwrap_or(false) {
                return None;
            }
            let glyph = &atlas.links[link];
            let d = glyph.strokes[stroke].curve.distance_to(at);
            // Nearest first; then the top layer (partnerships); then the first record.
            (d <= radius).then_some((d, 2 - layer(glyph.record), link))
        })
    }
}

/// Of the items of `grid` near `at`, the one whose key (distance, rank, index) is least,
/// by its index; `key` says `None` for an item that does not count.
fn nearest(
    grid: &Grid,
    at: MapPoint,
    radius: f64,
    key: impl Fn(usize) -> Option<(f64, u8, usize)>,
) -> Option<usize> {
    let mut best: Option<(f64, u8, usize)> = None;
    let (min, max) = around(at, radius);
    grid.near(min, max, |i| {
        if let Some(k) = key(i) {
            if best.is_none_or(|b| k < b) {
                best = Some(k);
            }
        }
    });
    best.map(|(_, _, index)| index)
}

fn around(at: MapPoint, radius: f64) -> (MapPoint, MapPoint) {
    (
        MapPoint {
            x: at.x - radius,
            y: at.y - radius,
        },
        MapPoint {
            x: at.x + radius,
            y: at.y + radius,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::fixtures::{town, twinning};
    use crate::core::geo::arc::Curve;

    fn pt(x: f64, y: f64) -> MapPoint {
        MapPoint { x, y }
    }

    fn atlas() -> Atlas {
        let place = |i: usize, x: f64| town(i, pt(x, 0.0));
        // Bowed 20 km north of the straight line at its middle.
        let link = |n: usize, a: usize, b: usize, ax: f64, bx: f64| {
            let curve = Curve {
                from: pt(ax, 0.0),
                control: pt((ax + bx) / 2.0, -40.0),
                to: pt(bx, 0.0),
            };
            twinning(n, (a, b), curve)
        };
        Atlas {
            places: vec![place(0, 0.0), place(1, 100.0), place(2, 300.0)],
            links: vec![link(0, 0, 1, 0.0, 100.0), link(1, 1, 2, 100.0, 300.0)],
            ..Atlas::default()
        }
    }

    #[test]
    fn finds_the_nearest_shown_place() {
        let atlas = atlas();
        let index = HitIndex::build(&atlas);
        assert_eq!(
            index.place_at(&atlas, pt(96.0, 3.0), 10.0, &[true; 3]),
            Some(1)
        );
        assert_eq!(
            index.place_at(&atlas, pt(50.0, 0.0), 10.0, &[true; 3]),
            None
        );
        assert_eq!(
            index.place_at(&atlas, pt(96.0, 3.0), 10.0, &[true, false, true]),
            None
        );
    }

    #[test]
    fn finds_a_link_by_its_curve_not_its_chord() {
        let atlas = atlas();
        let index = HitIndex::build(&atlas);
        let shown = [true, true];
        assert_eq!(
            index.link_at(&atlas, pt(50.0, -20.0), 3.0, &shown),
            Some(0),
            "on the arc"
        );
        assert_eq!(
            index.link_at(&atlas, pt(50.0, 0.0), 3.0, &shown),
            None,
            "under it"
        );
        assert_eq!(
            index.link_at(&atlas, pt(200.0, -19.0), 3.0, &shown),
            Some(1)
        );
        assert_eq!(
            index.link_at(&atlas, pt(200.0, -19.0), 3.0, &[true, false]),
            None
        );
    }
}
