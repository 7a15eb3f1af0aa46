//! The links between groups of places (`clusters`), as flowmap.gl and FlowmapBlue draw flows:
//! every shown link between two groups becomes one arc whose width says how many links it
//! stands for. The number of arcs is bounded by what the level's groups can join, not by the
//! data; links within one group are drawn once the visitor zooms in far enough to split it.
//!
//! Two groups are joined by one arc whatever the kinds and themes of its links: it is drawn in
//! the style most of them have. An arc per style drew the same curve once per kind or chosen
//! theme, one over another, so that the one on top hid the others and its count (a part of
//! the links between the two groups) was all that hovering it told; and the browser
//! rasterised every copy (at 100,000 links, six themes made 21,000 arcs of 10,000 pairs).
//! Only while a year is chosen are the links of unknown years kept on the map an arc of their
//! own: they stay as they are from one year to the next, so that a step of the year slider
//! changes the dated links' paths alone, and the browser need not draw the others again.

use super::clusters::Level;
use super::links::{LinkStyle, Styler};
use crate::core::atlas::Atlas;
use crate::core::filter::{Filters, LinkFacts};
use crate::core::geo::arc::Curve;
use crate::core::geo::MapPoint;

/// Where an aggregated arc ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlowEnd {
    /// A group of the level, by index.
    Group(u32),
    /// A stretch of the map's frame, towards partners beyond the map.
    Exit(usize),
}

/// One aggregated arc.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub from: FlowEnd,
    pub to: FlowEnd,
    /// The style most of its links are drawn in.
    pub style: LinkStyle,
    /// How many shown links it stands for, of every style.
    pub links: usize,
    pub curve: Curve,
}

/// Width classes of arcs by the links they stand for: 1, 2–4, 5–14, 15–49, 50 and more.
pub const WEIGHT_STEPS: [usize; 4] = [2, 5, 15, 50];

/// The width class of an arc standing for `links` links, 0 (one link) to 4.
pub fn weight(links: usize) -> u8 {
    WEIGHT_STEPS.iter().filter(|&&step| links >= step).count() as u8
}

/// One drawn path of arcs of one style and width class.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowBatch {
    pub style: LinkStyle,
    pub weight: u8,
    pub d: String,
    /// How many arcs it draws.
    pub arcs: usize,
}

/// The aggregated arcs of the links `shown` at `level`, the heaviest first.
pub fn flows(
    atlas: &Atlas,
    level: &Level,
    facts: &[LinkFacts],
    shown: &[bool],
    filters: &Filters,
    themes: &[String],
) -> Vec<Flow> {
    let styler = Styler::new(filters, themes);
    // Each stroke between two groups as one number, (from, to, undated, style) packed, so that one sort
    // of plain integers gathers them: far smaller in the page than a map keyed by tuples, and
    // as fast. A link's own strokes are gathered first, so that a network's many spokes between
    // two groups count it once.
    let mut styles: Vec<LinkStyle> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    let mut own: Vec<u64> = Vec::new();
    for (i, link) in atlas.links.iter().enumerate() {
        if !shown.get(i).copied().unwrap_or(false) || link.strokes.is_empty() {
            continue;
        }
        let style = styler.style(atlas, facts, i);
        let style = match styles.iter().position(|s| *s == style) {
            Some(at) => at,
            None => {
                styles.push(style);
                styles.len() - 1
            }
        };
        own.clear();
        for stroke in &link.strokes {
            let group = |p: usize| level.group_of.get(p).copied().flatten();
            let Some(a) = group(stroke.ends.0) else {
                continue;
            };
            let ends = match stroke.exit {
                Some(exit) => (FlowEnd::Group(a), FlowEnd::Exit(exit)),
                None => match group(stroke.ends.1) {
                    Some(b) if b != a => (FlowEnd::Group(a.min(b)), FlowEnd::Group(a.max(b))),
                    _ => continue,
                },
            };
            if let Some(key) = pack(ends, styles[style].undated, style) {
                own.push(key);
            }
        }
        own.sort_unstable();
        own.dedup();
        keys.extend_from_slice(&own);
    }
    keys.sort_unstable();
    let at = |end: FlowEnd| match end {
        FlowEnd::Group(g) => level.groups.get(g as usize).map(|g| g.at),
        FlowEnd::Exit(e) => atlas.frame.stretches.get(e).map(|s| s.at),
    };
    let mut out: Vec<Flow> = Vec::new();
    for run in keys.chunk_by(|a, b| a >> STYLE_BITS == b >> STYLE_BITS) {
        // Within the run, each style's links are a run of their own; the longest names the
        // style (the first of equals, so the same data always draws alike).
        let most =
            run.chunk_by(|a, b| a == b)
                .reduce(|best, same| if same.len() > best.len() { same } else { best });
        let Some(most) = most else {
            continue;
        };
        let (from, to, style) = unpack(most[0]);
        let (Some(&style), Some(a), Some(b)) = (styles.get(style), at(from), at(to)) else {
            continue;
        };
        out.push(Flow {
            from,
            to,
            style,
            links: run.len(),
            curve: bent(a, b),
        });
    }
    // Heaviest first, then in the packed order: the same order on every run.
    let mut order: Vec<u64> = out
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (u64::from(u32::MAX - f.links.min(u32::MAX as usize) as u32) << 32) | i as u64
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Flow>> = out.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|key| slots.get_mut((key & u64::from(u32::MAX)) as usize)?.take())
        .collect()
}

