//! What the map draws, counted: the summary line that people, tests and embedding pages read.

use super::atlas::{Atlas, LinkKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Partnerships and networks drawn.
    pub links: usize,
    pub partnerships: usize,
    pub networks: usize,
    /// Places drawn.
    pub places: usize,
}

impl Summary {
    pub fn of(atlas: &Atlas) -> Summary {
        let partnerships = atlas
            .links
            .iter()
            .filter(|l| matches!(l.kind, LinkKind::Partnership(_)))
            .count();
        let networks = atlas.links.len() - partnerships;
        Summary {
            links: atlas.links.len(),
            partnerships,
            networks,
            places: atlas.places.len(),
        }
    }
}
