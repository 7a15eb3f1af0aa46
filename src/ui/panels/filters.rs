//! The filters: themes as chips with counts, years (one year, a range, or played through),
//! kinds and countries. Each control only writes the URL state; the map follows from it.

use std::collections::BTreeSet;

use leptos::leptos_dom::helpers::IntervalHandle;
use leptos::prelude::*;

use crate::core::filter::{Filters, KindFilter, YearRange, UNTAGGED};
use crate::core::sorting::remove_from;
use crate::core::sorting::set_of;
use crate::ui::i18n::{fill, language, number, t};
use crate::ui::palette::theme_colour;
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

/// A year of the player lasts this long on screen.
const PLAY_STEP: std::time::Duration = std::time::Duration::from_millis(900);

/// The filters, drawn once `drawn` first holds: where they start folded (a phone), drawing
/// their hundreds of elements was the largest part of the start-up's first long task, for a
/// panel most visits never unfold.
#[component]
pub fn FilterPanel(drawn: Signal<bool>) -> impl IntoView {
    let controls = move || {
        let state = use_map_state();
        let reset = state.clone();
        let filters = state.filters;
        view! {
            <ThemeChips/>
            <YearFilter/>
            <Choices title="filters.kinds" items=kind_items(&state) set=(|f| &f.kinds, |f| &mut f.kinds)/>
            <Choices title="filters.countries" items=country_items(&state) set=(|f| &f.countries, |f| &mut f.countries)/>
            <button
                type="button"
                class="button button-quiet"
                id="reset-filters"
                disabled=move || filters.with(|f| f.is_default())
                on:click=move |_| reset.update(|u| u.filters = Default::default())
            >
                {t("filters.clear")}
            </button>
        }
    };
    view! {
        <div id="filters" class="filters">
            {move || drawn.get().then(controls)}
        </div>
    }
}

#[component]
fn ThemeChips() -> impl IntoView {
    let state = use_map_state();
    let (filters, counts) = (state.filters, state.theme_counts);
    let all = state.clone();
    let (untagged_chip, untagged_box) = (state.clone(), state.clone());
    // Links whose sources state no theme: chosen or left out as a whole, like undated links.
    let untagged_count = move || counts.with(|c| c.get(UNTAGGED).copied().unwrap_or(0));
    // Shown only where the dataset has such links (the curated records all state themes).
    let any_untagged = state.prepared.facts.iter().any(|f| !f.is_tagged());
    let chips = state
        .prepared
        .loaded
        .dataset
        .themes
        .iter()
        .enumerate()
        .map(|(index, theme)| {
            let id = theme.id.clone();
            let pressed = {
                let id = id.clone();
                move || filters.with(|f| f.themes.contains(&id))
            };
            let count = {
                let id = id.clone();
                move || counts.with(|c| c.get(&id).copied().unwrap_or(0))
            };
            let count_attr = count.clone();
            let toggle = {
                let (state, id) = (state.clone(), id.clone());
                move |_| {
                    state.update(|u| {
                        if !remove_from(&mut u.filters.themes, &id) {
                            u.filters.themes.insert(id.clone());
                        }
                    })
                }
            };
            view! {
                <button
                    type="button"
                    class="chip"
                    data-theme=id
                    aria-pressed=move || pressed().to_string()
                    on:click=toggle
                >
                    <svg class="swatch" width="10" height="10" aria-hidden="true">
                        <circle cx="5" cy="5" r="5" style:fill=theme_colour(index)></circle>
                    </svg>
                    <span class="chip-label">{theme.labels.get(language()).to_string()}</span>
                    <span class="chip-count" data-count=count_attr>{move || number(count())}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>{t("filters.themes")}</legend>
            <div class="chips">
                <button
                    type="button"
                    class="chip chip-all"
                    aria-pressed=move || filters.with(|f| f.themes.is_empty()).to_string()
                    on:click=move |_| all.update(|u| u.filters.themes.clear())
                >
                    {t("filters.all_themes")}
                </button>
                {chips}
                {any_untagged.then(|| view! {
                <button
                    type="button"
                    class="chip chip-untagged"
                    data-theme=UNTAGGED
                    aria-pressed=move || filters.with(|f| f.themes.is_empty() || f.untagged).to_string()
                    disabled=move || filters.with(|f| f.themes.is_empty())
                    on:click=move |_| untagged_chip.update(|u| u.filters.untagged = !u.filters.untagged)
                >
                    <span class="chip-label">{t("filters.untagged")}</span>
                    <span class="chip-count" data-count=untagged_count>{move || number(untagged_count())}</span>
                </button>
                })}
            </div>
            {any_untagged.then(|| view! {
            <label class="check" class:disabled=move || filters.with(|f| f.themes.is_empty())>
                <input
                    type="checkbox"
                    id="include-untagged"
                    prop:checked=move || filters.with(|f| f.untagged)
                    disabled=move || filters.with(|f| f.themes.is_empty())
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        untagged_box.update(|u| u.filters.untagged = on);
                    }
                />
                {t("filters.include_untagged")}
            </label>
            })}
        </fieldset>
    }
}

/// How the year filter reads the years: not at all, one year, or a range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum YearMode {
    Any,
    One,
    Range,
}

