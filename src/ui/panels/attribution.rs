//! Credit where the map's geography comes from, as the licences ask.

use leptos::prelude::*;

#[component]
pub fn Attribution() -> impl IntoView {
    view! {
        <p class="card attribution">
            "Basemap: "
            <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">"Natural Earth"</a>
            " (public domain) · Places: "
            <a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">"GeoNames"</a>
            " ("
            <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener noreferrer">"CC BY 4.0"</a>
            ") · Projection: ETRS89-LAEA (EPSG:3035)"
        </p>
    }
}
