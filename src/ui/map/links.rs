//! Partnerships as great-circle arcs, networks as spokes from their host.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::atlas::LinkKind;
use crate::core::model::{NetworkKind, PartnershipKind};
use crate::ui::fetch::Prepared;

/// The CSS class that styles a link by its kind; the legend uses the same classes.
fn link_class(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Partnership(PartnershipKind::Twinning) => "link link-twinning",
        LinkKind::Partnership(PartnershipKind::Friendship) => "link link-friendship",
        LinkKind::Partnership(PartnershipKind::CooperationAgreement) => "link link-agreement",
        LinkKind::Partnership(PartnershipKind::ProjectPartnership) => "link link-project",
        LinkKind::Network(NetworkKind::CityNetwork) => "link link-network",
        LinkKind::Network(NetworkKind::SolidarityPact) => "link link-network link-pact",
        LinkKind::Network(NetworkKind::Programme) => "link link-network link-programme",
        LinkKind::Network(NetworkKind::PartnerTownGroup) => "link link-network link-group",
    }
}

#[component]
pub fn LinkLayer(atlas: Arc<Prepared>) -> impl IntoView {
    // Networks first, so that the bilateral arcs they share places with stay on top.
    let mut order: Vec<_> = atlas.atlas.links.iter().collect();
    order.sort_by_key(|link| matches!(link.kind, LinkKind::Partnership(_)));
    let links = order
        .into_iter()
        .filter(|link| !link.d.is_empty())
        .map(|link| view! { <path class=link_class(link.kind) d=link.d.clone() data-link=link.id.clone()></path> })
        .collect_view();
    view! { <g class="links">{links}</g> }
}
