//! ETRS89 Lambert azimuthal equal-area (EPSG:3035), the projection Eurostat uses for Europe.
//!
//! Equal-area, so that the Danish islands and Lithuania look as large as they are. The map
//! works in kilometres with y growing southwards, as SVG does: `x = E / 1000`, `y = -N / 1000`.
//!
//! The formulas are EPSG's own (IOGP Guidance Note 7-2, method 9820, ellipsoidal form), for
//! this one projection. The proj4rs crate computes the same, but brings every projection and a
//! PROJ-string parser into the page's download for it; here it is the tests' reference instead
//! (`tests/projection.rs` compares the two across the region).

/// GRS80, the ellipsoid of ETRS89. ETRS89 and WGS84 agree to within a metre, far below what a
/// marker shows.
const A: f64 = 6_378_137.0;
const INVERSE_FLATTENING: f64 = 298.257_222_101;
/// The projection's centre and false origin (EPSG:3035).
const LAT0: f64 = 52.0;
const LON0: f64 = 10.0;
const FALSE_EASTING: f64 = 4_321_000.0;
const FALSE_NORTHING: f64 = 3_210_000.0;

/// A point on the map, in kilometres (east, south).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

impl MapPoint {
    pub fn distance(self, other: MapPoint) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The constants of EPSG:3035, derived once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    e: f64,
    e2: f64,
    qp: f64,
    rq: f64,
    d: f64,
    sin_b0: f64,
    cos_b0: f64,
}

