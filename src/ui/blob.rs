//! Files the page makes for download: held by the browser as blobs, named by an address.

use wasm_bindgen::JsValue;

/// A blob of `content` and its address, for an `<a download>`; revoke it when done.
pub(crate) fn blob_url(content: &str, mime: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
