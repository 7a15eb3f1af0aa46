//! A colour for each theme, in the dataset's order of themes: CSS variables (`--theme-N` in
//! style.css), so that light and dark schemes each have theirs. Dark enough to read against
//! the pale land and sea (light enough against the dark ones); colour never carries meaning
//! alone (the legend and panels name themes). And the class that styles each kind of link:
//! the map, its legend and the exported image's legend all take it from here; and the shape
//! of each kind of place's marker, for the map and its legend.

use crate::core::atlas::LinkKind;
use crate::core::model::{NetworkKind, PartnershipKind, PlaceKind};

const COLOURS: [&str; 17] = [
    "var(--theme-0)",
    "var(--theme-1)",
    "var(--theme-2)",
    "var(--theme-3)",
    "var(--theme-4)",
    "var(--theme-5)",
    "var(--theme-6)",
    "var(--theme-7)",
    "var(--theme-8)",
    "var(--theme-9)",
    "var(--theme-10)",
    "var(--theme-11)",
    "var(--theme-12)",
    "var(--theme-13)",
    "var(--theme-14)",
    "var(--theme-15)",
    "var(--theme-16)",
];

/// The colour of the theme at `index` in the dataset's list; repeats after 17 themes.
pub fn theme_colour(index: usize) -> &'static str {
    COLOURS[index % COLOURS.len()]
}

/// The CSS classes that style a link of `kind` (with `link`), on the map and in both legends.
pub fn kind_class(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Partnership(PartnershipKind::Twinning) => "link-twinning",
        LinkKind::Partnership(PartnershipKind::Friendship) => "link-friendship",
        LinkKind::Partnership(PartnershipKind::CooperationAgreement) => "link-agreement",
        LinkKind::Partnership(PartnershipKind::ProjectPartnership) => "link-project",
        LinkKind::Network(NetworkKind::CityNetwork) => "link-network",
        LinkKind::Network(NetworkKind::SolidarityPact) => "link-network link-pact",
        LinkKind::Network(NetworkKind::Programme) => "link-network link-programme",
        LinkKind::Network(NetworkKind::PartnerTownGroup) => "link-network link-group",
        LinkKind::Event => "link-event",
    }
}

/// A kind of place as its marker's class names it (`place-county`).
pub fn kind_name(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Municipality => "municipality",
        PlaceKind::County => "county",
        PlaceKind::Region => "region",
    }
}

/// Marker shapes as path data, so that every marker is the same kind of element: a circle
/// for a municipality, rounded squares (a larger one for a region) for wider units.
pub fn shape(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Municipality => "M-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0",
        PlaceKind::County => "M-4-6.5h8a2.5 2.5 0 0 1 2.5 2.5v8a2.5 2.5 0 0 1-2.5 2.5h-8a2.5 2.5 0 0 1-2.5-2.5v-8a2.5 2.5 0 0 1 2.5-2.5z",
        PlaceKind::Region => "M-5-8.5h10a3.5 3.5 0 0 1 3.5 3.5v10a3.5 3.5 0 0 1-3.5 3.5h-10a3.5 3.5 0 0 1-3.5-3.5v-10a3.5 3.5 0 0 1 3.5-3.5z",
    }
}
