//! The shortest tree through a set of points (the Euclidean minimum spanning tree), which joins
//! a network without a host through its members without inventing a centre.
//!
//! The tree's edges are all edges of the points' Delaunay triangulation, so Kruskal's algorithm
//! over those (a few per point) finds it in O(n log n), where Prim's on the complete graph
//! would take O(n²): a network of 30,000 members is a moment's work, not a frozen page.

use super::MapPoint;
use crate::core::sorting::{sort_indices, sort_with};

/// The shortest tree through some points, and the points on the outside of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpanningTree {
    /// Its edges, as index pairs.
    pub edges: Vec<(usize, usize)>,
    /// The points on the convex hull, by index (all of them when they lie on one line).
    pub hull: Vec<usize>,
}

/// The shortest tree that connects all `points`, and their hull, from one triangulation.
pub fn spanning_tree(points: &[MapPoint]) -> SpanningTree {
    let input: Vec<delaunator::Point> = points
        .iter()
        .map(|p| delaunator::Point { x: p.x, y: p.y })
        .collect();
    let triangulation = delaunator::triangulate(&input);
    SpanningTree {
        edges: minimum_spanning_tree(points, &triangulation),
        hull: triangulation.hull,
    }
}

fn minimum_spanning_tree(
    points: &[MapPoint],
    triangulation: &delaunator::Triangulation,
) -> Vec<(usize, usize)> {
    let n = points.len();
    if n < 2 {
        return Vec::new();
    }
    let mut candidates = delaunay_edges(triangulation, n);
    // The triangulation leaves out points that coincide with another (and has no triangles
    // when all lie on one line): neighbours in coordinate order join those, at their distance.
    let mut order: Vec<usize> = (0..n).collect();
    sort_indices(&mut order, &|a, b| {
        let (p, q) = (points[a], points[b]);
        p.x.total_cmp(&q.x).then(p.y.total_cmp(&q.y))
    });
    candidates.extend(order.windows(2).map(|w| (w[0], w[1])));
    let length = |&(a, b): &(usize, usize)| points[a].distance(points[b]);
    sort_with(&mut candidates, &|x, y| {
        length(x).total_cmp(&length(y)).then(x.cmp(y))
    });

    let mut sets = DisjointSets::new(n);
    let mut edges = Vec::with_capacity(n - 1);
    for (a, b) in candidates {
        if sets.join(a, b) {
            edges.push((a, b));
            if edges.len() == n - 1 {
                break;
            }
        }
    }
    edges
}

/// Each edge of the triangulation of `n` points once, smaller index first.
fn delaunay_edges(triangulation: &delaunator::Triangulation, n: usize) -> Vec<(usize, usize)> {
    let mut edges: Vec<(usize, usize)> = triangulation
        .triangles
        .chunks_exact(3)
        .flat_map(|t| [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])])
        .map(|(a, b)| (a.min(b), a.max(b)))
        .filter(|&(a, b)| a != b && b < n)
        .collect();
    sort_with(&mut edges, &|x, y| x.cmp(y));
    edges.dedup();
    edges
}

/// Union–find with path halving: which points the tree has joined so far.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b`; false when they were one already.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        self.parent[ra] = rb;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> MapPoint {
        MapPoint { x, y }
    }

    fn length(points: &[MapPoint], edges: &[(usize, usize)]) -> f64 {
        edges
            .iter()
            .map(|&(a, b)| points[a].distance(points[b]))
            .sum()
    }

    /// Prim's algorithm on the complete graph: the slow reference.
    fn prim(points: &[MapPoint]) -> f64 {
        let n = points.len();
        let mut in_tree = vec![false; n];
        let mut best = vec![f64::INFINITY; n];
        best[0] = 0.0;
        let mut total = 0.0;
        for _ in 0..n {
            let next = (0..n)
                .filter(|&j| !in_tree[j])
                .min_by(|&a, &b| best[a].total_cmp(&best[b]))
                .unwrap();
            in_tree[next] = true;
            total += best[next];
            for j in 0..n {
                best[j] = best[j].min(points[next].distance(points[j]));
            }
        }
        total
    }

    #[test]
    fn the_hull_goes_round_the_outside() {
        let points = [
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(5.0, 2.0),
            p(10.0, 10.0),
            p(0.0, 10.0),
        ];
        let mut around = spanning_tree(&points).hull;
        around.sort_unstable();
        assert_eq!(around, [0, 1, 3, 4]);
    }

    #[test]
    fn the_tree_takes_the_short_edges() {
        let points = [p(0.0, 0.0), p(10.0, 0.0), p(0.0, 1.0), p(10.0, 1.0)];
        let edges = spanning_tree(&points).edges;
        assert_eq!(edges.len(), 3);
        assert!((length(&points, &edges) - 12.0).abs() < 1e-9);
        assert!(spanning_tree(&points[..1]).edges.is_empty());
    }

    #[test]
    fn it_is_as_short_as_prims_tree_for_scattered_lined_up_and_repeated_points() {
        // A fixed pseudo-random scatter, with repeats and a line of points.
        let mut seed = 12345u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / f64::from(1u32 << 31) * 500.0
        };
        let mut scattered: Vec<MapPoint> = (0..300).map(|_| p(next(), next())).collect();
        scattered.extend_from_within(..20);
        let lined_up: Vec<MapPoint> = (0..50).map(|i| p(f64::from(i * 7 % 50), 3.0)).collect();
        let same: Vec<MapPoint> = vec![p(1.0, 1.0); 5];
        for points in [scattered, lined_up, same] {
            let edges = spanning_tree(&points).edges;
            assert_eq!(edges.len(), points.len() - 1, "every point is joined");
            let (ours, reference) = (length(&points, &edges), prim(&points));
            assert!(
                (ours - reference).abs() < 1e-6,
                "{ours} against {reference}"
            );
        }
    }
}
