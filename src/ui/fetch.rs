//! Fetching the dataset and the basemap from the site's own origin, by relative URL, so the
//! map works under any sub-path.

use std::sync::Arc;

use gloo_net::http::Request;

use crate::core::atlas::{Atlas, Lookup};
use crate::core::basemap::{Basemap, Extent, BASEMAP_VERSION};
use crate::core::filter::LinkFacts;
use crate::core::geo::Projection;
use crate::core::load::{load_in_slices, LoadError, Loaded, MAX_BYTES};
use crate::core::scene::clusters::Clusters;
use crate::core::scene::hit::HitIndex;
use crate::core::url_state::{self, Known};
use crate::ui::fetch_worker::{self, Reply};
use crate::ui::i18n::t_or;
use crate::ui::slices::{apart, Slices};

pub const DATASET_URL: &str = "data/partnerships.json";

/// The dataset to show: the URL's `data` (a same-site relative path), else the map's own.
pub fn dataset_url() -> String {
    url_state::parse(&super::history::query(), &Known::default())
        .data
        .unwrap_or_else(|| DATASET_URL.to_string())
}
pub const BASEMAP_URL: &str = "public/basemap.json";

/// Why the map's data could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The server answered, but not with the file.
    Status { url: String, status: u16 },
    /// No answer: offline, or the request was blocked.
    Network { url: String, message: String },
    /// The file arrived but is not a dataset this map can read.
    Unreadable(LoadError),
    /// The basemap asset arrived but is not one this map can read.
    BadBasemap(String),
}

impl std::fmt::Display for FetchError {
    /// In the reader's language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (key, values): (&str, Vec<(&str, String)>) = match self {
            FetchError::Status { url, status: 404 } => {
                ("fetch.not_found", vec![("url", url.clone())])
            }
            FetchError::Status { url, status } => (
                "fetch.status",
                vec![("url", url.clone()), ("status", status.to_string())],
            ),
            FetchError::Network { url, message } => (
                "fetch.network",
                vec![("url", url.clone()), ("detail", message.clone())],
            ),
            FetchError::Unreadable(error) => error.message(),
            FetchError::BadBasemap(message) => {
                ("fetch.bad_basemap", vec![("detail", message.clone())])
            }
        };
        f.write_str(&crate::core::i18n::fill_owned(&t_or(key, key), &values))
    }
}

pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let reply = match fetch_worker::fetch(url, MAX_BYTES).await {
        Some(reply) => reply,
        None => fetch_here(url).await,
    };
    let bytes = match reply {
        Reply::Body(bytes) => bytes,
        Reply::Status(status) => {
            return Err(FetchError::Status {
                url: url.to_string(),
                status,
            })
        }
        Reply::TooLarge(bytes) => {
            return Err(FetchError::Unreadable(LoadError::TooLarge { bytes }))
        }
        Reply::Network(message) => {
            return Err(FetchError::Network {
                url: url.to_string(),
                message,
            })
        }
    };
    // The bytes, not the browser's text: `text()` decodes four megabytes to UTF-16 on the main
    // thread and wasm-bindgen encodes them back to UTF-8, two long tasks on a phone; the bytes
    // are one copy. Like `text()`, a byte-order mark is dropped and bad bytes become U+FFFD.
    let mut text = String::from_utf8(bytes)
        .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        // In place: the text may be megabytes.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The file, downloaded by the page itself where the worker cannot ([`fetch_worker`]), with
/// the worker's answers.
async fn fetch_here(url: &str) -> Reply {
    let response = match Request::get(url).send().await {
        Ok(response) => response,
        Err(e) => return Reply::Network(e.to_string()),
    };
    if !response.ok() {
        return Reply::Status(response.status());
    }
    // Refused before the download, where the server says the size.
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&b| b > MAX_BYTES) {
        return Reply::TooLarge(bytes);
    }
    match response.binary().await {
        Ok(bytes) => Reply::Body(bytes),
        Err(e) => Reply::Network(e.to_string()),
    }
}

/// The dataset, validated and projected, with the indexes the map queries: everything the map
/// needs, built once.
pub struct Prepared {
    pub loaded: Loaded,
    pub atlas: Atlas,
    pub lookup: Lookup,
    /// The region's rectangle in map units: the default view, with or without a basemap.
    pub region: Extent,
    /// Each drawn link's facts, gathered once for the filters.
    pub facts: Arc<Vec<LinkFacts>>,
    /// The ids a URL may name.
    pub known: Arc<Known>,
    /// What lies under the pointer.
    pub hit: Arc<HitIndex>,
    /// The places grouped by distance, level by level.
    pub clusters: Arc<Clusters>,
}

/// Prepares the fetched dataset in slices, the browser getting its turn between them: on a
/// phone the first picture stays responsive while four megabytes are read.
pub async fn prepare_dataset(text: String) -> Result<Arc<Prepared>, FetchError> {
    let mut slices = Slices::new();
    // Copying four megabytes into the module and checking them as UTF-8 is a stretch of its own.
    slices.yield_now().await;
    let loaded = apart(load_in_slices(&text, &mut slices))
        .await
        .map_err(FetchError::Unreadable)?;
    drop(text);
    let projection = Projection::etrs89_laea();
    let atlas = apart(Atlas::build_in_slices(
        &loaded.dataset,
        &projection,
        &mut slices,
    ))
    .await;
    let lookup = Lookup::of_in_slices(&loaded.dataset, &atlas, &mut slices).await;
    let facts = LinkFacts::of_atlas_in_slices(&loaded.dataset, &atlas, &mut slices).await;
    let known = Known::of_in_slices(&loaded.dataset, &mut slices).await;
    // A few milliseconds (a long task, four times over, on a slow phone).
    slices.yield_now().await;
    let hit = Arc::new(HitIndex::build(&atlas));
    slices.yield_now().await;
    let clusters = Arc::new(Clusters::build_in_slices(&atlas, &mut slices).await);
    slices.yield_now().await;
    Ok(Arc::new(Prepared {
        region: Extent::of_region(&projection),
        loaded,
        atlas,
        lookup,
        facts: Arc::new(facts),
        known: Arc::new(known),
        hit,
        clusters,
    }))
}

pub async fn fetch_basemap() -> Result<Arc<Basemap>, FetchError> {
    let text = fetch_text(BASEMAP_URL).await?;
    let basemap: Basemap =
        serde_json::from_str(&text).map_err(|e| FetchError::BadBasemap(e.to_string()))?;
    if basemap.version != BASEMAP_VERSION {
        return Err(FetchError::BadBasemap(format!(
            "version {} (expected {BASEMAP_VERSION})",
            basemap.version
        )));
    }
    Ok(Arc::new(basemap))
}
