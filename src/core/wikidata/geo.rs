//! Distances and a coarse latitude/longitude grid, so that finding the places within 15 km of
//! one looks at a few cells instead of every place.

use std::collections::BTreeMap;

/// How close two statements of one place must be, and how close a place must be to the
/// gazetteer's or the curated one to be taken for it.
pub const SAME_PLACE_KM: f64 = 15.0;

/// The map's region: 11°W–35°E, 47°N–71°N.
pub fn in_region(lat: f64, lon: f64) -> bool {
    (47.0..=71.0).contains(&lat) && (-11.0..=35.0).contains(&lon)
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Cell size in degrees: 0.25° of latitude is about 28 km, more than the 15 km searched.
const CELL: f64 = 0.25;

/// Points by grid cell. Longitude does not wrap at ±180°: no town pair there is within 15 km
/// across the antimeridian in these extracts, and missing one would only leave two records.
#[derive(Debug, Default)]
pub struct Grid {
    cells: BTreeMap<(i32, i32), Vec<usize>>,
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    ((lat / CELL).floor() as i32, (lon / CELL).floor() as i32)
}

impl Grid {
    pub fn insert(&mut self, index: usize, lat: f64, lon: f64) {
        self.cells.entry(cell(lat, lon)).or_default().push(index);
    }

    /// The points in the cells that may lie within `km` of (lat, lon); the caller measures.
    /// Sorted, so callers see them in a fixed order.
    pub fn near(&self, lat: f64, lon: f64, km: f64) -> Vec<usize> {
        let (row, col) = cell(lat, lon);
        let rows = (km / (111.0 * CELL)).ceil() as i32;
        // A degree of longitude shrinks with the cosine of the latitude; near the poles the
        // span is capped at the whole circle.
        let km_per_cell = 111.32 * CELL * lat.to_radians().cos().abs().max(1e-3);
        let cols = ((km / km_per_cell).ceil() as i32).min((180.0 / CELL) as i32);
        let mut out = Vec::new();
        for r in row - rows..=row + rows {
            for c in col - cols..=col + cols {
                if let Some(points) = self.cells.get(&(r, c)) {
                    out.extend_from_slice(points);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_neighbours_across_cells_only_nearby() {
        let mut grid = Grid::default();
        grid.insert(0, 54.0, 10.0);
        grid.insert(1, 54.05, 10.26); // ~17 km east, next cell
        grid.insert(2, 56.0, 10.0);
        let near = grid.near(54.0, 10.0, SAME_PLACE_KM);
        assert!(near.contains(&0) && near.contains(&1) && !near.contains(&2));
        assert!((distance_km(54.0, 10.0, 55.0, 10.0) - 111.2).abs() < 0.5);
    }
}
