//! The page's [`Pause`]: long start-up work gives the browser its turn every few milliseconds,
//! so a phone can paint, scroll and answer a tap while a large dataset is read and prepared
//! (each stretch stays well under the 50 ms that makes a task "long").

use std::future::Future;
use std::pin::Pin;

use js_sys::{Date, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::pause::Pause;

/// How long one stretch of work may run before the browser gets its turn. A phone's CPU,
/// four times slower, still ends a stretch well within 50 ms.
const SLICE_MS: f64 = 5.0;

pub struct Slices {
    since: f64,
}

impl Slices {
    pub fn new() -> Self {
        Slices { since: Date::now() }
    }

    /// Gives the browser its turn now, whatever the slice has taken.
    pub async fn yield_now(&mut self) {
        give_the_browser_its_turn().await;
        self.since = Date::now();
    }
}

impl Pause for Slices {
    async fn now(&mut self) {
        if Date::now() - self.since >= SLICE_MS {
            self.yield_now().await;
        }
    }
}

/// `scheduler.yield()` where the browser has it (it resumes ahead of other queued tasks), else a
/// zero timeout.
async fn give_the_browser_its_turn() {
    let global = js_sys::global();
    let scheduler_yield = Reflect::get(&global, &JsValue::from_str("scheduler"))
        .ok()
        .filter(|s| s.is_object())
        .and_then(|scheduler| {
            let f = Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
            let f = f.dyn_into::<Function>().ok()?;
            f.call0(&scheduler).ok()?.dyn_into::<Promise>().ok()
        });
    let promise = scheduler_yield.unwrap_or_else(|| {
        Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        })
    });
    let _ = JsFuture::from(promise).await;
}

/// `work` as a future of its own, polled through a pointer rather than inlined into its caller's.
/// The browser compiles each of the module's functions when it is first called: inlined, the
/// whole preparation of the dataset (some 66 KB of code) was compiled at the page's first poll
/// of its requests, in the page's mount, a long task on a phone; apart, each part is compiled
/// when it starts, in the short task that starts it.
#[inline(never)]
pub fn apart<'a, T>(work: impl Future<Output = T> + 'a) -> Pin<Box<dyn Future<Output = T> + 'a>> {
    Box::pin(work)
}
