//! A uniform grid of boxes: the spatial index under the pointer.
//!
//! rstar was the first choice and works, but its bulk loading brings selection and
//! partitioning code that cost about 4 KB of the gzipped bundle, whose budget had no room for
//! it. A grid with cells sized to the items is as fast for one query per pointer move and is
//! small: the cells' item lists are stored flat (compressed sparse rows).

use crate::core::geo::MapPoint;

/// Where the cells lie.
#[derive(Clone, Copy)]
struct Cells {
    origin: MapPoint,
    size: f64,
    columns: usize,
    rows: usize,
}

impl Cells {
    fn count(&self) -> usize {
        self.columns * self.rows
    }

    /// Calls `f` with each cell a box covers, clamped to the grid; none for a box with no number.
    fn each(&self, min: MapPoint, max: MapPoint, mut f: impl FnMut(usize)) {
        if ![min.x, min.y, max.x, max.y].iter().all(|v| v.is_finite()) {
            return;
        }
        let column =
            |x: f64| (((x - self.origin.x) / self.size).max(0.0) as usize).min(self.columns - 1);
        let row = |y: f64| (((y - self.origin.y) / self.size).max(0.0) as usize).min(self.rows - 1);
        for r in row(min.y)..=row(max.y) {
            for c in column(min.x)..=column(max.x) {
                f(r * self.columns + c);
            }
        }
    }
}

pub struct Grid {
    cells: Cells,
    /// Where each cell's items start in `items`; one more entry than there are cells.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Grid {
    /// Indexes items by their boxes (min, max), in cells of about `size` map units.
    pub fn build(boxes: &[(MapPoint, MapPoint)], size: f64) -> Grid {
        let (mut min, mut max) = (
            MapPoint {
                x: f64::INFINITY,
                y: f64::INFINITY,
            },
            MapPoint {
                x: f64::NEG_INFINITY,
                y: f64::NEG_INFINITY,
            },
        );
        for p in boxes.iter().flat_map(|(a, b)| [a, b]) {
            if p.x.is_finite() && p.y.is_finite() {
                min = MapPoint {
                    x: min.x.min(p.x),
                    y: min.y.min(p.y),
                };
                max = MapPoint {
                    x: max.x.max(p.x),
                    y: max.y.max(p.y),
                };
            }
        }
        if min.x > max.x {
            (min, max) = (MapPoint { x: 0.0, y: 0.0 }, MapPoint { x: 0.0, y: 0.0 });
        }
        // At most 1,024 cells a side, however small the cell asked for.
        let span = (max.x - min.x).max(max.y - min.y);
        let size = if size.is_finite() { size } else { span };
        let size = size.max(span / 1024.0).max(1e-6);
        let cells = Cells {
            origin: min,
            size,
            columns: ((max.x - min.x) / size) as usize + 1,
            rows: ((max.y - min.y) / size) as usize + 1,
        };
        // Two passes: count the items per cell, then fill each cell's slice.
        let mut starts = vec![0u32; cells.count() + 1];
        for b in boxes {
            cells.each(b.0, b.1, |c| starts[c + 1] += 1);
        }
        for c in 0..cells.count() {
            starts[c + 1] += starts[c];
        }
        let mut items = vec![0u32; starts[cells.count()] as usize];
        let mut next = starts.clone();
        for (i, b) in boxes.iter().enumerate() {
            cells.each(b.0, b.1, |c| {
                items[next[c] as usize] = i as u32;
                next[c] += 1;
            });
        }
        Grid {
            cells,
            starts,
            items,
        }
    }

    /// Calls `f` with every item whose cells meet the box (an item may come more than once).
    pub fn near(&self, min: MapPoint, max: MapPoint, mut f: impl FnMut(usize)) {
        self.cells.each(min, max, |c| {
            let (a, b) = (self.starts[c] as usize, self.starts[c + 1] as usize);
            self.items[a..b].iter().for_each(|&i| f(i as usize));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> MapPoint {
        MapPoint { x, y }
    }

    fn found(grid: &Grid, min: MapPoint, max: MapPoint) -> Vec<usize> {
        let mut out = Vec::new();
        grid.near(min, max, |i| out.push(i));
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn finds_the_boxes_in_the_cells_a_query_meets() {
        let boxes = [
            (pt(0.0, 0.0), pt(1.0, 1.0)),
            (pt(50.0, 50.0), pt(51.0, 51.0)),
            (pt(0.0, 90.0), pt(100.0, 100.0)),
        ];
        let grid = Grid::build(&boxes, 10.0);
        assert_eq!(found(&grid, pt(0.0, 0.0), pt(2.0, 2.0)), vec![0]);
        assert_eq!(found(&grid, pt(45.0, 45.0), pt(55.0, 55.0)), vec![1]);
        assert_eq!(
            found(&grid, pt(70.0, 95.0), pt(71.0, 96.0)),
            vec![2],
            "a wide box is in every cell it spans"
        );
        assert_eq!(found(&grid, pt(-1e9, -1e9), pt(1e9, 1e9)), vec![0, 1, 2]);
    }

    #[test]
    fn survives_nothing_and_nonsense() {
        let empty = Grid::build(&[], 10.0);
        assert!(found(&empty, pt(0.0, 0.0), pt(1.0, 1.0)).is_empty());
        let odd = Grid::build(
            &[
                (pt(f64::NAN, 0.0), pt(1.0, 1.0)),
                (pt(3.0, 3.0), pt(3.0, 3.0)),
            ],
            f64::NAN,
        );
        assert_eq!(
            found(&odd, pt(f64::NAN, 0.0), pt(1.0, 1.0)),
            Vec::<usize>::new()
        );
        assert_eq!(found(&odd, pt(2.0, 2.0), pt(4.0, 4.0)), vec![1]);
    }
}