#[component]
fn YearFilter() -> impl IntoView {
    let state = use_map_state();
    let Some(span) = state.year_span else {
        return view! { <p class="filter-note">{t("filters.no_years")}</p> }.into_any();
    };
    let filters = state.filters;
    let mode = move || match filters.with(|f| f.years) {
        None => YearMode::Any,
        Some(y) if y.from == y.to => YearMode::One,
        Some(_) => YearMode::Range,
    };
    let years = move || {
        filters.with(|f| f.years).unwrap_or(YearRange {
            from: span.to,
            to: span.to,
        })
    };
    let set_years = {
        let state = state.clone();
        move |range: Option<YearRange>| state.update(|u| u.filters.years = range)
    };
    let undated = state
        .prepared
        .facts
        .iter()
        .filter(|f| !f.is_dated())
        .count();

    // The player steps through the years, one history entry for the whole run.
    let playing = RwSignal::new(false);
    let timer: StoredValue<Option<IntervalHandle>> = StoredValue::new(None);
    // Also runs as the component's cleanup, when the value and signal may already be gone.
    let stop = move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
        timer.try_set_value(None);
        playing.try_set(false);
    };
    on_cleanup(stop);
    let play = {
        let state = state.clone();
        move |_| {
            if playing.get_untracked() {
                stop();
                return;
            }
            let start = match filters.with_untracked(|f| f.years) {
                Some(y) if y.from == y.to && y.from < span.to => y.from,
                _ => span.from,
            };
            state.update(|u| {
                u.filters.years = Some(YearRange {
                    from: start,
                    to: start,
                })
            });
            let state = state.clone();
            let step = move || {
                // The visitor chose any year, or a range, meanwhile: the run ends there.
                let next = match state.filters.with_untracked(|f| f.years) {
                    Some(y) if y.from == y.to => y.from + 1,
                    _ => span.to + 1,
                };
                if next > span.to {
                    stop();
                } else {
                    state.update_quietly(|u| {
                        u.filters.years = Some(YearRange {
                            from: next,
                            to: next,
                        })
                    });
                }
            };
            timer.set_value(set_interval_with_handle(step, PLAY_STEP).ok());
            playing.set(true);
        }
    };
    let is_active = playing;

    // Dragging the slider makes one history entry, not one per year passed: the first step
    // of a drag adds it, the others replace it, and `change` (the drag let go, or a key
    // press done) settles it.
    let sliding = StoredValue::new(false);
    let slide = {
        let state = state.clone();
        move |y: i32| {
            let change = |u: &mut crate::core::url_state::UrlState| {
                u.filters.years = Some(YearRange { from: y, to: y })
            };
            if sliding.get_value() {
                state.update_quietly(change);
            } else {
                sliding.set_value(true);
                state.update(change);
            }
        }
    };
    let (s1, s2, s3) = (set_years.clone(), set_years.clone(), set_years);
    let toggle_undated = state.clone();
    view! {
        <fieldset class="filter-group">
            <legend>{t("filters.years")}</legend>
            <div class="segmented" role="radiogroup" aria-label=t("filters.which_years")>
                <label><input type="radio" name="year-mode" checked=move || mode() == YearMode::Any
                    on:change=move |_| s1(None)/>{t("filters.any_year")}</label>
                <label><input type="radio" name="year-mode" checked=move || mode() == YearMode::One
                    on:change=move |_| { let y = years().to; s2(Some(YearRange { from: y, to: y })) }/>{t("filters.in_force")}</label>
                <label><input type="radio" name="year-mode" checked=move || mode() == YearMode::Range
                    on:change=move |_| s3(Some(YearRange { from: span.from, to: span.to }))/>{t("filters.between")}</label>
            </div>
            <Show when=move || mode() == YearMode::One>
                <div class="year-one">
                    <input
                        id="year-slider"
                        type="range"
                        min=span.from
                        max=span.to
                        step="1"
                        aria-label=t("filters.year")
                        prop:value=move || years().from.to_string()
                        on:input={
                            let slide = slide.clone();
                            move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                    slide(y);
                                }
                            }
                        }
                        on:change=move |_| sliding.set_value(false)
                    />
                    <output for="year-slider" class="year-value">{move || years().from}</output>
                </div>
            </Show>
            <Show when=move || mode() == YearMode::Range>
                <YearRangeInputs span=span/>
            </Show>
            <button
                type="button"
                class="button button-quiet play"
                id="play-years"
                aria-pressed=move || is_active.get().to_string()
                on:click=play.clone()
            >
                {move || if is_active.get() { format!("❚❚ {}", t("filters.pause")) } else { format!("▶ {}", t("filters.play")) }}
            </button>
            <label class="check" class:disabled=move || mode() == YearMode::Any>
                <input
                    type="checkbox"
                    id="include-undated"
                    prop:checked=move || filters.with(|f| f.undated)
                    disabled=move || mode() == YearMode::Any
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        toggle_undated.update(|u| u.filters.undated = on);
                    }
                />
                {fill("filters.include_undated", &[("n", &number(undated))])}
            </label>
        </fieldset>
    }
    .into_any()
}

