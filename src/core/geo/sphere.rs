//! Points along a great circle: the one piece of spherical geometry the page needs, written
//! out rather than bringing a geometry crate into the download (the data tool uses `geo`).

/// The point a fraction `t` of the way from `a` to `b` (longitude, latitude in degrees) along
/// the great circle between them; `a` itself where they coincide or are antipodal.
pub fn point_at_ratio(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    let to_vector = |(lon, lat): (f64, f64)| {
        let (lon, lat) = (lon.to_radians(), lat.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (p, q) = (to_vector(a), to_vector(b));
    let dot = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]).clamp(-1.0, 1.0);
    let angle = dot.acos();
    let sin = angle.sin();
    if sin.abs() < 1e-12 {
        return a;
    }
    let (wa, wb) = (((1.0 - t) * angle).sin() / sin, (t * angle).sin() / sin);
    let v = [
        wa * p[0] + wb * q[0],
        wa * p[1] + wb * q[1],
        wa * p[2] + wb * q[2],
    ];
    let lat = v[2].atan2((v[0] * v[0] + v[1] * v[1]).sqrt());
    let lon = v[1].atan2(v[0]);
    (lon.to_degrees(), lat.to_degrees())
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
