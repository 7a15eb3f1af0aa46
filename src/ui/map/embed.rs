//! The map inside another site's iframe (`embed=1`): a link to the full map, a fullscreen
//! button, and cooperative gestures, so that the host page still scrolls under the wheel and
//! one finger; Ctrl/⌘ + wheel, two fingers or fullscreen move the map.

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::core::url_state;
use crate::ui::i18n::t;
use crate::ui::state::use_map_state;

/// How long a gesture hint stays.
const HINT_FOR: std::time::Duration = std::time::Duration::from_millis(1500);

/// Whether the map is embedded, whether it is fullscreen, and the hint shown now.
#[derive(Clone, Copy)]
pub struct Embedding {
    pub embedded: bool,
    pub fullscreen: RwSignal<bool>,
    pub hint: RwSignal<Option<&'static str>>,
    hint_timer: StoredValue<Option<TimeoutHandle>>,
}

impl Embedding {
    pub fn new(embedded: bool) -> Self {
        let fullscreen = RwSignal::new(false);
        if embedded {
            let on_change = window_event_listener_untyped("fullscreenchange", move |_| {
                fullscreen.set(document().fullscreen_element().is_some());
            });
            on_cleanup(move || on_change.remove());
        }
        Embedding {
            embedded,
            fullscreen,
            hint: RwSignal::new(None),
            hint_timer: StoredValue::new(None),
        }
    }

    /// Whether the host page keeps the plain wheel and one finger.
    pub fn cooperative(&self) -> bool {
        self.embedded && !self.fullscreen.get_untracked()
    }

    /// Says briefly how to move the map instead.
    pub fn show_hint(&self, hint: &'static str) {
        self.hint.set(Some(hint));
        if let Some(handle) = self.hint_timer.get_value() {
            handle.clear();
        }
        let signal = self.hint;
        let handle = set_timeout_with_handle(move || signal.set(None), HINT_FOR).ok();
        self.hint_timer.set_value(handle);
    }
}

/// The hint, over the map.
#[component]
pub fn GestureHint(embedding: Embedding) -> impl IntoView {
    move || {
        embedding
            .hint
            .get()
            .map(|text| view! { <p class="gesture-hint" role="status">{text}</p> })
    }
}

/// "Open full map": the same view, in a tab of its own.
#[component]
pub fn FullMapLink() -> impl IntoView {
    let state = use_map_state();
    let href = move || {
        let mut url = state.url.get();
        url.embed = false;
        url.viewport = None;
        format!("./{}", url_state::write(&url))
    };
    view! {
        <a class="card full-map" href=href target="_blank" rel="noopener">{t("embed.open_full")}</a>
    }
}

/// Fullscreen on and off; in fullscreen the map takes every gesture.
#[component]
pub fn FullscreenButton(embedding: Embedding) -> impl IntoView {
    let label = move || match embedding.fullscreen.get() {
        true => t("embed.leave_fullscreen"),
        false => t("embed.fullscreen"),
    };
    let toggle = move |_| {
        let document = document();
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    };
    view! {
        <button type="button" class="zoom-button fullscreen" aria-label=label title=label on:click=toggle>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" fill="none" stroke="currentColor" stroke-width="1.75"></path>
            </svg>
        </button>
    }
}
