//! Partners beyond the map: an arrow at the map's frame for each stretch that shown links leave
//! through, pointing the way, with how many links leave there; hovering or focusing it names
//! the places they lead to, with their countries (`core::scene::beyond`).

use leptos::prelude::*;

use crate::core::scene::beyond::{edge_markers, EdgeMarker};
use crate::ui::i18n::{fill, language, number};
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

/// At most this many places are named on one marker; the count says how many links there are.
const NAMED: usize = 5;

#[component]
pub fn BeyondLayer() -> impl IntoView {
    let state = use_map_state();
    let prepared = state.prepared.clone();
    let (visible, hovered, selected) = (state.visible, state.hovered, state.selected_place);
    // A focused place shows only its own partners beyond the map, one marker per stretch.
    let markers = Memo::new(move |_| {
        let focus = hovered.get().or_else(|| selected.get());
        visible.with(|v| edge_markers(&prepared.atlas, &v.links, focus))
    });
    let pointed = RwSignal::new(None::<usize>);
    // The place a marker leads to, where it leads to one: a click or Enter selects it.
    let single = move |stretch: usize| {
        markers.with(|all| {
            let marker = all.iter().find(|m| m.stretch == stretch)?;
            (marker.places.len() == 1).then(|| marker.places[0])
        })
    };
    let (on_click, on_key, tip_state) = (state.clone(), state.clone(), state.clone());
    // The markers' events are the layer's, not each marker's: six listeners apiece were much
    // of the cost of drawing them at start-up. A marker keeps its element while a filter
    // change leaves it as it was; the one tip is the layer's too.
    let drawn = move || markers.get();
    let tip = move || {
        let stretch = pointed.get()?;
        markers.with(|all| {
            let marker = all.iter().find(|m| m.stretch == stretch)?;
            Some(edge_tip(&tip_state, marker))
        })
    };
    view! {
        <g
            class="beyond"
            on:pointerover=move |ev| pointed.set(edge_of(ev.target()))
            on:pointerout=move |ev| pointed.set(edge_of(ev.related_target()))
            on:focusin=move |ev| pointed.set(edge_of(ev.target()))
            on:focusout=move |_| pointed.set(None)
            on:click=move |ev| {
                let Some(stretch) = edge_of(ev.target()) else {
                    return;
                };
                // Not a click on the map beneath, which would clear the selection.
                ev.stop_propagation();
                if let Some(place) = single(stretch) {
                    on_click.select_place(place);
                }
            }
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    if let Some(place) = edge_of(ev.target()).and_then(single) {
                        ev.prevent_default();
                        on_key.select_place(place);
                    }
                }
            }
        >
            {move || drawn().iter().map(|m| edge_marker(&state, m)).collect_view()}
            {tip}
        </g>
    }
}

/// The stretch of the edge marker an event reached, if it reached one.
pub(super) fn edge_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    super::marked(target, "data-edge")
}

/// "Lyon (France), Bologna (Italy) and 4 more · 7 links".
fn names(state: &MapState, marker: &EdgeMarker) -> String {
    let dataset = &state.prepared.loaded.dataset;
    let atlas = &state.prepared.atlas;
    let mut named: Vec<String> = marker
        .places
        .iter()
        .take(NAMED)
        .map(|&p| {
            let place = &dataset.places[atlas.places[p].place];
            format!(
                "{} ({})",
                place.display_name(language()),
                text::country(&place.country)
            )
        })
        .collect();
    if marker.places.len() > NAMED {
        named.push(format!("+{}", number(marker.places.len() - NAMED)));
    }
    let towards = fill("map.beyond_marker", &[("names", &named.join(", "))]);
    format!(
        "{towards} · {}",
        crate::ui::i18n::count("summary.links", marker.links)
    )
}

/// Where a marker stands on the screen, and the way its stretch of the frame faces.
fn placed(
    state: &MapState,
    marker: &EdgeMarker,
) -> (impl Fn() -> String + Send + Sync + 'static, (f64, f64)) {
    let stretch = state.prepared.atlas.frame.stretches[marker.stretch];
    let transform = state.transform;
    let position = move || {
        let (x, y) = transform.get().apply(stretch.at);
        format!("translate({x:.1} {y:.1})")
    };
    (position, stretch.outward)
}

fn edge_marker(state: &MapState, marker: &EdgeMarker) -> impl IntoView {
    let (position, (dx, dy)) = placed(state, marker);
    let angle = dy.atan2(dx).to_degrees();
    let label = names(state, marker);
    let single = marker.places.len() == 1;
    let count = (marker.links > 1).then(|| number(marker.links));
    view! {
        <g
            class="edge-marker"
            class:single=single
            transform=position
            data-edge=marker.stretch
            data-links=marker.links
            role="button"
            tabindex="0"
            aria-label=label
        >
            <path class="edge-arrow" transform=format!("rotate({angle:.1})") d="M-7-7L6 0L-7 7z"></path>
            {count.map(|n| view! { <text class="edge-count" x=format!("{:.1}", -dx * 16.0) y=format!("{:.1}", -dy * 16.0) dominant-baseline="central" text-anchor="middle">{n}</text> })}
        </g>
    }
}

/// What the marker under the pointer or keyboard focus stands for, beside it.
fn edge_tip(state: &MapState, marker: &EdgeMarker) -> impl IntoView {
    let (position, (dx, dy)) = placed(state, marker);
    let tip = names(state, marker);
    let tip_width = crate::core::labels::estimated_width(&tip, 12.0) + 12.0;
    // The tip opens towards the map's inside, so that it is never cut off by the frame.
    let (tx, ty) = (-dx * 18.0 - tip_width * (1.0 + dx) / 2.0, -dy * 18.0 - 9.0);
    view! {
        <g class="edge-tip" transform=position>
            <g transform=format!("translate({tx:.1} {ty:.1})")>
                <rect width=format!("{tip_width:.0}") height="18" rx="3"></rect>
                <text x="6" y="9" dominant-baseline="central">{tip}</text>
            </g>
        </g>
    }
}
