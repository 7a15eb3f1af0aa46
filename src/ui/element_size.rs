//! The size of an element, kept current by a ResizeObserver: the map's box, which the
//! window, the sidebar and the details panel all change.
//!
//! (leptos-use's `use_element_size` does the same with more options; this small version keeps
//! the page's download within its budget.)

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// The width and height in CSS pixels of `target`'s content box; 0 until it is measured.
pub fn use_element_size(target: NodeRef<Div>) -> (Signal<f64>, Signal<f64>) {
    let (width, set_width) = signal(0.0);
    let (height, set_height) = signal(0.0);
    Effect::new(move |observed: Option<bool>| {
        if observed == Some(true) {
            return true;
        }
        let Some(element) = target.get() else {
            return false;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                let rect = entry.content_rect();
                set_width.try_set(rect.width());
                set_height.try_set(rect.height());
            }
        });
        let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return false;
        };
        observer.observe(&element);
        let (observer, on_resize) = (
            send_wrapper::SendWrapper::new(observer),
            send_wrapper::SendWrapper::new(on_resize),
        );
        on_cleanup(move || {
            observer.disconnect();
            drop(on_resize);
        });
        true
    });
    (width.into(), height.into())
}
