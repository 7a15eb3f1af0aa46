//! Partnerships as great-circle arcs, networks as spokes from their host, meetings as dotted
//! lines to theirs: all of them in a few batched paths (`core::scene::links`), and the links
//! of the hovered or selected place, or the selected link, drawn one by one on top, each
//! named by its id. With no filter set, the batched paths are the whole network's picture
//! (`WholeLinks`).

use leptos::prelude::*;

use crate::core::filter::Filters;
use crate::core::scene::flows::{flow_batches, weight, FlowBatch};
use crate::core::scene::links::{link_batches, links_of, LinkBatch, LinkStyle, Styler};
use crate::ui::palette::{kind_class, theme_colour};
use crate::ui::state::{use_map_state, MapState};

use super::paths::{draw, draw_kept, Batch};

/// More links than this on the whole region's view (fewer when zoomed in) are drawn thin.
const DENSE_LINKS: f64 = 1_500.0;
/// At most this many links of a focused place are drawn one by one; the rest stay in the batch.
const MAX_FOCUS_LINKS: usize = 400;

fn class_of(style: &LinkStyle, extra: &str) -> String {
    let undated = if style.undated { " undated" } else { "" };
    format!("link {}{undated}{extra}", kind_class(style.kind))
}

/// A path of links drawn in `style`: its class (with `extra` classes), its theme colour.
fn styled(
    style: &LinkStyle,
    extra: &str,
    d: String,
    count: usize,
    record: Option<String>,
) -> Batch {
    Batch {
        class: class_of(style, extra),
        d,
        count,
        stroke: style.theme.map(theme_colour),
        record,
    }
}

/// The links a filter leaves, drawn over the whole network's picture (`WholeLinks`), which
/// stands for them while no filter is set; and the focused place's or link's own on top.
/// A click on a link reaches the map, which finds the line under the pointer
/// (`Gestures::on_click`).
#[component]
pub fn LinkLayer() -> impl IntoView {
    let state = use_map_state();
    let (visible, filters, whole) = (state.visible, state.filters, state.whole);
    let (prepared, facts, themes) = (
        state.prepared.clone(),
        state.prepared.facts.clone(),
        state.themes.clone(),
    );
    // Zoomed out, the links between groups of places (`MapState::flows`); zoomed in, every
    // link itself. Only the one drawn is worked out.
    let (level, flows, hovered_flow) = (state.level, state.flows, state.hovered_flow);
    let batches = Memo::new(move |_| {
        if level.get().is_some() || whole.get() {
            return Vec::new();
        }
        visible
            .with(|v| filters.with(|f| link_batches(&prepared.atlas, &facts, &v.links, f, &themes)))
    });
    let aggregated = Memo::new(move |_| match whole.get() {
        true => Vec::new(),
        false => flows.with(|f| flow_batches(f)),
    });
    let shown = move || visible.with(|v| v.summary.links);
    let (hovered, selected) = (state.hovered, state.selected_place);
    let dimmed = move || hovered.get().or_else(|| selected.get()).is_some();
    let base = network(&state, level, (batches, aggregated), shown, dimmed);
    let (hovered, selected_place, selected_link) =
        (state.hovered, state.selected_place, state.selected_link);
    let one_by_one = move || {
        let state = state.clone();
        let place = hovered.get().or_else(|| selected_place.get());
        let mut focused = visible.with(|v| match place {
            Some(p) => links_of(&state.prepared.atlas, &v.links, p, MAX_FOCUS_LINKS),
            None => Vec::new(),
        });
        if let Some(link) = selected_link.get() {
            focused.retain(|&l| l != link);
            focused.push(link);
        }
        let styler = state.filters.with(|f| Styler::new(f, &state.themes));
        let batches = focused
            .into_iter()
            .filter(|&i| !state.prepared.atlas.links[i].strokes.is_empty())
            .map(|i| {
                let link = &state.prepared.atlas.links[i];
                let mut d = String::new();
                link.strokes.iter().for_each(|s| s.curve.push_path(&mut d));
                let style = styler.style(&state.prepared.atlas, &state.prepared.facts, i);
                let selected = state.selected_link.get() == Some(i);
                let emphasis = if selected {
                    " selected"
                } else {
                    " highlighted"
                };
                styled(&style, emphasis, d, 1, Some(link.id.clone()))
            })
            .collect();
        draw(batches)
    };
    // The aggregated arc under the pointer, over the others.
    let hovered_arc = move || {
        let (i, _) = hovered_flow.get()?;
        let batch = flows.with(|f| {
            f.get(i).map(|flow| {
                let mut d = String::new();
                flow.curve.push_path(&mut d);
                let extra = format!(" flow flow-w{} highlighted", weight(flow.links));
                styled(&flow.style, &extra, d, flow.links, None)
            })
        })?;
        Some(draw(vec![batch]))
    };
    view! {
        // Path data come in units of 100 m (`Curve::push_path`), scaled here to kilometres.
        <g transform="scale(0.1)">
            {base}
            <g class="links links-focus">{hovered_arc}{one_by_one}</g>
        </g>
    }
}

