//! The map's many-in-one paths (a batch of links, the dots of one kind of place, hub rings),
//! and the links of a focused place one by one, all drawn by one view, which keeps the bundle
//! small.

use leptos::prelude::*;

/// One path standing for `count` things on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub class: String,
    pub d: String,
    pub count: usize,
    /// A theme's colour, over the class's.
    pub stroke: Option<&'static str>,
    /// The id of the one record it draws, where it draws one.
    pub record: Option<String>,
}

pub fn draw(batches: Vec<Batch>) -> impl IntoView {
    batches
        .into_iter()
        .map(|b| {
            view! {
                <path class=b.class d=b.d data-count=b.count data-link=b.record style:stroke=b.stroke></path>
            }
        })
        .collect_view()
}
