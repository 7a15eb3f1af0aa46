//! The map's frame: the edge of the region, where a link to a partner beyond it leaves the map.
//!
//! Half of a region's twinnings reach a place outside it (Lyon, Bologna, a town in the USA).
//! The map never zooms out that far; instead such a link runs from its place in the region
//! along the great circle towards the partner and ends where it crosses the frame. The frame is
//! cut into stretches of about 150 km: every link that leaves through one stretch ends at the
//! stretch's middle, where one edge marker points the way and counts them.

use super::projection::{MapPoint, Projection};
use super::region::{LonLatBox, REGION};
use super::sphere::GreatArc;

/// A side of the region's box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    South,
    East,
    North,
    West,
}

/// Each side in stretches of about 150 km: 2° of longitude at 47°N, 3.8° at 71°N, 1.5° of
/// latitude along the meridians.
const STRETCHES: [(Side, usize); 4] = [
    (Side::South, 23),
    (Side::East, 16),
    (Side::North, 12),
    (Side::West, 16),
];

/// One stretch of the frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stretch {
    pub side: Side,
    /// Its middle, where its links end, in longitude and latitude and in map units.
    pub lonlat: (f64, f64),
    pub at: MapPoint,
    /// The unit vector in map units pointing out of the region there: where its marker points.
    pub outward: (f64, f64),
}

/// The frame's stretches, in order round the region: the south side west to east, the east
/// side south to north, the north side east to west, the west side north to south.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    pub stretches: Vec<Stretch>,
}

impl Frame {
    pub fn new(projection: &Projection) -> Frame {
        let r = REGION;
        let mut stretches = Vec::new();
        for (side, n) in STRETCHES {
            for i in 0..n {
                let t = (i as f64 + 0.5) / n as f64;
                let lonlat = on_side(&r, side, t);
                // Half a degree out of the region, across the side.
                let outside = match side {
                    Side::South => (lonlat.0, lonlat.1 - 0.5),
                    Side::East => (lonlat.0 + 0.5, lonlat.1),
                    Side::North => (lonlat.0, lonlat.1 + 0.5),
                    Side::West => (lonlat.0 - 0.5, lonlat.1),
                };
                let (Some(at), Some(out)) = (
                    projection.project(lonlat.0, lonlat.1),
                    projection.project(outside.0, outside.1),
                ) else {
                    continue;
                };
                let (dx, dy) = (out.x - at.x, out.y - at.y);
                let length = (dx * dx + dy * dy).sqrt().max(f64::MIN_POSITIVE);
                stretches.push(Stretch {
                    side,
                    lonlat,
                    at,
                    outward: (dx / length, dy / length),
                });
            }
        }
        Frame { stretches }
    }

    /// The stretch through which the great circle from `inside` (in the region) towards
    /// `beyond` (outside it) leaves the region, by index; `None` if `inside` is not inside or
    /// `beyond` not beyond.
    pub fn exit(&self, inside: (f64, f64), beyond: (f64, f64)) -> Option<usize> {
        let (side, along) = crossing(&REGION, inside, beyond)?;
        self.stretches
            .iter()
            .enumerate()
            .filter(|(_, s)| s.side == side)
            .map(|(i, _)| i)
            .nth({
                let n = STRETCHES
                    .iter()
                    .find(|(s, _)| *s == side)
                    .map_or(1, |s| s.1);
                ((along * n as f64).floor() as usize).min(n - 1)
            })
    }
}

/// The point a fraction `t` along a side of `region`, in the order `Frame` numbers stretches
/// (round the region: south west to east, east south to north, north east to west, west north
/// to south).
fn on_side(region: &LonLatBox, side: Side, t: f64) -> (f64, f64) {
    let r = region;
    match side {
        Side::South => (r.west + t * (r.east - r.west), r.south),
        Side::East => (r.east, r.south + t * (r.north - r.south)),
        Side::North => (r.east - t * (r.east - r.west), r.north),
        Side::West => (r.west, r.north - t * (r.north - r.south)),
    }
}

