//! The live summary of what is drawn. `#summary[data-links][data-places]` is a public
//! interface: tests and embedding pages read it.

use leptos::prelude::*;

use crate::core::summary::Summary;
use crate::ui::text::count;

#[component]
pub fn SummaryLine(summary: Signal<Summary>) -> impl IntoView {
    let text = move || {
        let s = summary.get();
        format!(
            "{} ({}, {}, {}) · {}",
            count(s.links, "link", "links"),
            count(s.partnerships, "partnership", "partnerships"),
            count(s.networks, "network", "networks"),
            count(s.events, "meeting", "meetings"),
            count(s.places, "place", "places"),
        )
    };
    view! {
        <p
            id="summary"
            class="card summary"
            aria-live="polite"
            data-links=move || summary.get().links
            data-places=move || summary.get().places
        >
            {text}
        </p>
    }
}
