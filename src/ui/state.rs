//! The map's state: the prepared data and a struct of signals and memos, handed to small
//! components (as leptos-chartistry's `State`).
//!
//! The URL state is the single source of truth for what the visitor asked to see; the view
//! (zoom and centre) is kept apart so that moving the map does not re-run the filters.
//! Everything drawn is derived from these two and the dataset through memos.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::core::basemap::Basemap;
use crate::core::filter::{visible, Filters, Visible, YearRange};
use crate::core::geo::viewport::{Camera, View, ViewTransform, MAX_ZOOM};
use crate::core::geo::{MapPoint, Projection};
use crate::core::scene::flows::{flows, Flow};
use crate::core::url_state::{self, UrlState, ViewMode, Viewport};

use super::fetch::Prepared;
use super::history;

/// How long the map must be still before the address records where it is.
const ADDRESS_DELAY: std::time::Duration = std::time::Duration::from_millis(400);
/// Space kept free around the region when fitting it into the map's box, in pixels.
const FIT_PADDING: f64 = 12.0;
/// Below this width the details open as a sheet over the lower part of the map.
const NARROW_SCREEN_PX: f64 = 800.0;
/// How close a place chosen in search or in a panel is shown, at the most.
pub const PLACE_ZOOM: f64 = 4.5;
/// Room kept round the two ends of an aggregated arc when zooming in to them, in pixels.
const FLOW_PADDING_PX: f64 = 80.0;
/// Room around a selected place and its partners, for their labels.
const FOCUS_PADDING: f64 = 60.0;

/// Where the map opens, resolved once the map's box has a size.
#[derive(Debug, Clone, PartialEq)]
enum Landing {
    /// An explicit view (`map=zoom/lat/lon`).
    At(View),
    /// A place and its partners in sight (`place=…`), the place itself (`keep`) whatever else
    /// does not fit.
    Focus {
        points: Vec<MapPoint>,
        keep: Option<MapPoint>,
    },
}

impl Landing {
    fn view(&self, camera: &Camera) -> View {
        match self {
            Landing::At(view) => *view,
            Landing::Focus { points, keep } => focus(camera, points, *keep),
        }
    }
}

/// A view with `points` in sight, no closer than `PLACE_ZOOM`: in the middle of the map, or on
/// a narrow screen in its upper part, above the details sheet that opens over the lower half.
/// Links of more places than this are left out when fitting the view to a place's partners.
const FOCUS_MAX_PLACES: usize = 20;

/// Where a link's places are drawn: those in the region, and for those beyond it the points
/// where the link meets the map's frame.
fn drawn_ends(
    atlas: &crate::core::atlas::Atlas,
    link: &crate::core::atlas::LinkGlyph,
) -> Vec<MapPoint> {
    let inside = link
        .places
        .iter()
        .filter(|&&p| !atlas.places[p].beyond)
        .map(|&p| atlas.places[p].at);
    let exits = link
        .strokes
        .iter()
        .filter(|s| s.exit.is_some())
        .map(|s| s.curve.to);
    inside.chain(exits).collect()
}

/// The view of `points`; the whole region where there are none (a place whose partners all lie
/// beyond the map, with every link between places beyond it).
///
/// Where they cannot all be shown (partners on every side of the region, on a phone whose
/// screen the region overfills), the map zooms in from there, a quarter step at a time, until
/// `keep` can be brought into the area: a town opened by its address is never hidden under
/// its own details, nor beyond the edge of the region's picture.
fn focus(camera: &Camera, points: &[MapPoint], keep: Option<MapPoint>) -> View {
    let bottom = if camera.width < NARROW_SCREEN_PX {
        camera.height * 0.5
    } else {
        camera.height
    };
    let area = (0.0, 0.0, camera.width, bottom);
    let fitted = camera
        .fit_points(points, area, FOCUS_PADDING, PLACE_ZOOM)
        .unwrap_or_else(|| camera.home_view());
    let Some(keep) = keep else {
        return fitted;
    };
    let in_sight = |view: View, margin: f64| {
        let (x, y) = camera.transform(camera.clamp(view)).apply(keep);
        x >= margin && x <= area.2 - margin && y >= margin && y <= area.3 - margin
    };
    if in_sight(fitted, FOCUS_PADDING / 2.0) {
        return fitted;
    }
    let mut zoom = camera.clamp(fitted).zoom;
    while zoom < PLACE_ZOOM {
        if let Some(view) = camera.fit_points(&[keep], area, FOCUS_PADDING, zoom) {
            // Well inside the area, not at its edge, once the map had to zoom for it.
            if in_sight(view, area.2.min(area.3) / 4.0) {
                return view;
            }
        }
        zoom += 0.25;
    }
    camera
        .fit_points(&[keep], area, FOCUS_PADDING, PLACE_ZOOM)
        .unwrap_or(fitted)
}

