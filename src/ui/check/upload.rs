//! Choosing the spreadsheet: the file input, or a file dropped anywhere on the zone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::import::Sheet;
use crate::core::spreadsheet::decode;

use super::Upload;

/// A sheet of partnerships is a few hundred KB at most; anything far larger is another file.
const MAX_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_BYTES {
        return Err("is larger than 5 MB: is it the spreadsheet of partnerships?".into());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[component]
pub fn SheetChooser(upload: RwSignal<Option<Upload>>) -> impl IntoView {
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let dragging = RwSignal::new(false);
    let take = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let name = file.name();
            let read = read(&file).await.and_then(|bytes| {
                let (text, encoding) = decode(&bytes);
                Sheet::read(&text).map(|sheet| Upload {
                    file: name.clone(),
                    encoding,
                    sheet,
                })
            });
            match read {
                Ok(u) => {
                    error.set(None);
                    upload.set(Some(u));
                }
                Err(e) => {
                    upload.set(None);
                    error.set(Some(format!("{name}: {e}")));
                }
            }
        });
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            take(file);
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev.data_transfer().and_then(|d| d.files());
        if let Some(file) = files.and_then(|f| f.get(0)) {
            take(file);
        }
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=dragging
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped
        >
            <label for="sheet-file">"Spreadsheet (CSV)"</label>
            <input type="file" id="sheet-file" accept=".csv,text/csv,text/plain" on:change=chosen/>
            <span class="quiet">"or drop the file here"</span>
        </div>
        {move || error.get().map(|e| view! { <p class="error-detail" role="alert" id="sheet-error">{e}</p> })}
    }
}
