//! The map's state: a plain struct of the prepared data, signals and memos, handed to small
//! components (as leptos-chartistry's `State`). Nothing here keeps its own copy of a value
//! another memo derives.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::geo::viewport::ViewTransform;
use crate::core::summary::Summary;

use super::fetch::Prepared;

/// Space kept free around the region when fitting it into the map's box, in pixels.
const FIT_PADDING: f64 = 12.0;

#[derive(Clone)]
pub struct MapState {
    pub prepared: Arc<Prepared>,
    /// The map box's size in pixels.
    pub width: Signal<f64>,
    pub height: Signal<f64>,
    pub transform: Memo<ViewTransform>,
    pub summary: Memo<Summary>,
}

impl MapState {
    pub fn new(
        prepared: Arc<Prepared>,
        basemap: Signal<Option<Arc<Basemap>>>,
        width: Signal<f64>,
        height: Signal<f64>,
    ) -> Self {
        let region = prepared.region;
        // Without a basemap there is no drawn edge to keep within: the region is its own bound.
        let frame = Memo::new(move |_| {
            basemap
                .get()
                .map(|b| (b.extent, b.bounds))
                .unwrap_or((region, region))
        });
        let transform = Memo::new(move |_| {
            let (extent, bounds) = frame.get();
            ViewTransform::fit_region(extent, bounds, width.get(), height.get(), FIT_PADDING)
        });
        let atlas_summary = Summary::of(&prepared.atlas);
        let summary = Memo::new(move |_| atlas_summary);
        MapState {
            prepared,
            width,
            height,
            transform,
            summary,
        }
    }
}