/// The map's state, which the map view provides to every component within it.
pub fn use_map_state() -> MapState {
    expect_context::<MapState>()
}

#[derive(Clone)]
pub struct MapState {
    /// The dataset with its indexes (the filters' facts, the hit index, the groups of places).
    pub prepared: Arc<Prepared>,
    /// The dataset's theme ids, in its order (which gives each its colour).
    pub themes: Arc<Vec<String>>,
    /// What the visitor asked to see: filters, selection, search text, language, mode.
    pub url: RwSignal<UrlState>,
    /// Where the visitor has moved the map; `None` until they do.
    pub view: RwSignal<Option<View>>,
    /// Where a gesture in progress has moved the map: shown by moving the drawn map as a
    /// picture (the compositor's work, not a redraw) until the gesture pauses and the view
    /// takes it over.
    pub preview: RwSignal<Option<View>>,
    /// Where the URL asked the map to open (its `map`, or its `place`), until the visitor moves it.
    landing: RwSignal<Option<Landing>>,
    pub camera: Memo<Camera>,
    pub transform: Memo<ViewTransform>,
    pub filters: Memo<Filters>,
    pub visible: Memo<Visible>,
    /// Whether no filter is set: the links drawn are then the whole network's, kept in a
    /// picture of their own (`map::links::WholeLinks`) that a filter hides and shows again.
    pub whole: Memo<bool>,
    /// Whether the whole network's picture is drawn: from the first time no filter is set (a
    /// visit that opens filtered may never need it).
    pub whole_drawn: Memo<bool>,
    /// What no filter leaves out: everything, worked out once.
    unfiltered: Arc<OnceLock<Visible>>,
    pub theme_counts: Memo<BTreeMap<String, usize>>,
    /// The first and last year any dated link is in force.
    pub year_span: Option<YearRange>,
    /// The level of the prepared groups of places drawn at the current zoom; `None` where every place stands alone.
    pub level: Memo<Option<usize>>,
    /// At a level, the shown links between its groups as aggregated arcs, heaviest first.
    pub flows: Memo<Arc<Vec<Flow>>>,
    /// The level the whole network's picture is drawn at: the map's while no filter is set, held
    /// while a filter hides the picture, so that nothing hidden is drawn again.
    pub whole_level: Memo<Option<usize>>,
    /// The whole network's arcs at `whole_level`, worked out once per level while `whole_drawn`.
    pub whole_flows: Memo<Arc<Vec<Flow>>>,
    /// The places drawn as markers or dots: at a level, the groups' leads only.
    pub drawn_places: Memo<Arc<Vec<bool>>>,
    /// The aggregated arc under the pointer (index into `flows`) and where the pointer is.
    pub hovered_flow: RwSignal<Option<(usize, (f64, f64))>>,
    /// The place under the pointer or keyboard focus, by atlas index.
    pub hovered: RwSignal<Option<usize>>,
    /// The selected place and link, by atlas index.
    pub selected_place: Memo<Option<usize>>,
    pub selected_link: Memo<Option<usize>>,
    projection: Projection,
}

/// What no filter leaves out: every link and place.
fn everything(prepared: &Prepared) -> Visible {
    visible(&prepared.atlas, &prepared.facts, &Filters::default())
}

