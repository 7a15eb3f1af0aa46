//! Geography: the map's region, its projection, great-circle arcs and SVG path encoding.

pub mod arc;
pub mod frame;
pub mod path;
pub mod projection;
pub mod region;
pub mod scale_bar;
pub mod sphere;
pub mod tree;
pub mod viewport;

pub use projection::{MapPoint, Projection};
