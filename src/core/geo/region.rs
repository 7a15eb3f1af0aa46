//! The region the map covers: the Baltic Sea and the North Sea with their coasts.

use std::fmt;

/// A box in longitude and latitude (degrees, WGS84).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLatBox {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

/// From Ireland to the eastern Baltic states, from the Alps' northern foothills to the North Cape.
pub const REGION: LonLatBox = LonLatBox {
    west: -11.0,
    east: 35.0,
    south: 47.0,
    north: 71.0,
};

impl LonLatBox {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// Points along the box's edges, `per_degree` to a degree: its outline once projected.
    pub fn outline(&self, per_degree: usize) -> Vec<(f64, f64)> {
        let step = 1.0 / per_degree.max(1) as f64;
        let mut points = Vec::new();
        let mut push_edge = |from: (f64, f64), to: (f64, f64)| {
            let span = (to.0 - from.0).abs().max((to.1 - from.1).abs());
            let n = (span / step).ceil().max(1.0) as usize;
            for i in 0..n {
                let t = i as f64 / n as f64;
                points.push((from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t));
            }
        };
        let (w, e, s, n) = (self.west, self.east, self.south, self.north);
        push_edge((w, s), (e, s));
        push_edge((e, s), (e, n));
        push_edge((e, n), (w, n));
        push_edge((w, n), (w, s));
        points
    }
}

impl fmt::Display for LonLatBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ew = |x: f64| {
            if x < 0.0 {
                format!("{}°W", -x)
            } else {
                format!("{x}°E")
            }
        };
        let ns = |y: f64| {
            if y < 0.0 {
                format!("{}°S", -y)
            } else {
                format!("{y}°N")
            }
        };
        write!(
            f,
            "{}–{}, {}–{}",
            ew(self.west),
            ew(self.east),
            ns(self.south),
            ns(self.north)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_the_seas_and_their_coasts() {
        for (name, lon, lat) in [
            ("Dublin", -6.26, 53.35),
            ("Tauragė", 22.29, 55.25),
            ("North Cape", 25.78, 71.0),
            ("Neuweiler", 8.6, 48.67),
        ] {
            assert!(REGION.contains(lon, lat), "{name}");
        }
        assert!(!REGION.contains(2.35, 46.0), "south of the region");
        assert_eq!(REGION.to_string(), "11°W–35°E, 47°N–71°N");
    }
}
