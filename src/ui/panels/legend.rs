//! The key to the map's symbols, drawn with the same classes as the map itself. With themes
//! chosen, it shows their colours, which the links then take.

use leptos::prelude::*;

use crate::ui::i18n::{language, t};
use crate::ui::palette::theme_colour;
use crate::ui::state::MapState;

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
pub fn Legend(state: MapState, initially_open: bool) -> impl IntoView {
    let filters = state.filters;
    let themes: Vec<(usize, String, String)> = state
        .prepared
        .loaded
        .dataset
        .themes
        .iter()
        .enumerate()
        .map(|(i, theme)| {
            (
                i,
                theme.id.clone(),
                theme.labels.get(language()).to_string(),
            )
        })
        .collect();
    let theme_keys = move || {
        filters.with(|f| {
            themes
                .iter()
                .filter(|(_, id, _)| f.themes.contains(id))
                .map(|(i, _, label)| {
                    view! {
                        <li>
                            <svg class="key" width="28" height="12" aria-hidden="true">
                                <path class="link link-theme" style:stroke=theme_colour(*i) d="M2 6 L26 6"></path>
                            </svg>
                            {label.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let years_chosen = move || filters.with(|f| f.years.is_some());
    view! {
        <details class="card legend" open=initially_open>
            <summary>{t("legend.title")}</summary>
            <ul>
                {theme_keys}
                <LineKey class="link link-twinning" label=t("legend.twinning")/>
                <LineKey class="link link-agreement" label=t("legend.agreement")/>
                <LineKey class="link link-network" label=t("legend.network")/>
                <li>
                    <svg class="key" width="28" height="32" aria-hidden="true">
                        <path class="link link-event" d="M0 16 L6 16"></path>
                        <circle class="event-hub" cx="14" cy="16" r="14"></circle>
                        <g class="place place-municipality" transform="translate(14 16)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    {t("legend.meeting")}
                </li>
                <Show when=years_chosen>
                    <LineKey class="link link-twinning undated" label=t("legend.undated")/>
                </Show>
                <li>
                    <svg class="key" width="28" height="24" aria-hidden="true">
                        <circle class="network-hub" cx="14" cy="12" r="10.5"></circle>
                        <g class="place place-municipality" transform="translate(14 12)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    {t("legend.hub")}
                </li>
                <li>
                    <svg class="key" width="28" height="14" aria-hidden="true">
                        <g class="place place-municipality" transform="translate(14 7)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    {t("legend.municipality")}
                </li>
                <li>
                    <svg class="key" width="28" height="16" aria-hidden="true">
                        <g class="place place-county" transform="translate(14 8)">
                            <rect class="marker-shape" x="-6.5" y="-6.5" width="13" height="13" rx="2.5"></rect>
                        </g>
                    </svg>
                    {t("legend.county")}
                </li>
            </ul>
        </details>
    }
}