/// Bits of an arc's end in its packed key: groups below 2^21, stretches of the frame above.
const END_BITS: u32 = 22;
const EXIT_FLAG: u64 = 1 << (END_BITS - 1);

fn pack_end(end: FlowEnd) -> Option<u64> {
    let code = match end {
        FlowEnd::Group(g) => u64::from(g),
        FlowEnd::Exit(e) => EXIT_FLAG | e as u64,
    };
    let fits = match end {
        FlowEnd::Group(_) => code < EXIT_FLAG,
        FlowEnd::Exit(_) => code < (1 << END_BITS),
    };
    fits.then_some(code)
}

fn unpack_end(code: u64) -> FlowEnd {
    match code & EXIT_FLAG {
        0 => FlowEnd::Group(code as u32),
        _ => FlowEnd::Exit((code & (EXIT_FLAG - 1)) as usize),
    }
}

/// Bits of the style's index in a packed key, below the two ends and whether it is undated.
const STYLE_BITS: u32 = 64 - 2 * END_BITS - 1;

/// (from, to, undated, style index) as one number, ordered so: an arc is a run of keys equal
/// above the style's bits.
fn pack((from, to): (FlowEnd, FlowEnd), undated: bool, style: usize) -> Option<u64> {
    let style = u64::try_from(style).ok().filter(|&s| s < 1 << STYLE_BITS)?;
    let ends = (pack_end(from)? << END_BITS) | pack_end(to)?;
    Some((((ends << 1) | u64::from(undated)) << STYLE_BITS) | style)
}

fn unpack(key: u64) -> (FlowEnd, FlowEnd, usize) {
    let mask = (1u64 << END_BITS) - 1;
    let ends = key >> (STYLE_BITS + 1);
    (
        unpack_end(ends >> END_BITS),
        unpack_end(ends & mask),
        (key & ((1 << STYLE_BITS) - 1)) as usize,
    )
}

/// A gentle curve from `from` to `to`, bowed to the left of the way it goes, so that flows
/// from one group fan out instead of lying on top of each other.
fn bent(from: MapPoint, to: MapPoint) -> Curve {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    const BOW: f64 = 0.18;
    Curve {
        from,
        control: MapPoint {
            x: (from.x + to.x) / 2.0 + dy * BOW,
            y: (from.y + to.y) / 2.0 - dx * BOW,
        },
        to,
    }
}

/// The flows as paths, one per style and width class: by layer, and within one thin arcs
/// under heavy ones.
pub fn flow_batches(flows: &[Flow]) -> Vec<FlowBatch> {
    let mut batches: Vec<FlowBatch> = Vec::new();
    for flow in flows {
        let key = (flow.style.layer, weight(flow.links), flow.style);
        let at = match batches.binary_search_by(|b| (b.style.layer, b.weight, b.style).cmp(&key)) {
            Ok(at) => at,
            Err(at) => {
                batches.insert(
                    at,
                    FlowBatch {
                        style: key.2,
                        weight: key.1,
                        d: String::new(),
                        arcs: 0,
                    },
                );
                at
            }
        };
        batches[at].arcs += 1;
        flow.curve.push_path(&mut batches[at].d);
    }
    batches
}

