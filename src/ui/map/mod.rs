//! The SVG map: basemap and links in map units under one transform; markers and labels in
//! screen pixels, so they keep their size whatever the scale.

mod basemap;
mod links;
mod places;

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use::{use_element_size, UseElementSizeReturn};

use crate::core::basemap::Basemap;

use super::fetch::{FetchError, Prepared};
use super::panels::{Attribution, DataProblems, Legend, SummaryLine};
use super::state::MapState;
use basemap::BasemapLayer;
use links::LinkLayer;
use places::PlaceLayer;

/// Narrower screens than this start with the legend folded.
const WIDE_SCREEN_PX: f64 = 640.0;

fn is_wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= WIDE_SCREEN_PX)
}

#[component]
pub fn MapView(
    prepared: Arc<Prepared>,
    /// The basemap arrives on its own; the data is drawn over plain sea until it does.
    basemap: LocalResource<Result<Arc<Basemap>, FetchError>>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let UseElementSizeReturn { width, height } = use_element_size(container);
    let basemap_ready = Signal::derive(move || basemap.get().and_then(Result::ok));
    let basemap_error = move || basemap.get().and_then(Result::err);
    let state = MapState::new(prepared.clone(), basemap_ready, width, height);
    let transform = state.transform;

    view! {
        <div class="map" node_ref=container>
            <svg
                class="map-svg"
                width=move || width.get()
                height=move || height.get()
                role="img"
                aria-label="Map of the Baltic Sea and North Sea region with partnerships and networks"
            >
                <rect class="sea" width="100%" height="100%"></rect>
                <g class="world" transform=move || transform.get().to_svg()>
                    <BasemapLayer basemap=basemap_ready/>
                    <LinkLayer atlas=prepared.clone()/>
                </g>
                <PlaceLayer state=state.clone()/>
            </svg>
            <div class="overlay overlay-top">
                <SummaryLine summary=state.summary/>
                <DataProblems problems=prepared.loaded.problems.clone()/>
                {move || basemap_error().map(|e| view! {
                    <p class="notice" role="status">"The basemap is missing: " {e.to_string()}</p>
                })}
            </div>
            <div class="overlay overlay-bottom">
                <Legend initially_open=is_wide_screen()/>
                <Attribution/>
            </div>
        </div>
    }
}
