//! The pure core: no browser in here, so everything is tested natively with `cargo test`.

pub mod atlas;
pub mod basemap;
pub mod date;
pub mod export;
pub mod filter;
pub mod geo;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod json_path;
pub mod labels;
pub mod listing;
pub mod load;
pub mod model;
pub mod problem;
pub mod scene;
pub mod schema;
pub mod search;
pub mod share;
pub mod summary;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod url_state;
pub mod validate;
#[cfg(not(target_arch = "wasm32"))]
pub mod wikidata;
