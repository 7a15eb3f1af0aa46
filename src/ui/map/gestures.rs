//! Moving the map by hand: wheel, drag, pinch, double-click and keys, all turned into changes
//! of the view through the camera's pure functions.

use leptos::html::Div;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::geo::viewport::View;
use crate::core::geo::MapPoint;
use crate::core::scene::flows::flow_at;
use crate::ui::i18n::t;
use crate::ui::state::MapState;

use super::embed::{Embedding, FullscreenButton};

/// A pointer must travel this far (px) before a press becomes a drag rather than a click.
const DRAG_THRESHOLD: f64 = 4.0;
/// Wheel pixels per zoom level.
const WHEEL_PIXELS_PER_LEVEL: f64 = 300.0;
/// Arrow keys move the map by this many pixels.
const KEY_PAN: f64 = 100.0;
/// Buttons and keys zoom by this many levels.
const STEP: f64 = 0.5;
/// A gesture moves the drawn map as a picture; this long after its last step, the map is
/// redrawn where it went.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(150);
/// How near (px) the pointer must come to a place's centre to point at it, and to a line.
const PLACE_REACH_PX: f64 = 11.0;
const LINK_REACH_PX: f64 = 6.0;

/// The pointers pressed on the map, and whether the current press has become a drag.
#[derive(Default)]
struct Pointers {
    /// Each pressed pointer's id and where it is, in the order pressed: a few at most, so a
    /// list (a map's code would cost the bundle kilobytes).
    at: Vec<(i32, (f64, f64))>,
    travelled: f64,
}

impl Pointers {
    fn get(&self, id: i32) -> Option<(f64, f64)> {
        self.at.iter().find(|(i, _)| *i == id).map(|(_, at)| *at)
    }

    fn set(&mut self, id: i32, at: (f64, f64)) {
        match self.at.iter_mut().find(|(i, _)| *i == id) {
            Some(pointer) => pointer.1 = at,
            None => self.at.push((id, at)),
        }
    }
}

/// Event handlers for the map's box.
#[derive(Clone)]
pub struct Gestures {
    state: MapState,
    container: NodeRef<Div>,
    pointers: StoredValue<Pointers>,
    /// Set when a press became a drag, so that its click does not select what lies under it.
    pub dragged: StoredValue<bool>,
    settle: StoredValue<Option<TimeoutHandle>>,
    /// Steps of the gesture so far, to tell a pause from a slow frame (`go`).
    steps: StoredValue<u64>,
    pub embedding: Embedding,
}

impl Gestures {
    pub fn new(state: MapState, container: NodeRef<Div>, embedding: Embedding) -> Self {
        Gestures {
            state,
            container,
            pointers: StoredValue::new(Pointers::default()),
            dragged: StoredValue::new(false),
            settle: StoredValue::new(None),
            steps: StoredValue::new(0),
            embedding,
        }
    }

