//! Places grouped by distance, one level per halving of the distance, built once per dataset
//! (as mapbox's supercluster does for points): the whole region's view draws the links between
//! groups, and zooming in splits the groups until every place stands for itself.
//!
//! Each level is made from the one below it, so a group at one level is the union of groups at
//! the next finer one and a place never jumps between groups while zooming. A group is led by
//! its most important place (population, links): the group round Hamburg is Hamburg's, and its
//! arcs meet at Hamburg rather than at a centroid in a field.

use super::places::{rank_index, ranked};
use crate::core::atlas::Atlas;
use crate::core::geo::MapPoint;
use crate::core::pause::{at_once, NoPause, Pause};

/// The group radius of the coarsest level, in km; each finer level halves it.
pub const COARSEST_RADIUS_KM: f64 = 320.0;
/// Levels from the coarsest (320 km) down to the finest (2.5 km).
pub const LEVELS: usize = 8;
/// Up to this many places in the region, every place stands for itself at every zoom: there are
/// no more than the map shows as markers anyway (`scene::places::MAX_MARKERS`).
pub const GROUPED_FROM: usize = 150;
/// Places closer on screen than this, in pixels, are drawn as one group.
pub const GROUP_PX: f64 = 48.0;

/// Bits of a grid cell's coordinate, and of an item's index, in the grid's packed keys: 2^20
/// cells of 2.5 km and more span the globe, 2^24 places are more than any dataset's.
const CELL_BITS: u32 = 20;
const CELL_OFFSET: i64 = 1 << (CELL_BITS - 1);
const CELL_MAX: i64 = (1 << CELL_BITS) - 1;
const ITEM_BITS: u32 = 24;

/// One group of places at one level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// The most important place, by atlas index: the group's name and where its arcs meet.
    pub lead: usize,
    pub at: MapPoint,
    /// How many places of the region it holds.
    pub places: usize,
}

/// One level of the hierarchy.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Level {
    /// Places within this distance of a group's lead, in km, joined it (unless an earlier group
    /// took them).
    pub radius: f64,
    pub groups: Vec<Group>,
    /// Per atlas place, its group's index; `None` for partners beyond the map.
    pub group_of: Vec<Option<u32>>,
}

impl Level {
    /// The places drawn at this level, per atlas place: each group's lead, where the group
    /// holds any place of `shown`. The others are drawn within their lead's marker.
    pub fn drawn(&self, shown: &[bool]) -> Vec<bool> {
        let mut group_shown = vec![false; self.groups.len()];
        for (place, group) in self.group_of.iter().enumerate() {
            if let (Some(g), true) = (group, shown.get(place).copied().unwrap_or(false)) {
                if let Some(s) = group_shown.get_mut(*g as usize) {
                    *s = true;
                }
            }
        }
        let mut drawn = vec![false; self.group_of.len()];
        for (g, group) in self.groups.iter().enumerate() {
            if group_shown[g] {
                if let Some(d) = drawn.get_mut(group.lead) {
                    *d = true;
                }
            }
        }
        drawn
    }
}

/// The hierarchy: `levels[0]` is the coarsest.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clusters {
    pub levels: Vec<Level>,
    /// Whether the map draws groups at all: only with more than `GROUPED_FROM` places.
    pub in_use: bool,
}

impl Clusters {
    /// Groups the atlas's places in the region. O(n) per level: each group looks only at the
    /// grid cells within its radius, and leads are at least a radius apart.
    pub fn build(atlas: &Atlas) -> Clusters {
        at_once(Clusters::build_in_slices(atlas, &mut NoPause))
    }

    /// [`Clusters::build`], pausing after the ranking and after each level: on a phone each of
    /// them is a few milliseconds of the start-up, all of them together a long task.
    pub async fn build_in_slices(atlas: &Atlas, pause: &mut impl Pause) -> Clusters {
        // Most important first, then by index, so that the same data always groups alike.
        let mut ranks: Vec<u64> = (0..atlas.places.len())
            .filter(|&p| !atlas.places[p].beyond)
            .map(|p| ranked(atlas.places[p].importance(), p))
            .collect();
        ranks.sort_unstable();
        pause.now().await;
        let order: Vec<usize> = ranks.iter().map(|&k| rank_index(k)).collect();
        // The items of the level being built: singletons first, then each level's groups.
        let mut items: Vec<Group> = order
            .iter()
            .map(|&p| Group {
                lead: p,
                at: atlas.places[p].at,
                places: 1,
            })
            .collect();
        let mut item_of: Vec<Option<u32>> = vec![None; atlas.places.len()];
        for (i, &p) in order.iter().enumerate() {
            item_of[p] = Some(i as u32);
        }
        let mut levels = Vec::with_capacity(LEVELS);
        for depth in (0..LEVELS).rev() {
            let radius = COARSEST_RADIUS_KM / (1u64 << depth) as f64;
            let (groups, joined) = group(&items, radius);
            let group_of = item_of
                .iter()
                .map(|i| i.map(|i| joined[i as usize]))
                .collect::<Vec<_>>();
            items = groups.clone();
            item_of = group_of.clone();
            levels.push(Level {
                radius,
                groups,
                group_of,
            });
            pause.now().await;
        }
        levels.reverse();
        Clusters {
            levels,
            in_use: order.len() > GROUPED_FROM,
        }
    }

    /// The level drawn at `px_per_km` pixels per km: the coarsest whose groups are no wider
    /// on screen than `GROUP_PX`; `None` when places are far enough apart to stand alone.
    pub fn level_at(&self, px_per_km: f64) -> Option<usize> {
        if !self.in_use || px_per_km.is_nan() || px_per_km <= 0.0 {
            return None;
        }
        let wanted = GROUP_PX / px_per_km;
        self.levels.iter().position(|l| l.radius <= wanted)
    }
}