impl MapState {
    pub fn new(
        prepared: Arc<Prepared>,
        basemap: Signal<Option<Arc<Basemap>>>,
        width: Signal<f64>,
        height: Signal<f64>,
    ) -> Self {
        let facts = prepared.facts.clone();
        let themes: Arc<Vec<String>> = Arc::new(
            prepared
                .loaded
                .dataset
                .themes
                .iter()
                .map(|t| t.id.clone())
                .collect(),
        );
        let projection = Projection::etrs89_laea();
        let initial = url_state::parse(&history::query(), &prepared.known);
        let url = RwSignal::new(initial);

        let region = prepared.region;
        // Without a basemap there is no drawn edge to keep within: the region is its own bound.
        let frame = Memo::new(move |_| {
            basemap
                .get()
                .map(|b| (b.extent, b.bounds))
                .unwrap_or((region, region))
        });
        let camera = Memo::new(move |_| {
            let (extent, bounds) = frame.get();
            let (w, h) = (width.get(), height.get());
            Camera {
                home: ViewTransform::fit_region(extent, bounds, w, h, FIT_PADDING),
                width: w,
                height: h,
                bounds,
            }
        });
        let view = RwSignal::new(None);
        let landing = RwSignal::new(None);
        let transform = Memo::new(move |_| {
            let camera = camera.get();
            let wanted = view.get().or_else(|| {
                landing.with(|l: &Option<Landing>| l.as_ref().map(|l| l.view(&camera)))
            });
            camera.transform(wanted.map_or_else(|| camera.home_view(), |v| camera.clamp(v)))
        });

        let filters = Memo::new(move |_| url.with(|u| u.filters.clone()));
        let whole = Memo::new(move |_| filters.with(Filters::is_default));
        let unfiltered: Arc<OnceLock<Visible>> = Arc::new(OnceLock::new());
        let (p, u) = (prepared.clone(), unfiltered.clone());
        let visible = Memo::new(move |_| {
            filters.with(|filters| match filters.is_default() {
                true => u.get_or_init(|| everything(&p)).clone(),
                false => visible(&p.atlas, &p.facts, filters),
            })
        });
        let theme_counts = Memo::new(move |_| visible.with(|v| v.theme_counts.clone()));
        let year_span = crate::core::filter::year_span(&facts);

        let clusters = prepared.clusters.clone();
        let c = clusters.clone();
        let level = Memo::new(move |_| c.level_at(transform.get().scale));
        let c = clusters.clone();
        let drawn_places = Memo::new(move |_| {
            let level = level.get().and_then(|l| c.levels.get(l));
            visible.with(|v| match level {
                Some(level) => Arc::new(level.drawn(&v.places)),
                None => Arc::new(v.places.clone()),
            })
        });
        let (c, p, f, t, u) = (
            clusters.clone(),
            prepared.clone(),
            facts.clone(),
            themes.clone(),
            unfiltered.clone(),
        );
        let whole_drawn =
            Memo::new(move |drawn: Option<&bool>| drawn == Some(&true) || whole.get());
        let whole_level =
            Memo::new(
                move |held: Option<&Option<usize>>| match (held, whole.get()) {
                    (Some(&held), false) => held,
                    _ => level.get(),
                },
            );
        let whole_flows = Memo::new(move |_| {
            let level = whole_level.get().and_then(|l| c.levels.get(l));
            let (Some(level), true) = (level, whole_drawn.get()) else {
                return Arc::new(Vec::new());
            };
            let all = u.get_or_init(|| everything(&p));
            Arc::new(flows(
                &p.atlas,
                level,
                &f,
                &all.links,
                &Filters::default(),
                &t,
            ))
        });
        let (c, p, f, t) = (
            clusters.clone(),
            prepared.clone(),
            facts.clone(),
            themes.clone(),
        );
        let flows = Memo::new(move |_| {
            if whole.get() {
                return whole_flows.get();
            }
            let Some(level) = level.get().and_then(|l| c.levels.get(l)) else {
                return Arc::new(Vec::new());
            };
            let shown = visible.with(|v| {
                filters.with(|filters| flows(&p.atlas, level, &f, &v.links, filters, &t))
            });
            Arc::new(shown)
        });
        // An arc is named by its index among the arcs: once they are worked out again (another
        // level, other filters), the index means another arc.
        let hovered_flow = RwSignal::new(None);
        Effect::new(move |_| {
            flows.track();
            hovered_flow.set(None);
        });

        let p = prepared.clone();
        let selected_place = Memo::new(move |_| url.with(|u| p.lookup.place(u.place.as_deref()?)));
        let p = prepared.clone();
        let selected_link = Memo::new(move |_| url.with(|u| p.lookup.link(u.link.as_deref()?)));

        let state = MapState {
            prepared,
            themes,
            url,
            view,
            preview: RwSignal::new(None),
            camera,
            transform,
            filters,
            visible,
            whole,
            whole_drawn,
            unfiltered,
            theme_counts,
            year_span,
            level,
            flows,
            whole_level,
            whole_flows,
            drawn_places,
            hovered_flow,
            hovered: RwSignal::new(None),
            selected_place,
            selected_link,
            projection,
            landing,
        };
        state.landing.set(state.landing_from_url());
        state.follow_history();
        state
    }

