//! Great-circle arcs: the shortest way between two places on the globe, as the map draws it.

use geo::{Haversine, InterpolatePoint, Point};

use super::projection::{MapPoint, Projection};

/// Longest straight piece of a drawn arc. Short enough that the projected great circle looks
/// smooth at the closest zoom, long enough that 100,000 links stay cheap.
const MAX_SEGMENT_METRES: f64 = 25_000.0;

/// The great circle from `a` to `b` (longitude, latitude), projected; both ends included.
pub fn great_circle(projection: &Projection, a: (f64, f64), b: (f64, f64)) -> Vec<MapPoint> {
    let (start, end) = (Point::new(a.0, a.1), Point::new(b.0, b.1));
    Haversine
        .points_along_line(start, end, MAX_SEGMENT_METRES, true)
        .filter_map(|p| projection.project(p.x(), p.y()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_from_end_to_end_in_short_steps() {
        let p = Projection::etrs89_laea().unwrap();
        let bytow = (17.49187, 54.17057);
        let taurage = (22.28972, 55.25222);
        let arc = great_circle(&p, bytow, taurage);
        let (first, last) = (arc[0], arc[arc.len() - 1]);
        assert!(first.distance(p.project(bytow.0, bytow.1).unwrap()) < 1e-6);
        assert!(last.distance(p.project(taurage.0, taurage.1).unwrap()) < 1e-6);
        assert!(arc.len() > 10, "about 330 km in steps of at most 25 km");
        assert!(arc.windows(2).all(|w| w[0].distance(w[1]) < 26.0));
    }

    #[test]
    fn bows_towards_the_pole_like_a_great_circle() {
        // Between two places on the same parallel, the great circle runs north of it.
        let p = Projection::etrs89_laea().unwrap();
        let arc = great_circle(&p, (-6.0, 60.0), (30.0, 60.0));
        let mid = arc[arc.len() / 2];
        let on_parallel = p.project(12.0, 60.0).unwrap();
        assert!(mid.y < on_parallel.y - 100.0, "{mid:?} vs {on_parallel:?}");
    }
}
