//! The leptos view: small components that draw what the core computed.
//!
//! Data flows one way: fetched dataset → [`state::MapState`] (atlas and memos) → SVG.

pub mod app;
mod blob;
pub mod check;
mod element_size;
mod fetch;
mod fetch_worker;
mod history;
mod i18n;
mod js_math;
mod map;
mod palette;
mod panels;
mod slices;
mod state;
mod text;