impl Projection {
    /// The map's projection, from the GRS80 ellipsoid's constants.
    pub fn etrs89_laea() -> Self {
        let f = 1.0 / INVERSE_FLATTENING;
        let e2 = 2.0 * f - f * f;
        let e = e2.sqrt();
        let q = |phi: f64| {
            let s = phi.sin();
            (1.0 - e2)
                * (s / (1.0 - e2 * s * s)
                    - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
        };
        let qp = q(std::f64::consts::FRAC_PI_2);
        let phi0 = LAT0.to_radians();
        let b0 = (q(phi0) / qp).asin();
        let rq = A * (qp / 2.0).sqrt();
        let d = A * (phi0.cos() / (1.0 - e2 * phi0.sin().powi(2)).sqrt()) / (rq * b0.cos());
        Projection {
            e,
            e2,
            qp,
            rq,
            d,
            sin_b0: b0.sin(),
            cos_b0: b0.cos(),
        }
    }

    fn q(&self, phi: f64) -> f64 {
        let (e, e2, s) = (self.e, self.e2, phi.sin());
        (1.0 - e2)
            * (s / (1.0 - e2 * s * s) - (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln())
    }

    /// EPSG:3035 easting and northing in metres, or `None` where the projection is undefined
    /// (the antipode of its centre) or the input is not a coordinate.
    pub fn to_etrs89_laea(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0) {
            return None;
        }
        let beta = (self.q(lat.to_radians()) / self.qp).clamp(-1.0, 1.0).asin();
        let dl = (lon - LON0).to_radians();
        let denominator = 1.0 + self.sin_b0 * beta.sin() + self.cos_b0 * beta.cos() * dl.cos();
        if denominator <= 1e-12 {
            return None;
        }
        let b = self.rq * (2.0 / denominator).sqrt();
        let e = FALSE_EASTING + b * self.d * beta.cos() * dl.sin();
        let n = FALSE_NORTHING
            + (b / self.d) * (self.cos_b0 * beta.sin() - self.sin_b0 * beta.cos() * dl.cos());
        (e.is_finite() && n.is_finite()).then_some((e, n))
    }

    /// The map point of a longitude and latitude.
    pub fn project(&self, lon: f64, lat: f64) -> Option<MapPoint> {
        let (e, n) = self.to_etrs89_laea(lon, lat)?;
        Some(MapPoint {
            x: e / 1000.0,
            y: -n / 1000.0,
        })
    }

    /// Longitude and latitude of EPSG:3035 easting and northing in metres.
    pub fn from_etrs89_laea(&self, easting: f64, northing: f64) -> Option<(f64, f64)> {
        if !(easting.is_finite() && northing.is_finite()) {
            return None;
        }
        let (x, y) = (
            (easting - FALSE_EASTING) / self.d,
            self.d * (northing - FALSE_NORTHING),
        );
        let rho = x.hypot(y);
        if rho < 1e-9 {
            return Some((LON0, LAT0));
        }
        let c = 2.0 * (rho / (2.0 * self.rq)).min(1.0).asin();
        let beta = (c.cos() * self.sin_b0 + y * c.sin() * self.cos_b0 / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let lambda = (x * c.sin()).atan2(rho * self.cos_b0 * c.cos() - y * self.sin_b0 * c.sin());
        let (e2, e4, e6) = (self.e2, self.e2 * self.e2, self.e2 * self.e2 * self.e2);
        let phi = beta
            + (e2 / 3.0 + 31.0 * e4 / 180.0 + 517.0 * e6 / 5040.0) * (2.0 * beta).sin()
            + (23.0 * e4 / 360.0 + 251.0 * e6 / 3780.0) * (4.0 * beta).sin()
            + (761.0 * e6 / 45360.0) * (6.0 * beta).sin();
        let lon = LON0 + lambda.to_degrees();
        let lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
        Some((lon, phi.to_degrees()))
    }

    /// Longitude and latitude of a map point: the inverse of [`Projection::project`].
    pub fn unproject(&self, point: MapPoint) -> Option<(f64, f64)> {
        self.from_etrs89_laea(point.x * 1000.0, -point.y * 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laea() -> Projection {
        Projection::etrs89_laea()
    }

    #[test]
    fn the_centre_is_the_false_origin() {
        let (e, n) = laea().to_etrs89_laea(10.0, 52.0).unwrap();
        assert!(
            (e - 4_321_000.0).abs() < 0.01 && (n - 3_210_000.0).abs() < 0.01,
            "{e} {n}"
        );
    }

    /// The worked example of IOGP Guidance Note 7-2 for ETRS89 / LAEA Europe:
    /// 50°N 5°E → E 3 962 799.45 m, N 2 999 718.85 m.
    #[test]
    fn matches_the_epsg_guidance_note_example() {
        let (e, n) = laea().to_etrs89_laea(5.0, 50.0).unwrap();
        assert!((e - 3_962_799.45).abs() < 0.05, "E {e}");
        assert!((n - 2_999_718.85).abs() < 0.05, "N {n}");
        let (lon, lat) = laea().from_etrs89_laea(3_962_799.45, 2_999_718.85).unwrap();
        assert!(
            (lon - 5.0).abs() < 1e-6 && (lat - 50.0).abs() < 1e-6,
            "{lon} {lat}"
        );
    }

    #[test]
    fn map_points_are_kilometres_with_y_southwards() {
        let p = laea();
        let koge = p.project(12.18214, 55.45802).unwrap();
        let kristianstad = p.project(14.15242, 56.03129).unwrap();
        // The two towns are about 140 km apart; Kristianstad lies north-east of Køge.
        let km = koge.distance(kristianstad);
        assert!((135.0..145.0).contains(&km), "{km}");
        assert!(kristianstad.x > koge.x && kristianstad.y < koge.y);
    }

    #[test]
    fn unproject_inverts_project() {
        let p = laea();
        let (lon, lat) = p.unproject(p.project(22.28972, 55.25222).unwrap()).unwrap();
        assert!(
            (lon - 22.28972).abs() < 1e-7 && (lat - 55.25222).abs() < 1e-7,
            "{lon} {lat}"
        ); // 1 cm
    }

    #[test]
    fn refuses_what_is_not_a_coordinate() {
        let p = laea();
        assert!(p.project(f64::NAN, 50.0).is_none());
        assert!(p.project(10.0, 200.0).is_none());
        assert!(
            p.project(-170.0, -52.0).is_none(),
            "the antipode of the centre"
        );
        assert!(p
            .unproject(MapPoint {
                x: f64::INFINITY,
                y: 0.0
            })
            .is_none());
    }
}
