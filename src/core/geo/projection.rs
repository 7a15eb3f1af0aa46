//! ETRS89 Lambert azimuthal equal-area (EPSG:3035), the projection Eurostat uses for Europe.
//!
//! Equal-area, so that the Danish islands and Lithuania look as large as they are. The map
//! works in kilometres with y growing southwards, as SVG does: `x = E / 1000`, `y = -N / 1000`.

use proj4rs::proj::Proj;

/// EPSG:3035. ETRS89 and WGS84 agree to within a metre, far below what a marker shows.
const LAEA_EUROPE: &str =
    "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs";
const GEOGRAPHIC: &str = "+proj=longlat +ellps=GRS80 +no_defs";

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

/// Projects longitude and latitude to map points.
pub struct Projection {
    geographic: Proj,
    laea: Proj,
}

impl Projection {
    /// The map's projection. Fails only if proj4rs rejects the constant definitions above.
    pub fn etrs89_laea() -> Result<Self, String> {
        let parse = |def: &str| Proj::from_proj_string(def).map_err(|e| format!("{def}: {e:?}"));
        Ok(Projection {
            geographic: parse(GEOGRAPHIC)?,
            laea: parse(LAEA_EUROPE)?,
        })
    }

    /// EPSG:3035 easting and northing in metres, or `None` where the projection is undefined
    /// (the antipode of its centre) or the input is not a coordinate.
    pub fn to_etrs89_laea(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        if !(lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0) {
            return None;
        }
        let mut point = (lon.to_radians(), lat.to_radians(), 0.0);
        proj4rs::transform::transform(&self.geographic, &self.laea, &mut point).ok()?;
        (point.0.is_finite() && point.1.is_finite()).then_some((point.0, point.1))
    }

    /// The map point of a longitude and latitude.
    pub fn project(&self, lon: f64, lat: f64) -> Option<MapPoint> {
        let (e, n) = self.to_etrs89_laea(lon, lat)?;
        Some(MapPoint {
            x: e / 1000.0,
            y: -n / 1000.0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laea() -> Projection {
        Projection::etrs89_laea().expect("the constant definitions parse")
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
    fn refuses_what_is_not_a_coordinate() {
        let p = laea();
        assert!(p.project(f64::NAN, 50.0).is_none());
        assert!(p.project(10.0, 200.0).is_none());
    }
}
