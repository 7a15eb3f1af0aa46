//! Finding a place by any of its names, with suggestions to choose from by keyboard or pointer.
//! Choosing one selects the place and brings it into view.

use leptos::prelude::*;

use crate::core::search::search;
use crate::ui::i18n::{count, language, t};
use crate::ui::state::use_map_state;
use crate::ui::text;

/// Suggestions shown at once.
const MAX_SUGGESTIONS: usize = 8;

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_map_state();
    let url = state.url;
    let active = RwSignal::new(0usize);
    let prepared = state.prepared.clone();
    // Each suggestion: atlas index of the place, its name, and the other name that matched.
    let suggestions = Memo::new(move |_| {
        let query = url.with(|u| u.query.clone());
        let dataset = &prepared.loaded.dataset;
        search(&dataset.places, &query, MAX_SUGGESTIONS)
            .into_iter()
            .filter_map(|hit| {
                let atlas_index = prepared.lookup.place_of_record(hit.place)?;
                let place = &dataset.places[hit.place];
                let shown = place.display_name(language());
                let also = (hit.matched != place.name
                    && place.name_in(language()) != Some(hit.matched.as_str()))
                .then_some(hit.matched);
                Some((atlas_index, shown, also, place.country.clone()))
            })
            .collect::<Vec<_>>()
    });
    let open = move || !suggestions.with(Vec::is_empty);

    let choose = {
        let state = state.clone();
        move |index: usize| {
            if let Some((place, ..)) = suggestions.with_untracked(|s| s.get(index).cloned()) {
                state.select_place(place);
                active.set(0);
            }
        }
    };
    let on_input = {
        let state = state.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            active.set(0);
            state.update_quietly(|u| u.query = text);
        }
    };
    let on_keydown = {
        let (state, choose) = (state.clone(), choose.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let n = suggestions.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if n > 0 => active.update(|a| *a = (*a + 1) % n),
                "ArrowUp" if n > 0 => active.update(|a| *a = (*a + n - 1) % n),
                "Enter" if n > 0 => choose(active.get_untracked().min(n - 1)),
                "Escape" => state.update_quietly(|u| u.query.clear()),
                _ => return,
            }
            ev.prevent_default();
        }
    };

    let options = move || {
        let choose = choose.clone();
        suggestions
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, (_, name, also, country))| {
                let choose = choose.clone();
                let selected = move || active.get() == index;
                view! {
                    <li
                        id=format!("search-option-{index}")
                        role="option"
                        class="suggestion"
                        class:active=selected
                        aria-selected=move || selected().to_string()
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            choose(index);
                        }
                    >
                        <span class="suggestion-name">{name}</span>
                        {also.map(|also| view! { <span class="suggestion-also">{also}</span> })}
                        <span class="suggestion-country">{text::country(&country)}</span>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="search" role="search">
            <label for="search-input" class="visually-hidden">{t("search.label")}</label>
            <input
                id="search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder=t("search.placeholder")
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || open().to_string()
                aria-activedescendant=move || open().then(|| format!("search-option-{}", active.get()))
                prop:value=move || url.with(|u| u.query.clone())
                on:input=on_input
                on:keydown=on_keydown
            />
            <ul id="search-results" role="listbox" class="suggestions" class:open=open aria-label=t("search.results")>
                {options}
            </ul>
            <p class="visually-hidden" aria-live="polite">
                {move || {
                    let n = suggestions.with(Vec::len);
                    url.with(|u| !u.query.trim().is_empty()).then(|| count("search.found", n))
                }}
            </p>
        </div>
    }
}
