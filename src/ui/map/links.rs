//! Partnerships as great-circle arcs, networks as spokes from their host, meetings as dotted
//! lines to theirs. Each path is created once; filters, hover and selection only change its
//! classes and colour.

use leptos::prelude::*;

use crate::core::atlas::{LinkKind, Record};
use crate::core::model::{NetworkKind, PartnershipKind};
use crate::ui::palette::theme_colour;
use crate::ui::state::MapState;

/// The CSS class that styles a link by its kind; the legend uses the same classes.
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

/// `dragged`: set while a press is a drag, whose end is not a click on a link.
#[component]
pub fn LinkLayer(state: MapState, dragged: StoredValue<bool>) -> impl IntoView {
    let atlas = &state.prepared.atlas;
    // Meetings, then networks, then the bilateral arcs on top.
    let mut order: Vec<usize> = (0..atlas.links.len())
        .filter(|&i| !atlas.links[i].d.is_empty())
        .collect();
    order.sort_unstable_by_key(|&i| {
        let layer = match atlas.links[i].record {
            Record::Event(_) => 0,
            Record::Network(_) => 1,
            Record::Partnership(_) => 2,
        };
        (layer, i)
    });
    let themes: Vec<String> = state
        .prepared
        .loaded
        .dataset
        .themes
        .iter()
        .map(|t| t.id.clone())
        .collect();

    let paths = order
        .into_iter()
        .map(|i| {
            let link = &state.prepared.atlas.links[i];
            let facts = state.facts[i].clone();
            let touches = link.places.clone();
            let (visible, filters, hovered, selected_place, selected_link) =
                (state.visible, state.filters, state.hovered, state.selected_place, state.selected_link);
            let dated = facts.is_dated();
            let kind = kind_class(link.kind);
            let class = move || {
                let focus = hovered.get().or_else(|| selected_place.get());
                let mut class = format!("link {kind}");
                if let Some(place) = focus {
                    class.push_str(if touches.contains(&place) { " highlighted" } else { " dimmed" });
                }
                if selected_link.get() == Some(i) {
                    class.push_str(" selected");
                }
                if !dated && filters.with(|f| f.years.is_some()) {
                    class.push_str(" undated");
                }
                class
            };
            // With themes chosen, a link takes the colour of the first chosen theme it has. Set as
            // a style property (through the CSSOM, which a strict CSP allows) so it wins over the
            // kind's colour from the stylesheet.
            let themes = themes.clone();
            let stroke = move || {
                filters.with(|f| {
                    themes
                        .iter()
                        .enumerate()
                        .find(|(_, t)| f.themes.contains(*t) && facts.themes.contains(t))
                        .map(|(index, _)| theme_colour(index))
                })
            };
            let group_class = move || match visible.with(|v| v.links.get(i).copied().unwrap_or(false)) {
                true => "link-group",
                false => "link-group hidden",
            };
            let select = state.clone();
            // A wide transparent stroke under the visible one makes thin lines easy to click.
            view! {
                <g class=group_class on:click=move |_| {
                    if !dragged.get_value() {
                        select.select_link(i);
                    }
                }>
                    <path class="link-hit" d=link.d.clone()></path>
                    <path class=class d=link.d.clone() data-link=link.id.clone() style:stroke=stroke></path>
                </g>
            }
        })
        .collect_view();
    view! { <g class="links">{paths}</g> }
}
