//! The page's downloads, made by a worker (`public/fetch-worker.js`). A response's body handed
//! to the page's main thread is a long task of the browser's own: for the four-megabyte dataset,
//! about 150 ms on a phone (Lighthouse's 4× slowdown), the longest task of the start-up. Read by
//! the worker, the body reaches the page as one transferred buffer.
//!
//! Where the worker cannot start (its file missing, a policy refusing it), [`fetch`] says so and
//! the caller downloads the file itself.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Relative to the page, like every file of the site.
const WORKER_URL: &str = "public/fetch-worker.js";

/// The answer for one file, from the worker or from the page's own download (`fetch.rs`).
pub enum Reply {
    /// The body of a successful response.
    Body(Vec<u8>),
    /// The server answered with this status instead of the file.
    Status(u16),
    /// The server announced a body of this many bytes, more than the caller accepts.
    TooLarge(usize),
    /// No answer: offline, or the request was blocked (the browser's own words).
    Network(String),
}

struct FetchWorker {
    worker: Worker,
    /// The promise resolvers of the files asked for and not yet answered, by id.
    waiting: Rc<RefCell<HashMap<u32, Function>>>,
    /// Set once the worker has failed: every later file is downloaded by the page.
    failed: Rc<Cell<bool>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    /// Started with the first download, then shared: a thread of its own for the page's life.
    static WORKER: Option<FetchWorker> = FetchWorker::start();
}

impl FetchWorker {
    fn start() -> Option<FetchWorker> {
        let worker = Worker::new(WORKER_URL).ok()?;
        let waiting: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
        let failed = Rc::new(Cell::new(false));
        let answered = waiting.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let reply = event.data();
            let id = Reflect::get(&reply, &"id".into())
                .ok()
                .and_then(|id| id.as_f64());
            let resolve = id.and_then(|id| answered.borrow_mut().remove(&(id as u32)));
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &reply);
            }
        });
        // The file could not be loaded or run: whoever waits is told there is no worker (an
        // undefined answer) and downloads the file itself.
        let (abandoned, broken) = (waiting.clone(), failed.clone());
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            broken.set(true);
            for (_, resolve) in abandoned.borrow_mut().drain() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(FetchWorker {
            worker,
            waiting,
            failed,
            next_id: Cell::new(0),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Asks for `url`; the promise resolves with the worker's message, or undefined.
    fn ask(&self, url: &str, max_bytes: usize) -> Option<Promise> {
        if self.failed.get() {
            return None;
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let base = web_sys::window()?.document()?.base_uri().ok()??;
        let message = Object::new();
        for (key, value) in [
            ("id", JsValue::from(id)),
            ("url", url.into()),
            ("base", base.into()),
            ("max", (max_bytes as f64).into()),
        ] {
            Reflect::set(&message, &key.into(), &value).ok()?;
        }
        let waiting = self.waiting.clone();
        let promise = Promise::new(&mut |resolve, _| {
            waiting.borrow_mut().insert(id, resolve);
        });
        if self.worker.post_message(&message).is_err() {
            self.waiting.borrow_mut().remove(&id);
            return None;
        }
        Some(promise)
    }
}

/// Downloads `url` (relative to the page) in the worker, refusing a body the server announces
/// larger than `max_bytes`. `None`: there is no worker to do it.
pub async fn fetch(url: &str, max_bytes: usize) -> Option<Reply> {
    let promise = WORKER.with(|worker| worker.as_ref()?.ask(url, max_bytes))?;
    let reply = JsFuture::from(promise).await.ok()?;
    if reply.is_undefined() {
        return None;
    }
    let field = |key: &str| Reflect::get(&reply, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(message) = field("error").as_string() {
        return Some(Reply::Network(message));
    }
    let status = field("status").as_f64().unwrap_or(0.0) as u16;
    if let Some(bytes) = field("announced").as_f64() {
        return Some(Reply::TooLarge(bytes as usize));
    }
    Some(match field("bytes").dyn_into::<ArrayBuffer>() {
        Ok(body) => Reply::Body(Uint8Array::new(&body).to_vec()),
        Err(_) => Reply::Status(status),
    })
}
