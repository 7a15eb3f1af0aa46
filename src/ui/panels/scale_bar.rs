//! A scale bar for the view shown: a round distance and its length on screen. EPSG:3035 keeps
//! areas true and distances within a few per cent across the region, so one bar serves the
//! whole map.

use leptos::prelude::*;

use crate::core::geo::scale_bar::scale_bar;
use crate::core::geo::viewport::ViewTransform;

/// The widest the bar may grow, in pixels.
const MAX_WIDTH_PX: f64 = 120.0;

/// `transform`: the view's, in pixels per kilometre.
#[component]
pub fn ScaleBar(transform: Memo<ViewTransform>) -> impl IntoView {
    let bar = Memo::new(move |_| scale_bar(transform.get().scale, MAX_WIDTH_PX));
    let width = move || bar.get().map_or(0.0, |(_, px)| px.round());
    let label = move || {
        bar.get()
            .map(|(km, _)| format!("{km} km"))
            .unwrap_or_default()
    };
    view! {
        <div class="card scale-bar" aria-hidden="true">
            <span class="scale-bar-line" style:width=move || format!("{}px", width())></span>
            <span class="scale-bar-label">{label}</span>
        </div>
    }
}
