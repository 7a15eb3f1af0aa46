//! The leptos view: small components that draw what the core computed.
//!
//! Data flows one way: fetched dataset → [`state::MapState`] (atlas and memos) → SVG.

pub mod app;
mod fetch;
mod map;
mod panels;
mod state;
