//! What the map draws for the current filters and view, at any size of dataset.
//!
//! One SVG element per link or per place is what makes public twin-town maps crash browsers:
//! here the links are a handful of batched paths, the places beyond a few hundred are dots in
//! one path, and a spatial index answers "what is under the pointer" instead of one listener
//! per element.

pub mod beyond;
pub mod clusters;
pub mod flows;
pub mod grid;
pub mod hit;
pub mod links;
pub mod places;
