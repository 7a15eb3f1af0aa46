//! Credit where the map's geography comes from, as the licences ask.

use leptos::prelude::*;

use crate::ui::i18n::t;

#[component]
pub fn Attribution() -> impl IntoView {
    view! {
        <p class="card attribution">
            {t("attribution.basemap")} ": "
            <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">"Natural Earth"</a>
            " (" {t("attribution.public_domain")} ") · " {t("attribution.places")} ": "
            <a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">"GeoNames"</a>
            " ("
            <a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener noreferrer">"CC BY 4.0"</a>
            ") · " {t("attribution.twinnings")} ": "
            <a href="https://www.wikidata.org/" target="_blank" rel="noopener noreferrer">"Wikidata"</a>
            " (CC0)"
            " · " {t("attribution.projection")} ": ETRS89-LAEA (EPSG:3035)"
        </p>
    }
}