#[component]
fn YearRangeInputs(span: YearRange) -> impl IntoView {
    let state = use_map_state();
    let filters = state.filters;
    let years = move || filters.with(|f| f.years).unwrap_or(span);
    let set = move |from: Option<i32>, to: Option<i32>| {
        let current = years();
        let (from, to) = (from.unwrap_or(current.from), to.unwrap_or(current.to));
        if from <= to {
            state.update(|u| u.filters.years = Some(YearRange { from, to }));
        }
    };
    let set_to = set.clone();
    view! {
        <div class="year-range">
            <label>{t("filters.from")} " "
                <input type="number" id="year-from" min=span.from max=span.to prop:value=move || years().from.to_string()
                    on:change=move |ev| set(event_target_value(&ev).parse().ok(), None)/>
            </label>
            <label>" " {t("filters.to")} " "
                <input type="number" id="year-to" min=span.from max=span.to prop:value=move || years().to.to_string()
                    on:change=move |ev| set_to(None, event_target_value(&ev).parse().ok())/>
            </label>
        </div>
    }
}

/// Adds `item` to one of the filters' sets when its box is ticked, takes it out when not.
fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, item: &T, on: bool) {
    if on {
        set.insert(item.clone());
    } else {
        remove_from(set, item);
    }
}

/// Which of the filters' sets a group of boxes reads and writes: kinds or countries.
type FilterSet<T> = (
    fn(&Filters) -> &BTreeSet<T>,
    fn(&mut Filters) -> &mut BTreeSet<T>,
);

/// Tick boxes for one of the filters' sets, none ticked meaning all: each box is an item
/// (`data-choice` is its id), named by its label.
#[component]
fn Choices<T: Ord + Clone + Send + Sync + 'static>(
    title: &'static str,
    items: Vec<(T, String, String)>,
    set: FilterSet<T>,
) -> impl IntoView {
    let state = use_map_state();
    let (filters, (read, write)) = (state.filters, set);
    let boxes = items
        .into_iter()
        .map(|(item, id, label)| {
            let state = state.clone();
            let checked = {
                let item = item.clone();
                move || filters.with(|f| read(f).contains(&item))
            };
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-choice=id
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.update(|u| toggle(write(&mut u.filters), &item, on));
                        }
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>{t(title)} " " <span class="hint">{t("filters.none_ticked")}</span></legend>
            <div class="checks">{boxes}</div>
        </fieldset>
    }
}

/// The kinds the dataset has, in their fixed order.
fn kind_items(state: &MapState) -> Vec<(KindFilter, String, String)> {
    let present: BTreeSet<KindFilter> = set_of(state.prepared.facts.iter().map(|f| f.kind));
    KindFilter::ALL
        .into_iter()
        .filter(|k| present.contains(k))
        .map(|k| (k, k.id().to_string(), text::kind_filter(k).to_string()))
        .collect()
}

/// The countries the dataset's places lie in, by code.
fn country_items(state: &MapState) -> Vec<(String, String, String)> {
    let codes: BTreeSet<&str> = set_of(
        state
            .prepared
            .loaded
            .dataset
            .places
            .iter()
            .map(|p| p.country.as_str()),
    );
    codes
        .into_iter()
        .map(|code| (code.to_string(), code.to_string(), text::country(code)))
        .collect()
}