/// The flow under `p` (map units), within `tolerance` map units; the heaviest where several are.
pub fn flow_at(flows: &[Flow], p: MapPoint, tolerance: f64) -> Option<usize> {
    flows.iter().position(|flow| {
        let (min, max) = flow.curve.bounds();
        let near_box = p.x >= min.x - tolerance
            && p.x <= max.x + tolerance
            && p.y >= min.y - tolerance
            && p.y <= max.y + tolerance;
        near_box && flow.curve.distance_to(p) <= tolerance
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::fixtures::{facts, towns_along};
    use crate::core::filter::YearRange;
    use crate::core::scene::clusters::Clusters;

    /// Two clusters of towns 300 km apart (0–2 round x = 0, 3–4 round x = 300) and a town
    /// alone at x = 600.
    fn atlas(pairs: &[(usize, usize)]) -> Atlas {
        towns_along(&[0.0, 3.0, 6.0, 300.0, 303.0, 600.0], pairs)
    }

    /// `n` links without a theme.
    fn untagged(n: usize) -> Vec<LinkFacts> {
        facts(&vec![&[][..]; n])
    }

    #[test]
    fn links_between_two_groups_are_one_arc_counting_them() {
        let pairs = [(0, 3), (1, 4), (2, 3), (4, 0), (0, 1), (3, 5)];
        let atlas = atlas(&pairs);
        let clusters = Clusters::build(&atlas);
        let level = clusters.levels.iter().find(|l| l.radius == 20.0).unwrap();
        let shown = [true; 6];
        let all = flows(
            &atlas,
            level,
            &untagged(6),
            &shown,
            &Filters::default(),
            &[],
        );
        let counts: Vec<usize> = all.iter().map(|f| f.links).collect();
        assert_eq!(
            counts,
            vec![4, 1],
            "four links join the two clusters; 0–1 is within one"
        );
        let batches = flow_batches(&all);
        assert_eq!(batches.iter().map(|b| b.arcs).sum::<usize>(), 2);
        assert_eq!(batches.last().unwrap().weight, weight(4));

        let fewer = [true, false, false, false, true, true];
        let some = flows(
            &atlas,
            level,
            &untagged(6),
            &fewer,
            &Filters::default(),
            &[],
        );
        assert_eq!(some.iter().map(|f| f.links).collect::<Vec<_>>(), vec![1, 1]);

        let finest = clusters.levels.last().unwrap();
        let alone = flows(
            &atlas,
            finest,
            &untagged(6),
            &shown,
            &Filters::default(),
            &[],
        );
        assert_eq!(alone.len(), 6, "every place alone: one arc per link");
    }

    #[test]
    fn links_of_several_themes_between_two_groups_are_one_arc_in_the_most_common() {
        // Between the two clusters: two links of culture, one of sport, one of both.
        let atlas = atlas(&[(0, 3), (1, 4), (2, 3), (4, 0)]);
        let clusters = Clusters::build(&atlas);
        let level = clusters.levels.iter().find(|l| l.radius == 20.0).unwrap();
        let facts = facts(&[
            &["sport"],
            &["culture"],
            &["culture"],
            &["sport", "culture"],
        ]);
        let themes = ["culture".to_string(), "sport".to_string()];
        let filters = Filters {
            themes: themes.iter().cloned().collect(),
            ..Filters::default()
        };
        let arcs = flows(&atlas, level, &facts, &[true; 4], &filters, &themes);
        assert_eq!(arcs.len(), 1, "one arc, not one per theme: {arcs:?}");
        assert_eq!(arcs[0].links, 4, "it counts every link between the two");
        assert_eq!(
            arcs[0].style.theme,
            Some(0),
            "culture, the theme three of the four are drawn in"
        );
    }

    #[test]
    fn while_a_year_is_chosen_the_links_of_unknown_years_are_an_arc_of_their_own() {
        let atlas = atlas(&[(0, 3), (1, 4), (2, 3)]);
        let clusters = Clusters::build(&atlas);
        let level = clusters.levels.iter().find(|l| l.radius == 20.0).unwrap();
        let mut facts = untagged(3);
        facts[0].since = Some(1990);
        let year = Filters {
            years: Some(YearRange {
                from: 2000,
                to: 2000,
            }),
            undated: true,
            ..Filters::default()
        };
        let arcs = flows(&atlas, level, &facts, &[true; 3], &year, &[]);
        let mut counts: Vec<(bool, usize)> =
            arcs.iter().map(|f| (f.style.undated, f.links)).collect();
        counts.sort();
        assert_eq!(counts, vec![(false, 1), (true, 2)]);
        let every_year = flows(&atlas, level, &facts, &[true; 3], &Filters::default(), &[]);
        assert_eq!(every_year.len(), 1, "with no year chosen, one arc");
        assert_eq!(every_year[0].links, 3);
    }

    #[test]
    fn the_arc_under_the_pointer_is_found() {
        let atlas = atlas(&[(0, 3), (3, 5)]);
        let clusters = Clusters::build(&atlas);
        let level = clusters.levels.last().unwrap();
        let all = flows(
            &atlas,
            level,
            &untagged(2),
            &[true, true],
            &Filters::default(),
            &[],
        );
        let middle = all[0].curve.at(0.5);
        assert!(flow_at(&all, middle, 1.0).is_some());
        assert_eq!(flow_at(&all, MapPoint { x: 150.0, y: 500.0 }, 1.0), None);
    }

    #[test]
    fn arcs_ends_survive_packing() {
        for ends in [
            (FlowEnd::Group(0), FlowEnd::Group(7)),
            (FlowEnd::Group(1_000_000), FlowEnd::Exit(66)),
        ] {
            for undated in [false, true] {
                let key = pack(ends, undated, 3).unwrap();
                assert_eq!(unpack(key), (ends.0, ends.1, 3));
            }
        }
        let never = (FlowEnd::Group(u32::MAX), FlowEnd::Exit(0));
        assert_eq!(pack(never, false, 0), None);
        let ends = (FlowEnd::Group(0), FlowEnd::Group(1));
        assert_eq!(pack(ends, false, 1 << STYLE_BITS), None);
    }

    #[test]
    fn widths_step_with_the_count() {
        assert_eq!(
            [1, 2, 4, 5, 14, 15, 49, 50, 5000].map(weight),
            [0, 1, 1, 2, 2, 3, 3, 4, 4]
        );
    }
}
