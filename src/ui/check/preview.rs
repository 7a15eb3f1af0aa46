//! The rows' links on the map before anything is saved: the basemap, each added link as the
//! map draws it, and its places, framed around them. Links with a partner beyond the map's
//! region are named below it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::atlas::LinkKind;
use crate::core::basemap::Basemap;
use crate::core::check::{preview, Checked};
use crate::core::geo::arc::PATH_UNIT;
use crate::core::geo::viewport::Extent;
use crate::core::geo::Projection;
use crate::ui::fetch::FetchError;
use crate::ui::map::basemap::BasemapLayer;
use crate::ui::palette::kind_class;

/// The picture's width the markers and labels are sized for, in CSS pixels (it scales with
/// the column; 4:3, as the stylesheet has it).
const DRAWN_WIDTH_PX: f64 = 520.0;

#[component]
pub fn PreviewMap(
    checked: Arc<Checked>,
    basemap: LocalResource<Result<Arc<Basemap>, FetchError>>,
) -> impl IntoView {
    let projection = Projection::etrs89_laea();
    let shown = preview(&checked, &projection, Extent::of_region(&projection));
    let e = shown.extent;
    // The frame at 4:3 around the rows' extent, so the margins are even.
    let (w, h) = (
        e.width().max(e.height() * 4.0 / 3.0),
        e.height().max(e.width() * 0.75),
    );
    let (x, y) = (
        e.min_x - (w - e.width()) / 2.0,
        e.min_y - (h - e.height()) / 2.0,
    );
    let px = w / DRAWN_WIDTH_PX;
    let land = Signal::derive(move || basemap.get().and_then(Result::ok));
    let links = shown
        .links
        .iter()
        .map(|l| {
            let class = format!("link {}", kind_class(LinkKind::Partnership(l.kind)));
            view! { <path class=class d=l.d.clone() data-row=l.row></path> }
        })
        .collect_view();
    let places = shown
        .places
        .iter()
        .map(|p| {
            let class = if p.new { "preview-place new" } else { "preview-place" };
            view! {
                <g class=class>
                    <circle cx=p.at.x cy=p.at.y r=4.5 * px></circle>
                    <text x=p.at.x + 7.0 * px y=p.at.y + 4.0 * px font-size=12.5 * px stroke-width=3.0 * px>{p.name.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let drawn = shown.links.len();
    let listed = shown
        .links
        .iter()
        .map(|l| view! { <li>{format!("{} (row {})", l.title, l.row)}</li> })
        .collect_view();
    let beyond = (!shown.beyond.is_empty()).then(|| {
        let items = shown.beyond.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
        view! {
            <p class="quiet">"With a partner beyond the map's region (shown at the map's edge once saved):"</p>
            <ul class="preview-beyond">{items}</ul>
        }
    });
    let empty = (drawn == 0)
        .then(|| view! { <p class="quiet">"No row adds a link inside the region yet."</p> });
    view! {
        <figure class="preview">
            <svg id="preview" viewBox=format!("{x:.1} {y:.1} {w:.1} {h:.1}") role="img"
                aria-labelledby="preview-title" preserveAspectRatio="xMidYMid meet">
                <rect class="sea" x=x y=y width=w height=h></rect>
                <BasemapLayer basemap=land/>
                <g class="links" transform=format!("scale({PATH_UNIT})")>{links}</g>
                <g class="preview-places">{places}</g>
            </svg>
            <figcaption>
                {empty}
                <ul class="preview-links" data-drawn=drawn>{listed}</ul>
                {beyond}
            </figcaption>
        </figure>
    }
}