    /// A client position relative to the map's box.
    fn local(&self, client_x: i32, client_y: i32) -> (f64, f64) {
        let (left, top) = self
            .container
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (r.left(), r.top())
            })
            .unwrap_or_default();
        (f64::from(client_x) - left, f64::from(client_y) - top)
    }

    fn view(&self) -> View {
        self.state.current_view()
    }

    /// Zooms by `steps` levels about a point of the screen (default: its centre); during a
    /// gesture (`live`) as a preview that is redrawn once the gesture pauses.
    pub fn zoom_by(&self, steps: f64, at: Option<(f64, f64)>, live: bool) {
        let camera = self.state.camera.get_untracked();
        let (x, y) = at.unwrap_or((camera.width / 2.0, camera.height / 2.0));
        self.go(camera.zoom_at(self.view(), steps, x, y), live);
    }

    pub fn pan_by(&self, dx: f64, dy: f64, live: bool) {
        let camera = self.state.camera.get_untracked();
        self.go(camera.pan(self.view(), dx, dy), live);
    }

    fn go(&self, view: View, live: bool) {
        if !live {
            self.state.set_view(view);
            return;
        }
        self.state.set_preview(view);
        if let Some(handle) = self.settle.get_value() {
            handle.clear();
        }
        let (state, steps) = (self.state.clone(), self.steps);
        let step = steps.get_value().wrapping_add(1);
        steps.set_value(step);
        // A frame slower than `SETTLE` holds back the gesture's next step past it: the map is
        // redrawn only if no step comes with the next frame either. Redrawn at once, a slow
        // machine redrew a large map between every two steps of a drag, each redrawing
        // slowing the next frame beyond `SETTLE` again.
        // (A frame's input comes before its animation frame callbacks.)
        let settled = move || {
            request_animation_frame(move || {
                if steps.get_value() == step {
                    state.commit_preview();
                }
            })
        };
        let handle = set_timeout_with_handle(settled, SETTLE).ok();
        self.settle.set_value(handle);
    }

    /// The map point under a point of the screen.
    fn map_point(&self, (x, y): (f64, f64)) -> MapPoint {
        let t = self.state.transform.get_untracked();
        MapPoint {
            x: (x - t.tx) / t.scale,
            y: (y - t.ty) / t.scale,
        }
    }

    /// The shown place under a point of the screen.
    fn place_under(&self, at: (f64, f64)) -> Option<usize> {
        let scale = self.state.transform.get_untracked().scale;
        self.state.drawn_places.with_untracked(|drawn| {
            self.state.prepared.hit.place_at(
                &self.state.prepared.atlas,
                self.map_point(at),
                PLACE_REACH_PX / scale,
                drawn,
            )
        })
    }

    /// The aggregated arc under a point of the screen, where the map draws them.
    fn flow_under(&self, at: (f64, f64)) -> Option<usize> {
        let scale = self.state.transform.get_untracked().scale;
        let p = self.map_point(at);
        self.state
            .flows
            .with_untracked(|f| flow_at(f, p, LINK_REACH_PX / scale))
    }

    /// A click on the map: the place under it, else the link under it, is selected; a click on
    /// an aggregated arc zooms in to its two ends, where it splits into the links it stands for.
    pub fn on_click(&self, ev: leptos::ev::MouseEvent) {
        if self.dragged.get_value() {
            return;
        }
        let at = self.local(ev.client_x(), ev.client_y());
        if let Some(place) = self.place_under(at) {
            self.state.select_place(place);
            return;
        }
        if let Some(flow) = self.flow_under(at) {
            self.state.zoom_to_flow(flow);
            return;
        }
        let scale = self.state.transform.get_untracked().scale;
        let link = self.state.visible.with_untracked(|v| {
            self.state.prepared.hit.link_at(
                &self.state.prepared.atlas,
                self.map_point(at),
                LINK_REACH_PX / scale,
                &v.links,
            )
        });
        if let Some(link) = link {
            self.state.select_link(link);
        }
    }

    pub fn reset(&self) {
        self.state.reset_view();
    }

    pub fn on_wheel(&self, ev: leptos::ev::WheelEvent) {
        if self.embedding.cooperative() && !(ev.ctrl_key() || ev.meta_key()) {
            // Embedded: the wheel scrolls the host page, unless Ctrl or ⌘ is held.
            self.embedding.show_hint(t("embed.wheel_hint"));
            return;
        }
        ev.prevent_default();
        let per_line = if ev.delta_mode() == 0 { 1.0 } else { 40.0 };
        let steps = (-ev.delta_y() * per_line / WHEEL_PIXELS_PER_LEVEL).clamp(-1.0, 1.0);
        self.zoom_by(steps, Some(self.local(ev.client_x(), ev.client_y())), true);
    }

    pub fn on_dblclick(&self, ev: leptos::ev::MouseEvent) {
        ev.prevent_default();
        let steps = if ev.shift_key() { -1.0 } else { 1.0 };
        self.zoom_by(steps, Some(self.local(ev.client_x(), ev.client_y())), false);
    }

    pub fn on_pointer_down(&self, ev: leptos::ev::PointerEvent) {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let at = self.local(ev.client_x(), ev.client_y());
        self.pointers.update_value(|p| {
            if p.at.is_empty() {
                p.travelled = 0.0;
            }
            p.set(ev.pointer_id(), at);
        });
        self.dragged.set_value(false);
    }

    pub fn on_pointer_move(&self, ev: leptos::ev::PointerEvent) {
        let id = ev.pointer_id();
        let at = self.local(ev.client_x(), ev.client_y());
        let Some((before, others)) = self.pointers.with_value(|p| {
            let before = p.get(id)?;
            let others: Vec<(f64, f64)> =
                p.at.iter()
                    .filter(|(k, _)| *k != id)
                    .map(|(_, v)| *v)
                    .collect();
            Some((before, others))
        }) else {
            // No button down: the pointer points at a place, which the map then highlights.
            if ev.pointer_type() == "mouse" {
                // On an edge marker it points at the marker, which names its own places, and
                // not at a town or arc beneath (whose tooltip would cover the marker's).
                let on_marker = super::beyond::edge_of(ev.target()).is_some();
                let under = if on_marker {
                    None
                } else {
                    self.place_under(at)
                };
                if self.state.hovered.get_untracked() != under {
                    self.state.hovered.set(under);
                }
                let arc = match under {
                    None if !on_marker => self.flow_under(at).map(|f| (f, at)),
                    _ => None,
                };
                if self.state.hovered_flow.get_untracked() != arc {
                    self.state.hovered_flow.set(arc);
                }
            }
            return;
        };
        let (dx, dy) = (at.0 - before.0, at.1 - before.1);
        let travelled = self.pointers.try_update_value(|p| {
            p.set(id, at);
            p.travelled += dx.hypot(dy);
            p.travelled
        });
        if travelled.unwrap_or_default() < DRAG_THRESHOLD {
            return;
        }
        if !self.dragged.get_value() {
            self.dragged.set_value(true);
            // Only a drag captures the pointer: a plain click must still reach the marker under it.
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(id);
            }
        }
        match others.as_slice() {
            // Embedded, one finger scrolls the host page (the map's `touch-action` lets it).
            [] if ev.pointer_type() == "touch" && self.embedding.cooperative() => {
                self.embedding.show_hint(t("embed.touch_hint"));
            }
            [] => self.pan_by(dx, dy, true),
            [other, ..] => {
                // Two fingers: the change in their distance zooms, their midpoint's movement pans.
                let (d0, d1) = (
                    (before.0 - other.0).hypot(before.1 - other.1),
                    (at.0 - other.0).hypot(at.1 - other.1),
                );
                let mid = ((at.0 + other.0) / 2.0, (at.1 + other.1) / 2.0);
                if d0 > 1.0 && d1 > 1.0 {
                    self.zoom_by((d1 / d0).log2(), Some(mid), true);
                }
                self.pan_by(dx / 2.0, dy / 2.0, true);
            }
        }
    }

    pub fn on_pointer_up(&self, ev: leptos::ev::PointerEvent) {
        let last = self.pointers.try_update_value(|p| {
            let id = ev.pointer_id();
            p.at.retain(|(i, _)| *i != id);
            p.at.is_empty()
        });
        if last == Some(true) {
            self.state.commit_preview();
        }
    }

    pub fn on_pointer_leave(&self) {
        if self.state.hovered.get_untracked().is_some() {
            self.state.hovered.set(None);
        }
        if self.state.hovered_flow.get_untracked().is_some() {
            self.state.hovered_flow.set(None);
        }
    }

    /// `+`, `-`, arrows and `0` move the map while it has the keyboard focus.
    pub fn on_key(&self, ev: leptos::ev::KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "+" | "=" => self.zoom_by(STEP, None, false),
            "-" | "_" => self.zoom_by(-STEP, None, false),
            "ArrowLeft" => self.pan_by(KEY_PAN, 0.0, false),
            "ArrowRight" => self.pan_by(-KEY_PAN, 0.0, false),
            "ArrowUp" => self.pan_by(0.0, KEY_PAN, false),
            "ArrowDown" => self.pan_by(0.0, -KEY_PAN, false),
            "0" => self.reset(),
            _ => return,
        }
        ev.prevent_default();
    }
}

/// Zoom in, zoom out, back to the whole region.
#[component]
pub fn ZoomControls(gestures: Gestures) -> impl IntoView {
    let embedding = gestures.embedding;
    let (zoom_in, zoom_out, reset) = (gestures.clone(), gestures.clone(), gestures);
    view! {
        <div class="zoom-controls" role="group" aria-label=t("zoom.group")>
            <button type="button" class="zoom-button" aria-label=t("zoom.in") title=t("zoom.in_title")
                on:click=move |_| zoom_in.zoom_by(STEP, None, false)>"+"</button>
            <button type="button" class="zoom-button" aria-label=t("zoom.out") title=t("zoom.out_title")
                on:click=move |_| zoom_out.zoom_by(-STEP, None, false)>"−"</button>
            <button type="button" class="zoom-button" aria-label=t("zoom.home") title=t("zoom.home_title")
                on:click=move |_| reset.reset()>"⤢"</button>
            {embedding.embedded.then(|| view! { <FullscreenButton embedding/> })}
        </div>
    }
}
