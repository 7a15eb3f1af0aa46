//! The live summary of what is drawn. `#summary[data-links][data-places]` is a public
//! interface: tests and embedding pages read it.

use leptos::prelude::*;

use crate::core::summary::Summary;
use crate::ui::i18n::count;

#[component]
pub fn SummaryLine(summary: Signal<Summary>) -> impl IntoView {
    let text = move || {
        let s = summary.get();
        format!(
            "{} ({}, {}, {}) · {}",
            count("summary.links", s.links),
            count("summary.partnerships", s.partnerships),
            count("summary.networks", s.networks),
            count("summary.meetings", s.events),
            count("summary.places", s.places),
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
