//! The live summary of what is drawn. `#summary[data-links][data-places]` is a public
//! interface: tests and embedding pages read it.

use leptos::prelude::*;

use crate::core::summary::Summary;
use crate::ui::i18n::{count, fill, number};

/// "14 links (6 partnerships, 4 networks, 4 meetings) · 22 places", in the chosen language,
/// and how many of the links lie wholly beyond the map, where there are any.
pub fn summary_text(s: &Summary) -> String {
    let beyond = if s.beyond > 0 {
        format!(" · {}", fill("summary.beyond", &[("n", &number(s.beyond))]))
    } else {
        String::new()
    };
    format!(
        "{} ({}, {}, {}) · {}{beyond}",
        count("summary.links", s.links),
        count("summary.partnerships", s.partnerships),
        count("summary.networks", s.networks),
        count("summary.meetings", s.events),
        count("summary.places", s.places),
    )
}

#[component]
pub fn SummaryLine(summary: Signal<Summary>) -> impl IntoView {
    let text = move || summary.with(summary_text);
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
