//! The map and what surrounds it: basemap and links in map units under one transform;
//! markers, labels and the tooltip in screen pixels, so they keep their size at any zoom.

pub(super) mod basemap;
mod beyond;
mod embed;
mod flow_stops;
mod gestures;
mod links;
mod paths;
mod places;

use std::sync::Arc;
use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::basemap::Basemap;

use super::element_size::use_element_size;
use super::fetch::{FetchError, Prepared};
use super::i18n::{count, fill, language, t};
use super::panels::{
    Attribution, DataProblems, DetailsPanel, ExportButton, FilterPanel, Legend, ListView, ScaleBar,
    SearchBox, ShareButton, SummaryLine, ViewSwitch,
};
use super::state::{use_map_state, MapState};
use crate::core::scene::clusters::Group;
use crate::core::scene::flows::FlowEnd;
use crate::core::url_state::ViewMode;
use basemap::BasemapLayer;
use beyond::BeyondLayer;
use embed::{Embedding, FullMapLink, GestureHint};
use flow_stops::FlowStops;
use gestures::Gestures;
use gestures::ZoomControls;
use links::{LinkLayer, WholeLinks};
use places::PlaceLayer;

/// Screens this narrow (the stylesheet's fold) start with the legend and the filters folded.
const NARROW_SCREEN: &str = "(max-width: 800px)";

/// Asked as a media query: reading the window's width would lay the page out there and then,
/// a forced layout of the first picture at start-up (tens of ms on a phone).
fn is_wide_screen() -> bool {
    window()
        .match_media(NARROW_SCREEN)
        .ok()
        .flatten()
        .is_none_or(|query| !query.matches())
}

/// The number in `attribute` of the element an event reached, or of its nearest ancestor with
/// one: which marker a layer's event is for.
pub(super) fn marked(target: Option<web_sys::EventTarget>, attribute: &str) -> Option<usize> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let marker = element.closest(&format!("[{attribute}]")).ok()??;
    marker.get_attribute(attribute)?.parse().ok()
}

