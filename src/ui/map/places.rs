//! Place markers and their labels, in screen pixels.

use leptos::prelude::*;

use crate::core::labels::{estimated_width, place_labels, LabelRequest, Side};
use crate::core::model::PlaceKind;
use crate::ui::state::MapState;

const LABEL_FONT_PX: f64 = 12.0;
const LABEL_HEIGHT_PX: f64 = 15.0;
/// Where a label's text starts, from the marker's centre.
const LABEL_GAP_PX: f64 = 7.0;

#[component]
pub fn PlaceLayer(state: MapState) -> impl IntoView {
    let MapState {
        prepared,
        transform,
        width,
        height,
        ..
    } = state;
    let for_labels = prepared.clone();
    let sides = Memo::new(move |_| {
        let t = transform.get();
        let requests: Vec<LabelRequest> = for_labels
            .atlas
            .places
            .iter()
            .map(|glyph| {
                let name = &for_labels.loaded.dataset.places[glyph.place].name;
                let (x, y) = t.apply(glyph.at);
                LabelRequest {
                    x,
                    y,
                    width: estimated_width(name, LABEL_FONT_PX),
                    height: LABEL_HEIGHT_PX,
                    // Counties first: at the default zoom their label speaks for the towns around them.
                    priority: glyph.degree as f64
                        + if glyph.kind == PlaceKind::Municipality {
                            0.0
                        } else {
                            2.0
                        },
                }
            })
            .collect();
        place_labels(&requests, width.get(), height.get())
    });

    let for_hubs = prepared.clone();
    let hubs = move || {
        let t = transform.get();
        for_hubs
            .atlas
            .links
            .iter()
            .filter_map(|link| Some((link, link.hub?)))
            .map(|(link, hub)| {
                let (x, y) = t.apply(for_hubs.atlas.places[hub].at);
                view! {
                    <circle class="network-hub" cx=format!("{x:.1}") cy=format!("{y:.1}") r="10.5" data-hub=link.id.clone()></circle>
                }
            })
            .collect_view()
    };

    let markers = move || {
        let t = transform.get();
        let sides = sides.get();
        prepared
            .atlas
            .places
            .iter()
            .zip(sides)
            .map(|(glyph, side)| {
                let place = &prepared.loaded.dataset.places[glyph.place];
                let (x, y) = t.apply(glyph.at);
                let kind = match place.kind {
                    PlaceKind::Municipality => "municipality",
                    PlaceKind::County => "county",
                    PlaceKind::Region => "region",
                };
                let marker = match place.kind {
                    PlaceKind::Municipality => view! { <circle class="marker-shape" r="4.5"></circle> }.into_any(),
                    PlaceKind::County => {
                        view! { <rect class="marker-shape" x="-6.5" y="-6.5" width="13" height="13" rx="2.5"></rect> }.into_any()
                    }
                    PlaceKind::Region => {
                        view! { <rect class="marker-shape" x="-8.5" y="-8.5" width="17" height="17" rx="3.5"></rect> }.into_any()
                    }
                };
                view! {
                    <g
                        class=format!("place place-{kind}")
                        transform=format!("translate({x:.1} {y:.1})")
                        data-place=place.id.clone()
                        aria-label=format!("{} ({})", place.name, place.country)
                    >
                        {marker}
                        {side.map(|side| label(place.name.clone(), side))}
                    </g>
                }
            })
            .collect_view()
    };

    view! {
        <g class="hubs">{hubs}</g>
        <g class="places">{markers}</g>
    }
}

/// A label on one side of its marker; the white halo keeps it readable over links and coast.
fn label(text: String, side: Side) -> impl IntoView {
    let (x, y, anchor) = match side {
        Side::Right => (LABEL_GAP_PX, 0.0, "start"),
        Side::Left => (-LABEL_GAP_PX, 0.0, "end"),
        Side::Above => (0.0, -LABEL_GAP_PX - LABEL_HEIGHT_PX / 2.0, "middle"),
        Side::Below => (0.0, LABEL_GAP_PX + LABEL_HEIGHT_PX / 2.0, "middle"),
    };
    view! { <text class="label" x=x y=y text-anchor=anchor dominant-baseline="central">{text}</text> }
}
