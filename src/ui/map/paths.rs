//! The map's many-in-one paths (a batch of links, the dots of one kind of place, hub rings),
//! and the links of a focused place one by one, all drawn by one view, which keeps the bundle
//! small.

use leptos::prelude::*;

/// One path standing for `count` things on the map.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    batches.into_iter().map(path).collect_view()
}

/// The `batches` as they change: a path that stays as it was keeps its element (keyed by all it
/// draws), so the browser neither lays it out nor rasterises it again.
pub fn draw_kept(batches: impl Fn() -> Vec<Batch> + Send + Sync + 'static) -> impl IntoView {
    view! { <For each=batches key=|b| b.clone() children=path/> }
}

fn path(b: Batch) -> impl IntoView {
    view! {
        <path class=b.class d=b.d data-count=b.count data-link=b.record style:stroke=b.stroke></path>
    }
}