#[component]
pub fn MapView(
    prepared: Arc<Prepared>,
    /// The basemap arrives on its own; the data is drawn over plain sea until it does.
    basemap: LocalResource<Result<Arc<Basemap>, FetchError>>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let (width, height) = use_element_size(container);
    let basemap_ready = Signal::derive(move || basemap.get().and_then(Result::ok));
    let basemap_error = move || basemap.get().and_then(Result::err);
    let state = MapState::new(prepared.clone(), basemap_ready, width, height);
    // Handed to the components within by context, not cloned into each.
    provide_context(state.clone());
    let embedding = Embedding::new(state.url.with_untracked(|u| u.embed));
    let cooperative = move || {
        embedding.fullscreen.track();
        embedding.cooperative()
    };
    let gestures = Gestures::new(state.clone(), container, embedding);
    let transform = state.transform;
    let visible = state.visible;
    let summary = Signal::derive(move || visible.with(|v| v.summary));
    let wide = is_wide_screen();
    let measured = move || width.get() > 0.0 && height.get() > 0.0;
    let stage = first_drawing(measured);
    let drawn = move |layers: u8| Memo::new(move |_| measured() && stage.get() >= layers);
    let (sidebar_drawn, base_drawn, links_drawn, places_drawn, stops_drawn, all_drawn) = (
        drawn(1),
        drawn(2),
        drawn(3),
        drawn(4),
        drawn(5),
        drawn(FIRST_DRAWING),
    );
    let basemap_drawn = Signal::derive(move || base_drawn.get().then(|| basemap_ready.get())?);
    // The sidebar's controls, then the cards over the map (summary, legend, scale, credits, zoom
    // buttons) with the basemap, each a task after the page around the map: drawn with it, they
    // made one long task, most of it the browser compiling each of the module's functions on its
    // first call. Once drawn they stay, whatever the map's size does later.
    let (controls_drawn, overlays_drawn) = (latched(sidebar_drawn), latched(base_drawn));
    // The page's first picture stays under the map until the basemap and every layer are drawn
    // over it; then it is hidden, not removed: an image taken out of the page while it still
    // loads can keep the browser's load event waiting for good.
    Effect::new(move |_| {
        if basemap.with(Option::is_some) && all_drawn.get() {
            if let Some(picture) = document().query_selector(".first-paint").ok().flatten() {
                let _ = picture.set_attribute("hidden", "");
            }
        }
    });
    // Tells the benchmark when the first complete map is in the DOM (scripts/bench.sh).
    Effect::new(move |marked: Option<bool>| {
        if marked == Some(true) || !all_drawn.get() {
            return marked.unwrap_or(false);
        }
        if let Ok(performance) = js_sys::Reflect::get(&window(), &"performance".into()) {
            let mark = js_sys::Reflect::get(&performance, &"mark".into()).ok();
            if let Some(mark) = mark.and_then(|m| m.dyn_into::<js_sys::Function>().ok()) {
                let _ = mark.call1(&performance, &"map-complete".into());
            }
        }
        true
    });
    let filters_open = RwSignal::new(wide);
    // An embedded map has no sidebar; elsewhere the filters are drawn when first shown (see
    // `FilterPanel`): at once on a wide screen, on a narrow one when first unfolded or when the
    // window is widened past the fold (which resizes the map). Once drawn, they stay.
    let embedded = embedding.embedded;
    let filters_drawn = latched(Memo::new(move |_| {
        !embedded && (filters_open.get() || width.with(|_| is_wide_screen()))
    }));

    let (g1, g2, g3, g4, g5, g6, g7, g8, g9) = (
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
        gestures.clone(),
    );
    let picture = preview_transform(&state);
    let base_picture = preview_transform(&state);
    let whole_picture = preview_transform(&state);
    let whole = state.whole;
    // Held while a filter hides the picture, as its level is (`MapState::whole_level`).
    let whole_transform = Memo::new(move |held: Option<&String>| match (held, whole.get()) {
        (Some(held), false) => held.clone(),
        _ => transform.get().to_svg(),
    });

    // The page around the map is built a task after this body has run (the map's state, the
    // components' own): both at once, with the browser compiling the functions of each on their
    // first call, were one long task on a phone.
    let workspace = view! {
        <div class="workspace">
            <aside class="sidebar" class:open=move || filters_open.get() aria-label=t("sidebar.label")>
                {move || controls_drawn.get().then(|| view! {
                    <ViewSwitch/>
                    <SearchBox/>
                    <button
                        type="button"
                        class="filters-toggle"
                        aria-expanded=move || filters_open.get().to_string()
                        aria-controls="filters"
                        on:click=move |_| filters_open.update(|open| *open = !*open)
                    >
                        {t("filters.toggle")}
                    </button>
                    <FilterPanel drawn=filters_drawn.into()/>
                    <div class="tools">
                        <ShareButton/>
                        <ExportButton/>
                    </div>
                })}
            </aside>
            // Out of sight until the sidebar's controls are drawn above it on a phone, which moves
            // it down: a layout shift, where the page's first picture, beneath, is still seen.
            <div class="map-area" class:pending=move || !controls_drawn.get()>
            <div
                class="map"
                class:cooperative=cooperative
                node_ref=container
                tabindex="0"
                aria-label=t("map.label")
                on:keydown=move |ev| g1.on_key(ev)
            >
                // The basemap is a picture of its own beneath the rest: a filter change redraws
                // the links and markers, and the browser need not paint the land and coasts
                // again with them (a third of the work of such a frame, in software).
                // A gesture moves each picture by its wrapper's transform: on an <svg> itself,
                // Chromium lays it out and rasterises it again at every step.
                <div class="map-picture map-base" aria-hidden="true" style:transform=base_picture>
                <svg width=move || width.get() height=move || height.get()>
                    <rect class="sea" width="100%" height="100%"></rect>
                    <g class="world-base" transform=move || transform.get().to_svg()>
                        <BasemapLayer basemap=basemap_drawn/>
                    </g>
                </svg>
                </div>
                // The whole network's links, as no filter leaves them, a picture of their own
                // between the basemap and the rest. A filter hides it by its opacity alone, so
                // the browser keeps it drawn: going back to every link, the heaviest picture
                // of the map, is the compositor's work, not a redraw (see `WholeLinks`).
                <div class="map-picture map-whole" class:resting=move || !whole.get() aria-hidden="true" style:transform=whole_picture>
                <svg width=move || width.get() height=move || height.get()>
                    <g class="world" transform=whole_transform>
                        {drawn_once(links_drawn, || view! { <WholeLinks/> }.into_any())}
                    </g>
                </svg>
                </div>
                <div class="map-picture" style:transform=picture>
                <svg
                    class="map-svg"
                    width=move || width.get()
                    height=move || height.get()
                    role="group"
                    aria-roledescription="map"
                    aria-label=t("map.description")
                    on:wheel=move |ev| g2.on_wheel(ev)
                    on:dblclick=move |ev| g3.on_dblclick(ev)
                    on:pointerdown=move |ev| g4.on_pointer_down(ev)
                    on:pointermove=move |ev| g5.on_pointer_move(ev)
                    on:pointerup=move |ev| g6.on_pointer_up(ev.clone())
                    on:pointercancel=move |ev| g7.on_pointer_up(ev)
                    on:pointerleave=move |_| g8.on_pointer_leave()
                    on:click=move |ev| g9.on_click(ev)
                >
                    // Drawn once the box has its size (drawn before, into a box of no size,
                    // every arc and label would be worked out twice at start-up), a layer per
                    // task: see `first_drawing`.
                    <g class="world" transform=move || transform.get().to_svg()>
                        {drawn_once(links_drawn, || view! { <LinkLayer/> }.into_any())}
                    </g>
                    {drawn_once(places_drawn, || view! { <PlaceLayer/> }.into_any())}
                    {drawn_once(stops_drawn, || view! { <FlowStops/> }.into_any())}
                    {drawn_once(all_drawn, || view! { <BeyondLayer/> }.into_any())}
                </svg>
                </div>
                <Tooltip/>
                <GestureHint embedding/>
                {move || overlays_drawn.get().then(|| {
                    let problems = prepared.loaded.problems.clone();
                    let gestures = gestures.clone();
                    view! {
                        <div class="overlay overlay-top">
                            <SummaryLine summary=summary/>
                            <DataProblems problems=problems/>
                            {move || basemap_error().map(|e| view! {
                                <p class="card notice" role="status">{fill("app.basemap_missing", &[("error", &e.to_string())])}</p>
                            })}
                        </div>
                        <ZoomControls gestures=gestures/>
                        <div class="overlay overlay-bottom">
                            <Legend initially_open=wide/>
                            <ScaleBar transform=transform/>
                            {embedding.embedded.then(|| view! { <FullMapLink/> })}
                            <Attribution/>
                        </div>
                    }
                })}
            </div>
            <Show when=move || state.url.with(|u| u.view == ViewMode::List)>
                <ListView/>
            </Show>
            </div>
            <DetailsPanel/>
        </div>
    }
    .into_any();
    a_task_later(workspace)
}

