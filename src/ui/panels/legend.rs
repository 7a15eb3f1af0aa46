//! The key to the map's symbols, drawn with the same classes as the map itself. With themes
//! chosen, it shows their colours, which the links then take.

use leptos::prelude::*;

use crate::core::filter::KindFilter;
use crate::core::model::PlaceKind;
use crate::ui::i18n::{language, t};
use crate::ui::palette::{kind_class, kind_name, shape, theme_colour};
use crate::ui::state::use_map_state;
use crate::ui::text;

/// The kinds drawn as lines of their own; meetings have their key with the host's ring.
const LINE_KINDS: [KindFilter; 5] = [
    KindFilter::Twinning,
    KindFilter::Friendship,
    KindFilter::CooperationAgreement,
    KindFilter::ProjectPartnership,
    KindFilter::Network,
];

/// The class a kind's lines are drawn with, as on the map.
pub fn line_class(kind: KindFilter) -> String {
    format!("link {}", kind_class(kind.drawn_as()))
}

/// Every kind of place, with its marker as the map draws it.
const PLACE_KINDS: [(PlaceKind, &str); 3] = [
    (PlaceKind::Municipality, "legend.municipality"),
    (PlaceKind::County, "legend.county"),
    (PlaceKind::Region, "legend.region"),
];

#[component]
fn LineKey(class: String, label: &'static str) -> impl IntoView {
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
    let state = use_map_state();
    let filters = state.filters;
    let themes: StoredValue<Vec<(usize, String, String)>> = StoredValue::new(
        state
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
            .collect(),
    );
    let theme_keys = move || {
        filters.with(|f| {
            themes.with_value(|themes| {
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
        })
    };
    let years_chosen = move || filters.with(|f| f.years.is_some());
    // The key is drawn when first unfolded (a phone starts with it folded): 40 elements of the
    // start-up's longest task there.
    let drawn = RwSignal::new(initially_open);
    let key = move || {
        view! {
            <ul>
                {theme_keys}
                {LINE_KINDS.map(|k| view! { <LineKey class=line_class(k) label=text::kind_filter(k)/> })}
                <li>
                    <svg class="key" width="28" height="32" aria-hidden="true">
                        <path class=line_class(KindFilter::Event) d="M0 16 L6 16"></path>
                        <circle class="event-hub" cx="14" cy="16" r="14"></circle>
                        <g class="place place-municipality" transform="translate(14 16)">
                            <circle class="marker-shape" r="4.5"></circle>
                        </g>
                    </svg>
                    {t("legend.meeting")}
                </li>
                <Show when=years_chosen>
                    <LineKey class=line_class(KindFilter::Twinning) + " undated" label=t("legend.undated")/>
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
                {PLACE_KINDS.map(|(kind, label)| view! {
                    <li>
                        <svg class="key" width="28" height="20" aria-hidden="true">
                            <g class=format!("place place-{}", kind_name(kind)) transform="translate(14 10)">
                                <path class="marker-shape" d=shape(kind)></path>
                            </g>
                        </svg>
                        {t(label)}
                    </li>
                })}
            </ul>
        }
    };
    view! {
        <details class="card legend" open=initially_open on:toggle=move |_| {
            // Set once: a toggle comes with every fold and unfold (and once for a key that
            // starts open), and setting the signal again would draw the key anew.
            if !drawn.get_untracked() {
                drawn.set(true);
            }
        }>
            <summary>{t("legend.title")}</summary>
            {move || drawn.get().then(key)}
        </details>
    }
}
