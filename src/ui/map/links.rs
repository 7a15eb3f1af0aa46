//! Partnerships as great-circle arcs, networks as spokes from their host, meetings as dotted
//! lines to theirs: all of them in a few batched paths (`core::scene::links`), and the links
//! of the hovered or selected place, or the selected link, drawn one by one on top, each
//! named by its id.

use leptos::prelude::*;

use crate::core::scene::flows::{flow_batches, weight};
use crate::core::scene::links::{link_batches, links_of, LinkStyle, Styler};
use crate::ui::palette::{kind_class, theme_colour};
use crate::ui::state::use_map_state;

use super::paths::{draw, Batch};

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

/// A click on a link reaches the map, which finds the line under the pointer
/// (`Gestures::on_click`).
#[component]
pub fn LinkLayer() -> impl IntoView {
    let state = use_map_state();
    let (visible, filters) = (state.visible, state.filters);
    let (prepared, facts, themes) = (
        state.prepared.clone(),
        state.prepared.facts.clone(),
        state.themes.clone(),
    );
    // Zoomed out, the links between groups of places (`MapState::flows`); zoomed in, every
    // link itself. Only the one drawn is worked out.
    let (level, flows, hovered_flow) = (state.level, state.flows, state.hovered_flow);
    let batches = Memo::new(move |_| {
        if level.get().is_some() {
            return Vec::new();
        }
        visible
            .with(|v| filters.with(|f| link_batches(&prepared.atlas, &facts, &v.links, f, &themes)))
    });
    let aggregated = Memo::new(move |_| flows.with(|f| flow_batches(f)));
    let (hovered, selected_place, selected_link) =
        (state.hovered, state.selected_place, state.selected_link);
    let place_focused = move || hovered.get().or_else(|| selected_place.get()).is_some();
    // Many links per screen: thinner, fainter lines, so that where they run stays readable
    // and a focused place's own links stand out.
    let (transform, camera) = (state.transform, state.camera);
    let dense = move || {
        let zoom = transform.get().scale / camera.with(|c| c.home.scale).max(f64::MIN_POSITIVE);
        level.get().is_none()
            && visible.with(|v| v.summary.links as f64 / (zoom * zoom)) > DENSE_LINKS
    };
    let drawn_flows = move || {
        aggregated.with(|batches| {
            draw(
                batches
                    .iter()
                    .map(|b| {
                        let extra = format!(" flow flow-w{}", b.weight);
                        styled(&b.style, &extra, b.d.clone(), b.arcs, None)
                    })
                    .collect(),
            )
        })
    };
    let drawn = move || {
        batches.with(|batches| {
            draw(
                batches
                    .iter()
                    .map(|b| styled(&b.style, " link-batch", b.d.clone(), b.links, None))
                    .collect(),
            )
        })
    };
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
            <g class="links" class:dimmed=place_focused class:dense=dense>{drawn}{drawn_flows}</g>
            <g class="links links-focus">{hovered_arc}{one_by_one}</g>
        </g>
    }
}
