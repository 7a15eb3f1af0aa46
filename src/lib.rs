//! The partner-city map: how towns and regions around the Baltic Sea and the North Sea work
//! together, drawn as an interactive SVG map.
//!
//! [`core`] is pure Rust, tested natively; [`ui`] is the leptos view, built for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