/// How many steps the map's first drawing takes: the sidebar's controls, the basemap (half a
/// megabyte of path data for the browser to read and lay out) and the cards over the map, the
/// links, the places and their labels, the groups' stops, then the markers of partners beyond
/// the map's edge.
const FIRST_DRAWING: u8 = 6;

/// The step of the map's first drawing reached, 0 to `FIRST_DRAWING`: one more per task once
/// the map's box has its size. Drawn in one go, the layers, their layout and their paint made
/// one task of a quarter of a second under a 4× CPU slowdown, the longest of the start-up (and
/// what Lighthouse's blocking time counts); a layer per task, the page answers between them. The
/// first picture stays beneath until the last (see `MapView`). The first step is a task of its
/// own too: the size arrives from a ResizeObserver, in the middle of the browser's frame.
fn first_drawing(measured: impl Fn() -> bool + Send + Sync + 'static) -> ReadSignal<u8> {
    let (stage, set_stage) = signal(0u8);
    Effect::new(move |_| {
        if measured() && stage.get() < FIRST_DRAWING {
            set_timeout(
                move || set_stage.update(|s| *s = (*s + 1).min(FIRST_DRAWING)),
                Duration::ZERO,
            );
        }
    });
    stage
}

/// `view`, built and shown a task from now.
fn a_task_later(view: AnyView) -> impl IntoView {
    let (due, set_due) = signal(false);
    set_timeout(move || set_due.set(true), Duration::ZERO);
    // Taken once: `due` changes once, from false to true.
    let view = std::sync::Mutex::new(Some(view));
    move || due.get().then(|| view.lock().ok()?.take()).flatten()
}

/// True from the first time `drawn` is, for good.
fn latched(drawn: Memo<bool>) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was == Some(&true) || drawn.get())
}