/// The whole network's links, as no filter leaves them: worked out once per level (from the
/// first time no filter is set), in a picture of their own that the browser keeps drawn while
/// a filter hides it, so that going back to every link costs no drawing (`map::MapView`).
#[component]
pub fn WholeLinks() -> impl IntoView {
    let state = use_map_state();
    let (level, drawn, whole_flows) = (state.whole_level, state.whole_drawn, state.whole_flows);
    let s = state.clone();
    let batches = Memo::new(move |_| {
        if level.get().is_some() || !drawn.get() {
            return Vec::new();
        }
        let all = Filters::default();
        let p = &s.prepared;
        link_batches(&p.atlas, &p.facts, &s.unfiltered().links, &all, &s.themes)
    });
    let aggregated = Memo::new(move |_| whole_flows.with(|f| flow_batches(f)));
    let s = state.clone();
    let shown = move || s.unfiltered().summary.links;
    // Hidden by a filter, the picture does not follow the pointer: only a selection dims it.
    let (hovered, selected, whole) = (state.hovered, state.selected_place, state.whole);
    let dimmed = move || selected.get().is_some() || (whole.get() && hovered.get().is_some());
    let base = network(&state, level, (batches, aggregated), shown, dimmed);
    view! { <g transform="scale(0.1)">{base}</g> }
}

/// The links of a picture at `level`, `shown` of them: one by one zoomed in (`batches`), as
/// aggregated arcs zoomed out (`aggregated`). Fainter while `dimmed` (a place is focused), and
/// thinner where many links share the screen, so that where they run stays readable and the
/// focused place's own links stand out.
fn network(
    state: &MapState,
    level: Memo<Option<usize>>,
    (batches, aggregated): (Memo<Vec<LinkBatch>>, Memo<Vec<FlowBatch>>),
    shown: impl Fn() -> usize + Send + Sync + 'static,
    dimmed: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let (transform, camera) = (state.transform, state.camera);
    let dense = move || {
        let zoom = transform.get().scale / camera.with(|c| c.home.scale).max(f64::MIN_POSITIVE);
        level.get().is_none() && shown() as f64 / (zoom * zoom) > DENSE_LINKS
    };
    let drawn_flows = move || {
        aggregated.with(|batches| {
            batches
                .iter()
                .map(|b| {
                    let extra = format!(" flow flow-w{}", b.weight);
                    styled(&b.style, &extra, b.d.clone(), b.arcs, None)
                })
                .collect()
        })
    };
    let drawn = move || {
        batches.with(|batches| {
            batches
                .iter()
                .map(|b| styled(&b.style, " link-batch", b.d.clone(), b.links, None))
                .collect()
        })
    };
    // A path a change leaves as it was keeps its element, and the browser need not draw it
    // again: a year change moves the few dated links and leaves the many undated as they were.
    let (drawn, drawn_flows) = (draw_kept(drawn), draw_kept(drawn_flows));
    view! { <g class="links" class:dimmed=dimmed class:dense=dense>{drawn}{drawn_flows}</g> }
}