    /// What no filter leaves out (`everything`), worked out once.
    pub fn unfiltered(&self) -> &Visible {
        self.unfiltered.get_or_init(|| everything(&self.prepared))
    }

    /// Changes what the visitor asked to see, as a new history entry.
    pub fn update(&self, change: impl FnOnce(&mut UrlState)) {
        self.url.update(change);
        history::push(self.query());
    }

    /// Changes it without a history entry (the year player's steps, typing in the search box).
    pub fn update_quietly(&self, change: impl FnOnce(&mut UrlState)) {
        self.url.update(change);
        history::replace(&self.query());
    }

    /// The query string for the current state and view.
    pub fn query(&self) -> String {
        url_state::write(&self.current())
    }

    /// The URL state with where the map stands now.
    pub fn current(&self) -> UrlState {
        let mut state = self.url.get_untracked();
        state.viewport = self.viewport();
        state
    }

    /// The current view as the URL writes it, or `None` for the fitted region.
    fn viewport(&self) -> Option<Viewport> {
        let view = self.view.get_untracked()?;
        let (lon, lat) = self.projection.unproject(view.center)?;
        Some(Viewport {
            zoom: view.zoom,
            lat,
            lon,
        })
    }

    /// Moves the map; the address follows once the movement pauses.
    pub fn set_view(&self, view: View) {
        self.preview.set(None);
        self.view.set(Some(self.camera.get_untracked().clamp(view)));
    }

    /// Moves the drawn map as a picture, during a gesture; `commit_preview` redraws it there.
    pub fn set_preview(&self, view: View) {
        self.preview
            .set(Some(self.camera.get_untracked().clamp(view)));
    }

    /// Draws the map where the gesture has moved it.
    pub fn commit_preview(&self) {
        if let Some(view) = self.preview.get_untracked() {
            self.set_view(view);
        }
    }

    /// Where the URL asks the map to open: its `map`, or else its place.
    fn landing_from_url(&self) -> Option<Landing> {
        let url = self.url.get_untracked();
        if let Some(v) = url.viewport {
            let center = self.projection.project(v.lon, v.lat)?;
            return Some(Landing::At(View {
                zoom: v.zoom,
                center,
            }));
        }
        let place = self.selected_place.get_untracked()?;
        Some(self.focus_on(place))
    }

    /// The view shown now, including a gesture's preview.
    pub fn current_view(&self) -> View {
        if let Some(view) = self.preview.get_untracked() {
            return view;
        }
        let camera = self.camera.get_untracked();
        let wanted = self.view.get_untracked().or_else(|| {
            self.landing
                .with_untracked(|l| l.as_ref().map(|l| l.view(&camera)))
        });
        wanted.map_or_else(|| camera.home_view(), |v| camera.clamp(v))
    }

    /// Back to the whole region.
    pub fn reset_view(&self) {
        self.preview.set(None);
        self.landing.set(None);
        self.view.set(None);
    }

    /// Selects a place (by atlas index) and brings it into view.
    pub fn select_place(&self, place: usize) {
        let id = self.place_id(place).to_string();
        self.update(|u| {
            u.place = Some(id);
            u.link = None;
            u.query.clear();
        });
        // A focus rather than a fixed view: it is fitted again when the details panel,
        // opening beside the map, changes the map's size.
        self.landing.set(Some(self.focus_on(place)));
        self.preview.set(None);
        self.view.set(None);
    }

