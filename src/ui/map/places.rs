//! Place markers and their labels, in screen pixels. Each marker is created once; moving the
//! map only changes its `transform`, filters its visibility, the label placement its label.

use leptos::prelude::*;

use crate::core::atlas::LinkKind;
use crate::core::labels::{estimated_width, place_labels, LabelRequest, Side};
use crate::core::model::PlaceKind;
use crate::ui::state::MapState;

use super::gestures::Gestures;

const LABEL_FONT_PX: f64 = 12.0;
const LABEL_HEIGHT_PX: f64 = 15.0;
/// Where a label's text starts, from the marker's centre.
const LABEL_GAP_PX: f64 = 7.0;

#[component]
pub fn PlaceLayer(state: MapState, gestures: Gestures) -> impl IntoView {
    let sides = label_sides(&state);
    let transform = state.transform;

    let hubs = state
        .prepared
        .atlas
        .links
        .iter()
        .enumerate()
        .filter_map(|(i, link)| Some((i, link.id.clone(), link.hub?, link.kind == LinkKind::Event)))
        .map(|(i, id, hub, meeting)| {
            let at = state.prepared.atlas.places[hub].at;
            let visible = state.visible;
            let (ring, radius) = if meeting {
                ("event-hub", "14.5")
            } else {
                ("network-hub", "10.5")
            };
            let class = move || match visible.with(|v| v.links.get(i).copied().unwrap_or(false)) {
                true => ring.to_string(),
                false => format!("{ring} hidden"),
            };
            let (cx, cy) = (
                move || format!("{:.1}", transform.get().apply(at).0),
                move || format!("{:.1}", transform.get().apply(at).1),
            );
            view! { <circle class=class cx=cx cy=cy r=radius data-hub=id></circle> }
        })
        .collect_view();

    let markers = state
        .prepared
        .atlas
        .places
        .iter()
        .enumerate()
        .map(|(i, glyph)| {
            let place = &state.prepared.loaded.dataset.places[glyph.place];
            let at = glyph.at;
            let kind = match place.kind {
                PlaceKind::Municipality => "municipality",
                PlaceKind::County => "county",
                PlaceKind::Region => "region",
            };
            let shape = match place.kind {
                PlaceKind::Municipality => view! { <circle class="marker-shape" r="4.5"></circle> }.into_any(),
                PlaceKind::County => {
                    view! { <rect class="marker-shape" x="-6.5" y="-6.5" width="13" height="13" rx="2.5"></rect> }.into_any()
                }
                PlaceKind::Region => {
                    view! { <rect class="marker-shape" x="-8.5" y="-8.5" width="17" height="17" rx="3.5"></rect> }.into_any()
                }
            };
            let (visible, hovered, selected) = (state.visible, state.hovered, state.selected_place);
            let class = move || {
                let mut class = format!("place place-{kind}");
                if !visible.with(|v| v.places.get(i).copied().unwrap_or(false)) {
                    class.push_str(" hidden");
                }
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
            let side = move || sides.with(|s| s.get(i).copied().flatten());
            let label_class = move || if side().is_some() { "label" } else { "label hidden" };
            let label_x = move || side().map_or(0.0, |s| offset(s).0);
            let label_y = move || side().map_or(0.0, |s| offset(s).1);
            let label_anchor = move || side().map_or("start", |s| offset(s).2);
            let (on_click, on_key, on_enter, on_leave, on_focus, on_blur) =
                (state.clone(), state.clone(), state.hovered, state.hovered, state.hovered, state.hovered);
            let dragged = gestures.dragged;
            let name = format!("{} ({})", place.name, place.country);
            view! {
                <g
                    class=class
                    transform=position
                    data-place=place.id.clone()
                    role="button"
                    tabindex="0"
                    aria-label=name
                    on:click=move |_| {
                        if !dragged.get_value() {
                            on_click.select_place(i);
                        }
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_key.select_place(i);
                        }
                    }
                    on:pointerenter=move |_| on_enter.set(Some(i))
                    on:pointerleave=move |_| on_leave.set(None)
                    on:focus=move |_| on_focus.set(Some(i))
                    on:blur=move |_| on_blur.set(None)
                >
                    <circle class="hit-area" r="11"></circle>
                    {shape}
                    <text class=label_class x=label_x y=label_y text-anchor=label_anchor dominant-baseline="central">
                        {place.name.clone()}
                    </text>
                </g>
            }
        })
        .collect_view();

    view! {
        <g class="hubs">{hubs}</g>
        <g class="places">{markers}</g>
    }
}

/// Which labels fit, and on which side, for the visible places at the current view. The
/// selected and hovered places are labelled first.
fn label_sides(state: &MapState) -> Memo<Vec<Option<Side>>> {
    let prepared = state.prepared.clone();
    let (transform, visible, camera, selected, hovered) = (
        state.transform,
        state.visible,
        state.camera,
        state.selected_place,
        state.hovered,
    );
    Memo::new(move |_| {
        let t = transform.get();
        let camera = camera.get();
        let focus = [selected.get(), hovered.get()];
        visible.with(|v| {
            let shown: Vec<usize> = (0..prepared.atlas.places.len())
                .filter(|&i| v.places[i])
                .collect();
            let requests: Vec<LabelRequest> = shown
                .iter()
                .map(|&i| {
                    let glyph = &prepared.atlas.places[i];
                    let name = &prepared.loaded.dataset.places[glyph.place].name;
                    let (x, y) = t.apply(glyph.at);
                    // Counties first: at the default zoom their label speaks for the towns around them.
                    let county = if glyph.kind == PlaceKind::Municipality {
                        0.0
                    } else {
                        2.0
                    };
                    let focused = if focus.contains(&Some(i)) {
                        1000.0
                    } else {
                        0.0
                    };
                    LabelRequest {
                        x,
                        y,
                        width: estimated_width(name, LABEL_FONT_PX),
                        height: LABEL_HEIGHT_PX,
                        priority: glyph.degree as f64 + county + focused,
                    }
                })
                .collect();
            let placed = place_labels(&requests, camera.width, camera.height);
            let mut sides = vec![None; prepared.atlas.places.len()];
            for (&i, side) in shown.iter().zip(placed) {
                sides[i] = side;
            }
            sides
        })
    })
}

/// A label's position and anchor for its side of the marker.
fn offset(side: Side) -> (f64, f64, &'static str) {
    match side {
        Side::Right => (LABEL_GAP_PX, 0.0, "start"),
        Side::Left => (-LABEL_GAP_PX, 0.0, "end"),
        Side::Above => (0.0, -LABEL_GAP_PX - LABEL_HEIGHT_PX / 2.0, "middle"),
        Side::Below => (0.0, LABEL_GAP_PX + LABEL_HEIGHT_PX / 2.0, "middle"),
    }
}
