//! The visible links as a few SVG paths: one per kind, theme colour and dating, in map units.
//!
//! A path is rebuilt only when the filters change; moving the map moves them all through one
//! transform. Arcs that join the same two places in the same style are drawn once, since a
//! second identical stroke adds nothing but cost.

use std::collections::HashSet;

use crate::core::atlas::{Atlas, LinkKind, Record};
use crate::core::filter::{Filters, LinkFacts};

/// How a batch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinkStyle {
    /// Drawn bottom to top: meetings, networks, partnerships.
    pub layer: u8,
    pub kind: LinkKind,
    /// With themes chosen, the colour of the first chosen theme (in the dataset's order) the
    /// link has, by its index among the dataset's themes.
    pub theme: Option<usize>,
    /// Set for links without years while a year is chosen (drawn faint).
    pub undated: bool,
}

/// One path of the map's links.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkBatch {
    pub style: LinkStyle,
    pub d: String,
    /// How many of the visible links this path draws.
    pub links: usize,
}

/// The layer a record's glyph is drawn in; higher is on top.
pub fn layer(record: Record) -> u8 {
    match record {
        Record::Event(_) => 0,
        Record::Network(_) => 1,
        Record::Partnership(_) => 2,
    }
}

/// How links are styled under a set of filters, worked out once for all links.
pub struct Styler<'a> {
    /// The chosen themes with their index among the dataset's, in the dataset's order.
    chosen: Vec<(usize, &'a str)>,
    years: bool,
}

impl<'a> Styler<'a> {
    /// `themes` are the dataset's theme ids in order.
    pub fn new(filters: &Filters, themes: &'a [String]) -> Styler<'a> {
        Styler {
            chosen: themes
                .iter()
                .enumerate()
                .filter(|(_, t)| filters.themes.contains(*t))
                .map(|(i, t)| (i, t.as_str()))
                .collect(),
            years: filters.years.is_some(),
        }
    }

    /// The style `link` is drawn in.
    pub fn style(&self, atlas: &Atlas, facts: &[LinkFacts], link: usize) -> LinkStyle {
        let (glyph, fact) = (&atlas.links[link], &facts[link]);
        LinkStyle {
            layer: layer(glyph.record),
            kind: glyph.kind,
            theme: self
                .chosen
                .iter()
                .find(|(_, t)| fact.themes.iter().any(|own| own == t))
                .map(|(i, _)| *i),
            undated: !fact.is_dated() && self.years,
        }
    }
}

/// The batches for the links `shown` (per atlas link), bottom layer first.
pub fn link_batches(
    atlas: &Atlas,
    facts: &[LinkFacts],
    shown: &[bool],
    filters: &Filters,
    themes: &[String],
) -> Vec<LinkBatch> {
    let styler = Styler::new(filters, themes);
    // Few styles: a sorted list is smaller and as fast as a map.
    let mut batches: Vec<LinkBatch> = Vec::new();
    // The (one end, other end, style) of the arcs drawn so far: a set, since a hub's many
    // strokes would make a list per place quadratic.
    let mut drawn: HashSet<(usize, usize, LinkStyle)> = HashSet::new();
    for (i, link) in atlas.links.iter().enumerate() {
        if !shown.get(i).copied().unwrap_or(false) || link.strokes.is_empty() {
            continue;
        }
        let style = styler.style(atlas, facts, i);
        let at = match batches.binary_search_by(|b| b.style.cmp(&style)) {
            Ok(at) => at,
            Err(at) => {
                let batch = LinkBatch {
                    style,
                    d: String::new(),
                    links: 0,
                };
                batches.insert(at, batch);
                at
            }
        };
        let batch = &mut batches[at];
        batch.links += 1;
        for stroke in &link.strokes {
            let (a, b) = stroke.ends;
            if drawn.insert((a.min(b), a.max(b), style)) {
                stroke.curve.push_path(&mut batch.d);
            }
        }
    }
    batches
}

/// The shown links that touch `place`, top layer first, at most `limit` of them: drawn one
/// by one over the batches when the place is hovered or selected.
pub fn links_of(atlas: &Atlas, shown: &[bool], place: usize, limit: usize) -> Vec<usize> {
    let touching: Vec<usize> = (0..atlas.links.len())
        .filter(|&i| shown.get(i).copied().unwrap_or(false))
        .filter(|&i| atlas.links[i].places.contains(&place))
        .collect();
    // Partnerships, then networks, then meetings: three passes cost less than a sort.
    (0..3)
        .rev()
        .flat_map(|top| {
            touching
                .iter()
                .copied()
                .filter(move |&i| layer(atlas.links[i].record) == top)
        })
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::atlas::fixtures::{facts, towns_along};

    fn atlas(pairs: &[(usize, usize)]) -> Atlas {
        towns_along(&[0.0, 10.0, 20.0, 30.0], pairs)
    }

    #[test]
    fn one_path_per_style_and_shared_ends_drawn_once() {
        let atlas = atlas(&[(0, 1), (1, 0), (2, 3)]);
        let facts = facts(&[&["a"], &["a"], &["b"]]);
        let themes = ["a".to_string(), "b".to_string()];
        let all = link_batches(&atlas, &facts, &[true; 3], &Filters::default(), &themes);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].links, 3, "every visible link is counted");
        assert_eq!(all[0].d.matches('M').count(), 2, "0–1 and 1–0 are one arc");

        let by_theme = Filters {
            themes: ["a".to_string(), "b".to_string()].into(),
            ..Filters::default()
        };
        let coloured = link_batches(&atlas, &facts, &[true, false, true], &by_theme, &themes);
        let summary: Vec<(Option<usize>, usize)> =
            coloured.iter().map(|b| (b.style.theme, b.links)).collect();
        assert_eq!(summary, vec![(Some(0), 1), (Some(1), 1)]);
    }

    #[test]
    fn the_links_of_a_place_are_the_shown_ones_touching_it() {
        let atlas = atlas(&[(0, 1), (1, 2), (2, 3)]);
        assert_eq!(links_of(&atlas, &[true, true, true], 1, 10), vec![0, 1]);
        assert_eq!(links_of(&atlas, &[true, false, true], 1, 10), vec![0]);
        assert_eq!(links_of(&atlas, &[true, true, true], 1, 1).len(), 1);
    }
}