/// `layer`, drawn while `drawn` holds: one function for the drawing's steps, not generic, so
/// that they share one copy of the code that draws and removes a view.
fn drawn_once(drawn: Memo<bool>, layer: fn() -> AnyView) -> impl IntoView {
    move || drawn.get().then(layer)
}

/// During a gesture, the CSS transform that moves the drawn map (as the compositor's picture of
/// it) from the view last drawn to the gesture's: screen′ = k·screen + (t′ − k·t).
fn preview_transform(state: &MapState) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    let (preview, transform, camera) = (state.preview, state.transform, state.camera);
    move || {
        let live = camera.get().transform(preview.get()?);
        let drawn = transform.get();
        let k = live.scale / drawn.scale;
        Some(format!(
            "translate({:.2}px, {:.2}px) scale({k:.5})",
            live.tx - k * drawn.tx,
            live.ty - k * drawn.ty
        ))
    }
}

/// The name of the place under the pointer or keyboard focus, beside it, with the group it is
/// drawn in at this zoom; or what an aggregated arc under the pointer stands for.
#[component]
fn Tooltip() -> impl IntoView {
    let state = use_map_state();
    let (hovered, transform, preview) = (state.hovered, state.transform, state.preview);
    let flow_state = state.clone();
    let place_tip = move || {
        let i = hovered.get()?;
        if preview.with(Option::is_some) {
            return None;
        }
        let glyph = &state.prepared.atlas.places[i];
        let place = &state.prepared.loaded.dataset.places[glyph.place];
        let (x, y) = transform.get().apply(glyph.at);
        // The name in the reader's language (with the local one), then any other names the
        // dataset knows, which people may know the place by.
        let shown = place.display_name(language());
        let others: Vec<&str> = place
            .names
            .values()
            .map(String::as_str)
            .filter(|n| *n != place.name && Some(*n) != place.name_in(language()))
            .collect();
        let country = super::text::country(&place.country);
        let text = match others.is_empty() {
            true => format!("{shown} · {country}"),
            false => format!("{shown} ({}) · {country}", others.join(", ")),
        };
        let group = state.level.get().and_then(|level| {
            let level = state.prepared.clusters.levels.get(level)?;
            let group = level.group_of.get(i).copied().flatten()?;
            let group = level.groups.get(group as usize)?;
            (group.places > 1).then(|| group_name(&state, group))
        });
        Some(view! {
            <div class="tooltip" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{y:.0}px")>
                {text}
                {group.map(|g| view! { <span class="tooltip-group">{g}</span> })}
            </div>
        })
    };
    let state = flow_state;
    let flow_tip = move || {
        let (i, (x, y)) = state.hovered_flow.get()?;
        if preview.with(Option::is_some) || hovered.with(Option::is_some) {
            return None;
        }
        let text = flow_text(&state, i)?;
        Some(view! {
            <div class="tooltip tooltip-flow" role="tooltip" style:left=format!("{x:.0}px") style:top=format!("{y:.0}px")>{text}</div>
        })
    };
    view! { {place_tip} {flow_tip} }
}

/// What the aggregated arc `flow` (index into `MapState::flows`) stands for: "171 links ·
/// Berlin and 367 places nearby — Cologne and 591 places nearby".
pub(super) fn flow_text(state: &MapState, flow: usize) -> Option<String> {
    let level = state.prepared.clusters.levels.get(state.level.get()?)?;
    state.flows.with(|flows| {
        let flow = flows.get(flow)?;
        let end = |end: FlowEnd| match end {
            FlowEnd::Group(g) => level.groups.get(g as usize).map(|g| group_name(state, g)),
            FlowEnd::Exit(_) => Some(t("map.flow_beyond").to_string()),
        };
        Some(format!(
            "{} · {} — {}",
            count("summary.links", flow.links),
            end(flow.from)?,
            end(flow.to)?
        ))
    })
}

/// "Hamburg and 12 places nearby": a group by its lead place, in the reader's language.
fn group_name(state: &MapState, group: &Group) -> String {
    let glyph = &state.prepared.atlas.places[group.lead];
    let place = &state.prepared.loaded.dataset.places[glyph.place];
    let name = place.name_in(language()).unwrap_or(&place.name);
    if group.places <= 1 {
        return name.to_string();
    }
    crate::core::i18n::fill(&count("map.group", group.places - 1), &[("name", name)])
}
