//! What the map draws, counted: the summary line that people, tests and embedding pages read.

use super::atlas::{Atlas, LinkKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Partnerships, networks and events drawn.
    pub links: usize,
    pub partnerships: usize,
    pub networks: usize,
    pub events: usize,
    /// Places drawn.
    pub places: usize,
    /// Of the links, those between places beyond the map only: counted and listed, not drawn.
    pub beyond: usize,
}

impl Summary {
    /// Counts the links of `atlas` for which `shown` is true, with `places` places drawn.
    pub fn count(atlas: &Atlas, shown: &[bool], places: usize) -> Summary {
        let mut s = Summary {
            places,
            ..Summary::default()
        };
        for (link, _) in atlas.links.iter().zip(shown).filter(|(_, &shown)| shown) {
            s.links += 1;
            if link.places.iter().all(|&p| atlas.places[p].beyond) {
                s.beyond += 1;
            }
            match link.kind {
                LinkKind::Partnership(_) => s.partnerships += 1,
                LinkKind::Network(_) => s.networks += 1,
                LinkKind::Event => s.events += 1,
            }
        }
        s
    }
}
