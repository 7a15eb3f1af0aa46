//! Great-circle arcs: the shortest way between two places on the globe, as the map draws it.
//!
//! Each arc is one quadratic Bézier curve through the projected great circle's ends and its
//! midpoint. In this projection a great circle across the region bends gently, so one curve
//! follows it within a few kilometres, and a link costs one short SVG command (`Q`) instead of
//! dozens of points: the difference between a map that holds 100,000 links and one that does not.

use std::fmt::Write;

use super::projection::{MapPoint, Projection};
use super::sphere::point_at_ratio;

/// The unit of drawn curves' path data, in km: 100 m, below a pixel at the closest zoom. The
/// links' layer scales it back to kilometres (`scale(0.1)` in `ui/map/links.rs`).
pub const PATH_UNIT: f64 = 0.1;
/// Straight pieces a curve is measured by when hit-testing a pointer.
const HIT_STEPS: usize = 12;

/// A quadratic Bézier curve in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    pub from: MapPoint,
    pub control: MapPoint,
    pub to: MapPoint,
}

impl Curve {
    /// The point at `t` (0 at `from`, 1 at `to`).
    pub fn at(&self, t: f64) -> MapPoint {
        let u = 1.0 - t;
        let (a, b, c) = (u * u, 2.0 * u * t, t * t);
        MapPoint {
            x: a * self.from.x + b * self.control.x + c * self.to.x,
            y: a * self.from.y + b * self.control.y + c * self.to.y,
        }
    }

    /// A box that holds the whole curve (that of its three points: a Bézier curve stays
    /// inside the hull of its control points), as (min, max).
    pub fn bounds(&self) -> (MapPoint, MapPoint) {
        let p = [self.from, self.control, self.to];
        let min = |f: fn(&MapPoint) -> f64| p.iter().map(f).fold(f64::INFINITY, f64::min);
        let max = |f: fn(&MapPoint) -> f64| p.iter().map(f).fold(f64::NEG_INFINITY, f64::max);
        (
            MapPoint {
                x: min(|p| p.x),
                y: min(|p| p.y),
            },
            MapPoint {
                x: max(|p| p.x),
                y: max(|p| p.y),
            },
        )
    }

    /// How far `p` lies from the curve, measured along a fine polyline of it.
    pub fn distance_to(&self, p: MapPoint) -> f64 {
        (0..HIT_STEPS)
            .map(|i| {
                let a = self.at(i as f64 / HIT_STEPS as f64);
                let b = self.at((i + 1) as f64 / HIT_STEPS as f64);
                segment_distance(p, a, b)
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// Appends the curve to SVG path data, in absolute coordinates of `PATH_UNIT` km: whole
    /// numbers, which are written many times faster than decimals (float formatting with a
    /// precision dominated redrawing 25,000 links).
    pub fn push_path(&self, d: &mut String) {
        let n = |v: f64| (v / PATH_UNIT).round() as i64;
        let (f, c, t) = (self.from, self.control, self.to);
        // The control point and the end relative to the start: shorter numbers, less to send
        // to the browser and for it to parse.
        let (x, y) = (n(f.x), n(f.y));
        let _ = write!(
            d,
            "M{x} {y}q{} {} {} {}",
            n(c.x) - x,
            n(c.y) - y,
            n(t.x) - x,
            n(t.y) - y
        );
    }
}

fn segment_distance(p: MapPoint, a: MapPoint, b: MapPoint) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = dx * dx + dy * dy;
    let t = if length2 > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    p.distance(MapPoint {
        x: a.x + t * dx,
        y: a.y + t * dy,
    })
}

/// The great circle from `a` to `b` (longitude, latitude), projected, as one curve; `None`
/// where the projection cannot place it.
pub fn great_circle(projection: &Projection, a: (f64, f64), b: (f64, f64)) -> Option<Curve> {
    let middle = point_at_ratio(a, b, 0.5);
    let from = projection.project(a.0, a.1)?;
    let to = projection.project(b.0, b.1)?;
    let mid = projection.project(middle.0, middle.1)?;
    // B(½) = ¼·from + ½·control + ¼·to passes through the great circle's midpoint.
    let control = MapPoint {
        x: 2.0 * mid.x - (from.x + to.x) / 2.0,
        y: 2.0 * mid.y - (from.y + to.y) / 2.0,
    };
    Some(Curve { from, control, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Haversine, InterpolatePoint, Point};

    #[test]
    fn follows_the_great_circle_closely() {
        // Bergen to Vilnius, about 1,400 km: the curve stays within 3 km of the great circle.
        let p = Projection::etrs89_laea();
        let (bergen, vilnius) = ((5.32, 60.39), (25.28, 54.69));
        let curve = great_circle(&p, bergen, vilnius).unwrap();
        assert!(curve.from.distance(p.project(5.32, 60.39).unwrap()) < 1e-6);
        assert!(curve.to.distance(p.project(25.28, 54.69).unwrap()) < 1e-6);
        let (start, end) = (
            Point::new(bergen.0, bergen.1),
            Point::new(vilnius.0, vilnius.1),
        );
        for ratio in [0.1, 0.25, 0.5, 0.75, 0.9] {
            let on_circle = Haversine.point_at_ratio_between(start, end, ratio);
            let exact = p.project(on_circle.x(), on_circle.y()).unwrap();
            assert!(
                curve.distance_to(exact) < 3.0,
                "at {ratio}: {}",
                curve.distance_to(exact)
            );
        }
    }

    #[test]
    fn bows_towards_the_pole_like_a_great_circle() {
        // Between two places on the same parallel, the great circle runs north of it.
        let p = Projection::etrs89_laea();
        let curve = great_circle(&p, (-6.0, 60.0), (30.0, 60.0)).unwrap();
        let on_parallel = p.project(12.0, 60.0).unwrap();
        assert!(curve.at(0.5).y < on_parallel.y - 100.0, "{curve:?}");
    }

    #[test]
    fn measures_distance_and_writes_short_path_data() {
        let pt = |x, y| MapPoint { x, y };
        let line = Curve {
            from: pt(0.0, 0.0),
            control: pt(50.0, 0.0),
            to: pt(100.0, 0.0),
        };
        assert!((line.distance_to(pt(50.0, 7.0)) - 7.0).abs() < 1e-9);
        assert!((line.distance_to(pt(-3.0, 4.0)) - 5.0).abs() < 1e-9);
        let mut d = String::new();
        line.push_path(&mut d);
        assert_eq!(d, "M0 0q500 0 1000 0", "in units of 100 m");
        assert_eq!(line.bounds(), (pt(0.0, 0.0), pt(100.0, 0.0)));
    }
}