    /// A place with its partners in sight, the place itself where they cannot all be.
    fn focus_on(&self, place: usize) -> Landing {
        let glyph = &self.prepared.atlas.places[place];
        Landing::Focus {
            points: self.neighbourhood(place),
            keep: (!glyph.beyond).then_some(glyph.at),
        }
    }

    /// A place and every place the links drawn now connect it with, as far as the map shows
    /// them: a partner beyond the map by where its link meets the frame.
    fn neighbourhood(&self, place: usize) -> Vec<MapPoint> {
        let atlas = &self.prepared.atlas;
        let mut points = Vec::new();
        self.visible.with_untracked(|v| {
            for (link, _) in atlas
                .links
                .iter()
                .zip(&v.links)
                // A large network (Eurocities) would widen the view to the whole region.
                .filter(|(l, &shown)| {
                    shown && l.places.len() <= FOCUS_MAX_PLACES && l.places.contains(&place)
                })
            {
                points.extend(drawn_ends(atlas, link));
            }
        });
        if !atlas.places[place].beyond {
            points.push(atlas.places[place].at);
        }
        points
    }

    /// Brings both ends of an aggregated arc into view, closer than the level it was drawn at.
    pub fn zoom_to_flow(&self, flow: usize) {
        let Some(curve) = self.flows.with_untracked(|f| f.get(flow).map(|f| f.curve)) else {
            return;
        };
        let camera = self.camera.get_untracked();
        let now = self.current_view().zoom;
        let fitted = camera.fit_points(
            &[curve.from, curve.to],
            (0.0, 0.0, camera.width, camera.height),
            FLOW_PADDING_PX,
            MAX_ZOOM,
        );
        if let Some(mut view) = fitted {
            view.zoom = view.zoom.max(now + 1.0);
            self.hovered_flow.set(None);
            self.set_view(view);
        }
    }

    /// Selects a partnership, network or event (by atlas index).
    pub fn select_link(&self, link: usize) {
        let id = self.prepared.atlas.links[link].id.clone();
        self.update(|u| {
            u.link = Some(id);
            u.place = None;
        });
    }

    /// Selects a link chosen in the list, and shows it on the map with its places in view.
    pub fn show_on_map(&self, link: usize) {
        let atlas = &self.prepared.atlas;
        let id = atlas.links[link].id.clone();
        self.update(|u| {
            u.link = Some(id);
            u.place = None;
            u.view = ViewMode::Map;
        });
        let points = drawn_ends(atlas, &atlas.links[link]);
        self.landing
            .set(Some(Landing::Focus { points, keep: None }));
        self.preview.set(None);
        self.view.set(None);
    }

    pub fn clear_selection(&self) {
        if self
            .url
            .with_untracked(|u| u.place.is_some() || u.link.is_some())
        {
            self.update(|u| {
                u.place = None;
                u.link = None;
            });
        }
    }

    pub fn place_id(&self, place: usize) -> &str {
        &self.prepared.loaded.dataset.places[self.prepared.atlas.places[place].place].id
    }

    /// Back and forward restore what that entry asked for; the address follows the view
    /// once the map stops moving.
    fn follow_history(&self) {
        let state = self.clone();
        let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
            state.url.set(url_state::parse(
                &history::navigated(),
                &state.prepared.known,
            ));
            state.landing.set(state.landing_from_url());
            state.preview.set(None);
            state.view.set(None);
        });
        on_cleanup(move || on_pop.remove());

        // The address follows the view once the map has been still for a moment: browsers
        // throttle history updates, and every frame of a drag need not be remembered.
        let state = self.clone();
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        let view = self.view;
        Effect::new(move |previous: Option<()>| {
            view.track();
            if previous.is_some() {
                if let Some(handle) = pending.get_value() {
                    handle.clear();
                }
                let state = state.clone();
                let handle = set_timeout_with_handle(
                    move || history::replace(&state.query()),
                    ADDRESS_DELAY,
                )
                .ok();
                pending.set_value(handle);
            }
        });
    }
}