/// Where the great circle from `inside` to `beyond` first leaves `region`: the side, and how
/// far along it (0 to 1, in the order `Frame` numbers stretches).
///
/// Each side is a meridian or a parallel, so the arc's crossings with it are known in closed
/// form (`GreatArc`); the exit is the nearest crossing within the side's span after which the
/// arc is outside (a circle that only grazes a side, or starts on it heading in, goes on).
fn crossing(region: &LonLatBox, inside: (f64, f64), beyond: (f64, f64)) -> Option<(Side, f64)> {
    if !region.contains(inside.0, inside.1) || region.contains(beyond.0, beyond.1) {
        return None;
    }
    let arc = GreatArc::new(inside, beyond)?;
    // A hair's breadth in degrees, for points computed to lie on a side.
    const SLACK: f64 = 1e-9;
    let within = |v: f64, low: f64, high: f64| v >= low - SLACK && v <= high + SLACK;
    let parallels = [(Side::South, region.south), (Side::North, region.north)]
        .into_iter()
        .flat_map(|(side, lat)| arc.parallel_crossings(lat).map(move |theta| (theta, side)));
    let meridians = [(Side::East, region.east), (Side::West, region.west)]
        .into_iter()
        .flat_map(|(side, lon)| arc.meridian_crossings(lon).map(move |theta| (theta, side)));
    // About a metre on, to tell leaving from grazing.
    const STEP: f64 = 1.5e-7;
    // The nearest of the crossings after which the arc is outside (a handful, so no sort).
    let (_, side, lon, lat) = parallels
        .chain(meridians)
        .filter_map(|(theta, side)| {
            let (lon, lat) = arc.point(theta);
            let on_side = match side {
                Side::South | Side::North => within(lon, region.west, region.east),
                Side::East | Side::West => within(lat, region.south, region.north),
            };
            let (after_lon, after_lat) = arc.point((theta + STEP).min(arc.angle));
            (on_side && !region.contains(after_lon, after_lat)).then_some((theta, side, lon, lat))
        })
        .min_by(|x, y| x.0.total_cmp(&y.0))?;
    let fraction = |v: f64, from: f64, to: f64| ((v - from) / (to - from)).clamp(0.0, 1.0);
    let along = match side {
        Side::South => fraction(lon, region.west, region.east),
        Side::East => fraction(lat, region.south, region.north),
        Side::North => fraction(lon, region.east, region.west),
        Side::West => fraction(lat, region.north, region.south),
    };
    Some((side, along))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> (Frame, Projection) {
        let p = Projection::etrs89_laea();
        (Frame::new(&p), p)
    }

    #[test]
    fn links_leave_through_the_side_towards_their_partner() {
        let (frame, _) = frame();
        let hamburg = (9.99, 53.55);
        let side = |beyond| frame.exit(hamburg, beyond).map(|i| frame.stretches[i].side);
        assert_eq!(side((4.83, 45.76)), Some(Side::South), "Lyon");
        assert_eq!(side((11.34, 44.49)), Some(Side::South), "Bologna");
        assert_eq!(side((37.62, 55.75)), Some(Side::East), "Moscow");
        assert_eq!(
            side((-9.14, 38.72)),
            Some(Side::South),
            "Lisbon, past the west corner"
        );
        // Chicago: the great circle from Hamburg runs north-west, over the Atlantic.
        assert!(matches!(
            side((-87.63, 41.88)),
            Some(Side::West | Side::North)
        ));
        assert_eq!(
            frame.exit(hamburg, (12.57, 55.68)),
            None,
            "Copenhagen is inside"
        );
        assert_eq!(frame.exit((4.83, 45.76), hamburg), None, "not from inside");
    }

    /// The crossing found by walking the arc in fine steps, as it was once computed.
    fn walked(inside: (f64, f64), beyond: (f64, f64)) -> (f64, f64) {
        let at = |t: f64| crate::core::geo::sphere::point_at_ratio(inside, beyond, t);
        let (mut inner, mut outer) = (0.0, 1.0);
        for i in 1..=4096 {
            let t = i as f64 / 4096.0;
            let (lon, lat) = at(t);
            if !REGION.contains(lon, lat) {
                outer = t;
                break;
            }
            inner = t;
        }
        for _ in 0..40 {
            let mid = (inner + outer) / 2.0;
            let (lon, lat) = at(mid);
            if REGION.contains(lon, lat) {
                inner = mid;
            } else {
                outer = mid;
            }
        }
        at(outer)
    }

    #[test]
    fn the_exit_is_where_walking_the_arc_leaves_the_region() {
        let insides = [
            (9.99, 53.55),
            (-10.9, 47.1),
            (34.9, 70.9),
            (24.94, 60.17),
            (5.0, 58.0),
        ];
        let mut checked = 0;
        for &inside in &insides {
            for lon in (-180..180).step_by(7) {
                for lat in (-85..=85).step_by(6) {
                    let beyond = (lon as f64 + 0.5, lat as f64 + 0.25);
                    let Some((side, along)) = crossing(&REGION, inside, beyond) else {
                        assert!(
                            REGION.contains(beyond.0, beyond.1),
                            "{inside:?} → {beyond:?}"
                        );
                        continue;
                    };
                    let found = on_side(&REGION, side, along);
                    let walked = walked(inside, beyond);
                    let off = (found.0 - walked.0).abs().max((found.1 - walked.1).abs());
                    assert!(
                        off < 1e-4,
                        "{inside:?} → {beyond:?}: {found:?}, walked {walked:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn neighbouring_partners_share_a_stretch_and_markers_point_outwards() {
        let (frame, p) = frame();
        let berlin = (13.40, 52.52);
        let munich_south = frame.exit(berlin, (11.25, 43.77)); // Florence
        let bologna = frame.exit(berlin, (11.34, 44.49));
        assert_eq!(munich_south, bologna);
        let south = &frame.stretches[bologna.unwrap()];
        assert!(
            south.outward.1 > 0.9,
            "south is down the screen: {:?}",
            south.outward
        );
        let at = p.project(south.lonlat.0, south.lonlat.1).unwrap();
        assert!(at.distance(south.at) < 1e-9);
        assert_eq!(frame.stretches.len(), 67);
    }
}
