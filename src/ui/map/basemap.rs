//! Sea, land, borders, coast and graticule, from the prepared Natural Earth asset.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::basemap::Basemap;

#[component]
pub fn BasemapLayer(basemap: Signal<Option<Arc<Basemap>>>) -> impl IntoView {
    move || {
        basemap.get().map(|b| {
            let countries = b
                .countries
                .iter()
                .map(|c| view! { <path class="land" d=c.d.clone() data-country=c.id.clone()></path> })
                .collect_view();
            view! {
                <g id="basemap" class="basemap" aria-hidden="true">
                    <path class="graticule" d=b.graticule.clone()></path>
                    {countries}
                    <path class="border" d=b.borders.clone()></path>
                    <path class="coast" d=b.coast.clone()></path>
                </g>
            }
        })
    }
}