/// Groups `items` (already in importance order) within `radius`: the groups, and per item the
/// index of the group it joined.
fn group(items: &[Group], radius: f64) -> (Vec<Group>, Vec<u32>) {
    // The grid as one sorted list of (cell, item) packed in integers: a cell's items are a run
    // of it, found by binary search.
    let cell = |p: MapPoint| {
        let axis = |v: f64| ((v / radius).floor() as i64 + CELL_OFFSET).clamp(0, CELL_MAX) as u64;
        (axis(p.x), axis(p.y))
    };
    let code = |(x, y): (u64, u64)| (x << CELL_BITS) | y;
    let mut grid: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (code(cell(item.at)) << ITEM_BITS) | i as u64)
        .collect();
    grid.sort_unstable();
    let in_cell = |c: (u64, u64)| {
        let low = code(c) << ITEM_BITS;
        let high = (code(c) + 1) << ITEM_BITS;
        let from = grid.partition_point(|&k| k < low);
        let to = grid.partition_point(|&k| k < high);
        grid[from..to]
            .iter()
            .map(|&k| (k & ((1 << ITEM_BITS) - 1)) as usize)
    };
    let mut joined: Vec<Option<u32>> = vec![None; items.len()];
    let mut groups = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if joined[i].is_some() {
            continue;
        }
        let id = groups.len() as u32;
        let mut group = Group { places: 0, ..*item };
        let (cx, cy) = cell(item.at);
        for x in cx.saturating_sub(1)..=cx + 1 {
            for y in cy.saturating_sub(1)..=cy + 1 {
                for j in in_cell((x, y)) {
                    let near = items[j].at.distance(item.at) <= radius;
                    if joined[j].is_none() && (j == i || near) {
                        joined[j] = Some(id);
                        group.places += items[j].places;
                    }
                }
            }
        }
        groups.push(group);
    }
    // Every item joined a group: its own, if no earlier one took it.
    let joined = joined.into_iter().map(|g| g.unwrap_or(0)).collect();
    (groups, joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::fixtures::town;

    fn atlas(points: &[(f64, f64, u64)]) -> Atlas {
        Atlas {
            places: points
                .iter()
                .enumerate()
                .map(|(i, &(x, y, people))| {
                    let mut glyph = town(i, MapPoint { x, y });
                    glyph.population = Some(people);
                    glyph
                })
                .collect(),
            ..Atlas::default()
        }
    }

    #[test]
    fn a_city_leads_the_towns_round_it_and_groups_nest() {
        // A city of 1.8 million with two suburbs, and a town 100 km away.
        let atlas = atlas(&[
            (10.0, 0.0, 20_000),
            (0.0, 0.0, 1_800_000),
            (4.0, 3.0, 40_000),
            (110.0, 0.0, 90_000),
        ]);
        let clusters = Clusters::build(&atlas);
        assert_eq!(clusters.levels.len(), LEVELS);
        let at = |radius: f64| {
            clusters
                .levels
                .iter()
                .find(|l| l.radius == radius)
                .expect("a level of that radius")
        };
        let twenty = at(20.0);
        let city = twenty.group_of[1].unwrap() as usize;
        assert_eq!(twenty.groups[city].lead, 1, "the city leads");
        assert_eq!(twenty.groups[city].places, 3);
        assert_eq!(twenty.group_of[0], twenty.group_of[2]);
        assert_ne!(twenty.group_of[3], twenty.group_of[1]);
        assert_eq!(
            at(160.0).groups.len(),
            1,
            "all four within 160 km of the city"
        );
        let finest = clusters.levels.last().unwrap();
        assert_eq!(finest.groups.len(), 4, "2.5 km apart or more: each alone");
        // Nesting: places that share a group at a fine level share it at every coarser one.
        for (fine, coarse) in clusters
            .levels
            .iter()
            .rev()
            .zip(clusters.levels.iter().rev().skip(1))
        {
            for a in 0..4 {
                for b in 0..4 {
                    if fine.group_of[a] == fine.group_of[b] {
                        assert_eq!(coarse.group_of[a], coarse.group_of[b]);
                    }
                }
            }
        }
    }

    #[test]
    fn partners_beyond_the_map_are_in_no_group_and_the_level_follows_the_zoom() {
        let mut atlas = atlas(&[(0.0, 0.0, 10), (1.0, 0.0, 10)]);
        atlas.places[1].beyond = true;
        let mut clusters = Clusters::build(&atlas);
        assert_eq!(
            clusters.level_at(GROUP_PX / 320.0),
            None,
            "two places: never grouped"
        );
        clusters.in_use = true;
        assert!(clusters.levels.iter().all(|l| l.group_of[1].is_none()));
        let coarsest = &clusters.levels[0];
        assert_eq!(coarsest.drawn(&[true, true]), vec![true, false]);
        assert_eq!(coarsest.drawn(&[false, true]), vec![false, false]);
        assert_eq!(clusters.level_at(GROUP_PX / 320.0), Some(0));
        assert_eq!(
            clusters.level_at(GROUP_PX / 100.0),
            Some(2),
            "the 80 km level"
        );
        assert_eq!(
            clusters.level_at(GROUP_PX),
            None,
            "1 km on screen per place: alone"
        );
        assert_eq!(clusters.level_at(f64::NAN), None);
        assert_eq!(clusters.level_at(0.0), None);
    }
}
