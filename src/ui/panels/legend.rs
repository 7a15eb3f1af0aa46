//! The key to the map's symbols, drawn with the same classes as the map itself.

use leptos::prelude::*;

#[component]
fn LineKey(class: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <li>
            <svg class="key" width="28" height="12" aria-hidden="true">
                <path class=class d="M2 6 L26 6"></path>
            </svg>
            {label}
        </li>
    }
}

/// `initially_open`: whether the key starts unfolded; on a phone it would cover the map.
#[component]
pub fn Legend(initially_open: bool) -> impl IntoView {
    view! {
        <details class="card legend" open=initially_open>
            <summary>"Legend"</summary>
            <ul>
                <LineKey class="link link-twinning" label="Twinning"/>
                <LineKey class="link link-agreement" label="Cooperation agreement"/>
                <LineKey class="link link-network" label="Network membership"/>
                <li>
                    <svg class="key" width="28" height="24" aria-hidden="true">
                        <circle class="network-hub" cx="14" cy="12" r="10.5"></circle>
                        <g class="place place-municipality" transform="translate(14 12)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    "Network host or secretariat"
                </li>
                <li>
                    <svg class="key" width="28" height="14" aria-hidden="true">
                        <g class="place place-municipality" transform="translate(14 7)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    "Town or municipality"
                </li>
                <li>
                    <svg class="key" width="28" height="16" aria-hidden="true">
                        <g class="place place-county" transform="translate(14 8)">
                            <rect class="marker-shape" x="-6.5" y="-6.5" width="13" height="13" rx="2.5"></rect>
                        </g>
                    </svg>
                    "County or district, at its seat"
                </li>
            </ul>
        </details>
    }
}
