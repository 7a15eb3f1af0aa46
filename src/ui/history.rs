//! The address bar: where the URL state is read from and written to.
//!
//! Changes of filter or selection push a history entry, so back and forward walk through
//! them; moving the map replaces the current entry, so that panning does not bury them.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// The query string, with its `?`, or empty.
pub fn query() -> String {
    window().location().search().unwrap_or_default()
}

fn address(query: &str) -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{query}")
}

/// Writes `query` as a new history entry, unless it is already the current one.
pub fn push(query: &str) {
    if self::query() == query {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address(query)));
    }
}

/// Writes `query` over the current history entry.
pub fn replace(query: &str) {
    if self::query() == query {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address(query)));
    }
}
