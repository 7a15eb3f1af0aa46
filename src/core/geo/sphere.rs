//! Points along a great circle: the one piece of spherical geometry the page needs, written
//! out rather than bringing a geometry crate into the download (the data tool uses `geo`).

use std::f64::consts::TAU;

type Vector = [f64; 3];

fn to_vector((lon, lat): (f64, f64)) -> Vector {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

fn dot(p: Vector, q: Vector) -> f64 {
    p[0] * q[0] + p[1] * q[1] + p[2] * q[2]
}

/// The point a fraction `t` of the way from `a` to `b` (longitude, latitude in degrees) along
/// the great circle between them; `a` itself where they coincide or are antipodal.
pub fn point_at_ratio(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    match GreatArc::new(a, b) {
        Some(arc) => arc.point(t * arc.angle),
        None => a,
    }
}

/// The great circle's arc from one place to another, as the start and the direction it sets
/// out in: any point along it, and where it crosses a meridian or a parallel, in closed form.
/// Where a link leaves the map is found from these crossings (core/geo/frame.rs) rather than
/// by walking the arc in small steps, which cost a fifth of a second per 10,000 links.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GreatArc {
    start: Vector,
    /// The unit vector at right angles to `start`, in the arc's plane, towards its end.
    towards: Vector,
    /// The arc's length, in radians.
    pub angle: f64,
}

impl GreatArc {
    /// `None` where the two places coincide or are antipodal: no one great circle joins them.
    pub fn new(a: (f64, f64), b: (f64, f64)) -> Option<GreatArc> {
        let (p, q) = (to_vector(a), to_vector(b));
        let cos = dot(p, q).clamp(-1.0, 1.0);
        let angle = cos.acos();
        let sin = angle.sin();
        if sin.abs() < 1e-12 {
            return None;
        }
        let towards = [
            (q[0] - cos * p[0]) / sin,
            (q[1] - cos * p[1]) / sin,
            (q[2] - cos * p[2]) / sin,
        ];
        Some(GreatArc {
            start: p,
            towards,
            angle,
        })
    }

    /// The point `theta` radians along the circle from the start, as (longitude, latitude).
    pub fn point(&self, theta: f64) -> (f64, f64) {
        let (c, s) = (theta.cos(), theta.sin());
        let v = [
            c * self.start[0] + s * self.towards[0],
            c * self.start[1] + s * self.towards[1],
            c * self.start[2] + s * self.towards[2],
        ];
        let lat = v[2].atan2((v[0] * v[0] + v[1] * v[1]).sqrt());
        let lon = v[1].atan2(v[0]);
        (lon.to_degrees(), lat.to_degrees())
    }

    /// The angles along the circle, from 0 up to a full turn, where `a·cos θ + b·sin θ = c`.
    fn solve(a: f64, b: f64, c: f64) -> impl Iterator<Item = f64> {
        let r = a.hypot(b);
        let solutions = if r < 1e-12 || c.abs() > r {
            None
        } else {
            let (phase, spread) = (b.atan2(a), (c / r).acos());
            Some([phase - spread, phase + spread])
        };
        solutions
            .into_iter()
            .flatten()
            .map(|theta| theta.rem_euclid(TAU))
    }

    /// Where the circle crosses the meridian at `lon` (degrees), as angles from the start
    /// within the arc. The meridian is half a great circle: the other half is `lon + 180°`.
    pub fn meridian_crossings(&self, lon: f64) -> impl Iterator<Item = f64> + '_ {
        let (sin, cos) = lon.to_radians().sin_cos();
        let normal = [-sin, cos, 0.0];
        let half = [cos, sin, 0.0];
        Self::solve(dot(self.start, normal), dot(self.towards, normal), 0.0).filter(move |&theta| {
            let (c, s) = (theta.cos(), theta.sin());
            theta <= self.angle && c * dot(self.start, half) + s * dot(self.towards, half) > 0.0
        })
    }

    /// Where the circle crosses the parallel at `lat` (degrees), as angles within the arc.
    pub fn parallel_crossings(&self, lat: f64) -> impl Iterator<Item = f64> + '_ {
        Self::solve(self.start[2], self.towards[2], lat.to_radians().sin())
            .filter(move |&theta| theta <= self.angle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Haversine, InterpolatePoint, Point};

    #[test]
    fn agrees_with_geo_along_the_great_circle() {
        for (a, b) in [
            ((5.32, 60.39), (25.28, 54.69)),
            ((9.99, 53.55), (-87.63, 41.88)),
            ((13.4, 52.52), (121.47, 31.23)),
        ] {
            for t in [0.0, 0.1, 0.5, 0.9, 1.0] {
                let mine = point_at_ratio(a, b, t);
                let theirs =
                    Haversine.point_at_ratio_between(Point::new(a.0, a.1), Point::new(b.0, b.1), t);
                assert!(
                    (mine.0 - theirs.x()).abs() < 1e-9 && (mine.1 - theirs.y()).abs() < 1e-9,
                    "{a:?} → {b:?} at {t}: {mine:?} vs {theirs:?}"
                );
            }
        }
        assert_eq!(point_at_ratio((1.0, 2.0), (1.0, 2.0), 0.5), (1.0, 2.0));
    }
}
