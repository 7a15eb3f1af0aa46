//! The heaviest aggregated arcs as keyboard stops: a focusable point in the middle of each,
//! named for screen readers, that shows the arc and its count as hovering does; Enter zooms in
//! to its two ends. The pointer finds every arc through `Gestures`; these are for the keyboard.

use leptos::prelude::*;

use super::flow_text;
use crate::ui::state::use_map_state;

/// At most this many arcs, the heaviest, are keyboard stops.
const STOPS: usize = 12;

#[component]
pub fn FlowStops() -> impl IntoView {
    let state = use_map_state();
    let (flows, transform, preview) = (state.flows, state.transform, state.preview);
    move || {
        if preview.with(Option::is_some) {
            return Vec::new();
        }
        let t = transform.get();
        let middles: Vec<(f64, f64)> = flows.with(|f| {
            f.iter()
                .take(STOPS)
                .map(|flow| t.apply(flow.curve.at(0.5)))
                .collect()
        });
        middles
            .into_iter()
            .enumerate()
            .filter_map(|(i, (x, y))| {
                let name = flow_text(&state, i)?;
                let (focus, blur, key) = (state.hovered_flow, state.hovered_flow, state.clone());
                Some(view! {
                    <g class="flow-stop" transform=format!("translate({x:.1} {y:.1})") role="button" tabindex="0"
                        aria-label=name
                        on:focus=move |_| focus.set(Some((i, (x, y))))
                        on:blur=move |_| blur.set(None)
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                key.zoom_to_flow(i);
                            }
                        }
                    >
                        <circle r="7"></circle>
                    </g>
                })
            })
            .collect::<Vec<_>>()
    }
}
