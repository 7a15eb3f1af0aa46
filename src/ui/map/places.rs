//! Place markers and their labels, in screen pixels (`core::scene::places` decides which places
//! get a marker and which a dot). A marker keeps its element while its place stays in the
//! scene; moving the map changes its `transform`, the label placement its label.

use leptos::prelude::*;

use crate::core::labels::{estimated_width, place_labels, LabelRequest, Side};
use crate::core::scene::places::{place_scene, priority, PlaceScene};
use crate::ui::i18n::language;
use crate::ui::palette::{kind_name, shape};
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

use super::paths::{draw, Batch};

const LABEL_FONT_PX: f64 = 12.0;
const LABEL_HEIGHT_PX: f64 = 15.0;

#[component]
pub fn PlaceLayer() -> impl IntoView {
    let state = use_map_state();
    let scene = scene(&state);
    let sides = label_sides(&state, scene);

    let batches = move || {
        scene.with(|s| {
            let ring = |class: &str, (d, count): &(String, usize)| Batch {
                class: class.to_string(),
                d: d.clone(),
                count: *count,
                stroke: None,
                record: None,
            };
            let dots = s.dots.iter().map(|(kind, d, count)| Batch {
                class: format!("dot dot-{}", kind_name(*kind)),
                d: d.clone(),
                count: *count,
                stroke: None,
                record: None,
            });
            let rings = [
                ring("network-hub", &s.network_rings),
                ring("event-hub", &s.meeting_rings),
            ];
            draw(rings.into_iter().chain(dots).collect())
        })
    };
    // Keyed by place, in the atlas's order: a marker keeps its element while its place stays in
    // the scene, and the elements never change order (moving a focused element in the document
    // would take the keyboard focus from it), so the focus stays on the place it was on.
    let markers = move || {
        let mut markers = scene.with(|s| s.markers.clone());
        crate::core::sorting::sort_indices(&mut markers, &|a, b| a.cmp(&b));
        markers
    };
    // The keyboard's events are the layer's, not each marker's: a filter change replaces
    // most markers, and three listeners apiece were most of the cost of drawing one.
    let (on_key, on_focus, on_blur) = (state.clone(), state.hovered, state.hovered);
    view! {
        // Dots and rings come in tenths of a pixel (`push_circle`).
        <g class="hubs" aria-hidden="true" transform="scale(0.1)">{batches}</g>
        // Out of the keyboard's order: an SVG element with focus listeners is a tab stop of
        // its own in Chromium.
        <g
            class="places"
            tabindex="-1"
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    if let Some(i) = marker_of(ev.target()) {
                        ev.prevent_default();
                        on_key.select_place(i);
                    }
                }
            }
            on:focusin=move |ev| {
                if let Some(i) = marker_of(ev.target()) {
                    on_focus.set(Some(i));
                }
            }
            on:focusout=move |_| on_blur.set(None)
        >
            <For each=markers key=|&i| i children=move |i| marker(&state, sides, i)/>
        </g>
    }
}

/// The atlas index of the marker an event of the places' layer reached.
fn marker_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    super::marked(target, "data-index")
}

/// What is drawn at the current view, for the filters' places and links.
fn scene(state: &MapState) -> Memo<PlaceScene> {
    let prepared = state.prepared.clone();
    let (transform, visible, camera, selected, drawn) = (
        state.transform,
        state.visible,
        state.camera,
        state.selected_place,
        state.drawn_places,
    );
    Memo::new(move |_| {
        let t = transform.get();
        let camera = camera.get();
        // The hovered place is not among them: hovering a dot names it in the tooltip, and
        // does not redraw the markers.
        let focus = [selected.get()];
        visible.with(|v| {
            place_scene(
                &prepared.atlas,
                &drawn.get(),
                &v.links,
                &t,
                (camera.width, camera.height),
                &focus,
            )
        })
    })
}

/// One place's marker: focusable, named for screen readers, with its label where one fits.
/// A click on it reaches the map, which finds the place under the pointer (`Gestures::on_click`);
/// the keyboard's events reach the layer (`PlaceLayer`).
fn marker(state: &MapState, sides: Memo<Vec<Option<Side>>>, i: usize) -> impl IntoView {
    let glyph = &state.prepared.atlas.places[i];
    let place = &state.prepared.loaded.dataset.places[glyph.place];
    let at = glyph.at;
    let kind = kind_name(place.kind);
    let (transform, hovered, selected) = (state.transform, state.hovered, state.selected_place);
    let class = move || {
        let mut class = format!("place place-{kind}");
        if selected.get() == Some(i) {
            class.push_str(" selected");
        }
        if hovered.get() == Some(i) {
            class.push_str(" hovered");
        }
        class
    };
    let position = move || {
        let (x, y) = transform.get().apply(at);
        format!("translate({x:.1} {y:.1})")
    };
    // The side is a class: the stylesheet sets the label's anchor and offset for each.
    let label_class = move || match sides.with(|s| s.get(i).copied().flatten()) {
        Some(Side::Right) => "label label-right",
        Some(Side::Left) => "label label-left",
        Some(Side::Above) => "label label-above",
        Some(Side::Below) => "label label-below",
        None => "label hidden",
    };
    let shown = place.display_name(language());
    let name = format!("{shown}, {}", text::country(&place.country));
    view! {
        <g
            class=class
            transform=position
            data-place=place.id.clone()
            data-index=i
            role="button"
            tabindex="0"
            aria-label=name
        >
            <path class="marker-shape" d=shape(place.kind)></path>
            <text class=label_class dominant-baseline="central">{shown}</text>
        </g>
    }
}

/// Which markers' labels fit, and on which side, per atlas place. The selected and hovered
/// places are labelled first.
fn label_sides(state: &MapState, scene: Memo<PlaceScene>) -> Memo<Vec<Option<Side>>> {
    let prepared = state.prepared.clone();
    let (transform, camera, selected, hovered) = (
        state.transform,
        state.camera,
        state.selected_place,
        state.hovered,
    );
    Memo::new(move |_| {
        let t = transform.get();
        let camera = camera.get();
        let focus = [selected.get(), hovered.get()];
        scene.with(|scene| {
            let requests: Vec<LabelRequest> = scene
                .markers
                .iter()
                .map(|&i| {
                    let glyph = &prepared.atlas.places[i];
                    let name = prepared.loaded.dataset.places[glyph.place].display_name(language());
                    let (x, y) = t.apply(glyph.at);
                    LabelRequest {
                        x,
                        y,
                        width: estimated_width(&name, LABEL_FONT_PX),
                        height: LABEL_HEIGHT_PX,
                        priority: priority(&prepared.atlas, i, &focus),
                    }
                })
                .collect();
            let placed = place_labels(&requests, camera.width, camera.height);
            let mut sides = vec![None; prepared.atlas.places.len()];
            for (&i, side) in scene.markers.iter().zip(placed) {
                sides[i] = side;
            }
            sides
        })
    })
}
