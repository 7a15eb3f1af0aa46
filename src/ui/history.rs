//! The address bar: where the URL state is read from and written to.
//!
//! Changes of filter or selection push a history entry, so back and forward walk through
//! them; moving the map replaces the current entry, so that panning does not bury them.
//!
//! A new entry is written once the next frame is painted: the browser's session history costs
//! several milliseconds an entry, which the map's redrawing after a filter change should not
//! wait for. Until then the entry is pending, and what replaces the current entry replaces it.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout, window};
use wasm_bindgen::JsValue;

thread_local! {
    /// The query of the entry to be pushed after the next paint.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The query string, with its `?`, or empty: that of the pending entry where there is one.
pub fn query() -> String {
    PENDING.with_borrow(Clone::clone).unwrap_or_else(written)
}

/// The query string in the address bar.
fn written() -> String {
    window().location().search().unwrap_or_default()
}

/// The query string of the entry Back or Forward went to. An entry still pending is dropped:
/// the visitor has gone elsewhere before it was written.
pub fn navigated() -> String {
    PENDING.set(None);
    written()
}

fn address(query: &str) -> String {
    let path = window().location().pathname().unwrap_or_default();
    format!("{path}{query}")
}

/// Writes `query` as a new history entry once the next frame is painted, unless it is the
/// current one then.
pub fn push(query: String) {
    // An entry still pending is written first, so that each change keeps its own entry.
    write_pending();
    PENDING.set(Some(query));
    request_animation_frame(|| set_timeout(write_pending, Duration::ZERO));
}

fn write_pending() {
    let Some(query) = PENDING.take() else {
        return;
    };
    if written() == query {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address(&query)));
    }
}

/// Writes `query` over the current history entry, or over the pending one.
pub fn replace(query: &str) {
    let pending = PENDING.with_borrow_mut(|p| p.as_mut().map(|p| *p = query.to_string()));
    if pending.is_some() || written() == query {
        return;
    }
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address(query)));
    }
}
