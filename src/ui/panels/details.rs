//! The details of what is selected: a place with its partners, networks, meetings, themes and
//! sources; or one partnership, network or meeting with its facts. Every name of a place or
//! link in it selects that place or link. Escape closes it.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::core::atlas::Record;
use crate::core::model::{localized, Dataset};
use crate::core::place_records::{place_records, NetworkRole};
use crate::core::sorting::set_of;
use crate::ui::i18n::{fill, language, t};
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = use_map_state();
    let closer = state.clone();
    // Escape closes the innermost thing only: in a field (the search box clears its text) or
    // in a dialog (which closes itself), the selection stays.
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && !handled_within(&ev) {
            closer.clear_selection();
        }
    });
    on_cleanup(move || on_escape.remove());

    let (place, link) = (state.selected_place, state.selected_link);
    let close = state.clone();
    move || {
        let body = match (place.get(), link.get()) {
            (Some(p), _) => place_details(&state, p).into_any(),
            (None, Some(l)) => link_details(&state, l).into_any(),
            (None, None) => return None,
        };
        let close = close.clone();
        Some(view! {
            <aside id="details" class="details" aria-label=t("details.label") aria-live="polite">
                <button type="button" class="close" aria-label=t("details.close") on:click=move |_| close.clear_selection()>
                    "×"
                </button>
                {body}
            </aside>
        })
    }
}

/// Whether the key went to something that answers Escape itself: a text field, a dialog.
fn handled_within(ev: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let open_dialog = document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some();
    let in_field = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("input:not([type=checkbox]):not([type=radio]):not([type=range]), textarea, select, dialog").ok().flatten())
        .is_some();
    open_dialog || in_field
}

/// A button naming a place, which selects it.
fn place_button(state: &MapState, place_id: &str) -> AnyView {
    let (dataset, prepared) = (&state.prepared.loaded.dataset, &state.prepared);
    let atlas_index = prepared.lookup.place(place_id);
    // A place the map could not draw (none, in a validated dataset) is named, not a button.
    let place = match atlas_index {
        Some(i) => Some(&dataset.places[prepared.atlas.places[i].place]),
        None => dataset.places.iter().find(|p| p.id == place_id),
    };
    let Some(place) = place else {
        return view! { <span>{place_id.to_string()}</span> }.into_any();
    };
    let name = place.display_name(language());
    match atlas_index {
        Some(atlas_index) => {
            let state = state.clone();
            view! {
                <button type="button" class="link-button" data-select-place=place_id.to_string()
                    on:click=move |_| state.select_place(atlas_index)>{name}</button>
            }
            .into_any()
        }
        None => view! { <span>{name}</span> }.into_any(),
    }
}

/// A button naming a partnership, network or meeting, which selects it.
fn link_button(state: &MapState, link_id: &str, label: String) -> AnyView {
    match state.prepared.lookup.link(link_id) {
        Some(index) => {
            let state = state.clone();
            view! {
                <button type="button" class="link-button" data-select-link=link_id.to_string()
                    on:click=move |_| state.select_link(index)>{label}</button>
            }
            .into_any()
        }
        None => view! { <span>{label}</span> }.into_any(),
    }
}

fn theme_list(dataset: &Dataset, ids: &BTreeSet<&str>) -> AnyView {
    if ids.is_empty() {
        return view! { <p class="meta no-themes">{t("details.no_themes")}</p> }.into_any();
    }
    let labels: Vec<String> = dataset
        .themes
        .iter()
        .filter(|t| ids.contains(t.id.as_str()))
        .map(|theme| theme.labels.get(language()).to_string())
        .collect();
    view! { <ul class="tags">{labels.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
}

/// The sources, as links where they have an http(s) address (validated at load), else text.
fn source_list(dataset: &Dataset, ids: &BTreeSet<&str>) -> AnyView {
    let items = dataset
        .sources
        .iter()
        .filter(|s| ids.contains(s.id.as_str()))
        .map(|s| {
            let title = match &s.url {
                Some(url) => view! { <a href=url.clone() target="_blank" rel="noopener noreferrer">{s.title.clone()}</a> }.into_any(),
                None => view! { <span class="source-title">{s.title.clone()}</span> }.into_any(),
            };
            let mut about: Vec<String> = Vec::new();
            about.extend(s.publisher.clone());
            about.extend(s.date.map(text::date));
            about.push(text::language(&s.language));
            view! { <li>{title} <span class="source-about">{about.join(" · ")}</span></li> }
        })
        .collect_view();
    view! { <ul class="sources">{items}</ul> }.into_any()
}

fn section(title: &'static str, body: AnyView) -> impl IntoView {
    view! {
        <section class="details-section">
            <h3>{title}</h3>
            {body}
        </section>
    }
}

/// A section of rows, left out when there are none.
fn rows(title: &'static str, rows: Vec<AnyView>) -> Option<impl IntoView> {
    (!rows.is_empty()).then(|| section(title, view! { <ul class="rows">{rows}</ul> }.into_any()))
}

/// For a place beyond the map's region: its country, and that it lies beyond the map, which is
/// why it has no marker of its own.
fn beyond_note(state: &MapState, place_id: &str) -> Option<AnyView> {
    let dataset = &state.prepared.loaded.dataset;
    let glyph = &state.prepared.atlas.places[state.prepared.lookup.place(place_id)?];
    glyph.beyond.then(|| {
        let country = text::country(&dataset.places[glyph.place].country);
        view! { <span class="beyond-note">{format!(" ({country}, {})", t("details.beyond"))}</span> }
            .into_any()
    })
}

fn place_details(state: &MapState, atlas_index: usize) -> impl IntoView {
    let dataset = &state.prepared.loaded.dataset;
    let place = &dataset.places[state.prepared.atlas.places[atlas_index].place];
    let records = place_records(dataset, place);

    let other_names: Vec<String> = place
        .names
        .iter()
        .filter(|(lang, _)| Some(lang.as_str()) != Some(language().code()))
        .map(|(lang, name)| format!("{name} ({})", text::language(lang)))
        .collect();
    let parent = place.parent.as_deref().map(
        |p| view! { <p class="meta">{t("details.part_of")} ": " {place_button(state, p)}</p> },
    );
    let population = place.population.as_ref().map(|p| {
        view! { <p class="meta">{fill("details.population", &[("n", &crate::ui::i18n::number(p.count as usize))])}</p> }
    });
    // Only a well-formed item id (validated at load) becomes part of an address.
    let wikidata = place.wikidata.clone().map(|item| {
        let href = format!("https://www.wikidata.org/wiki/{item}");
        view! { <p class="meta"><a href=href target="_blank" rel="noopener noreferrer">{format!("Wikidata {item}")}</a></p> }
    });
    let is_beyond = state.prepared.atlas.places[atlas_index].beyond;
    let towns: Vec<AnyView> = records
        .within
        .iter()
        .map(|p| place_button(state, &p.id))
        .collect();

    let has_partners = !records.partners.is_empty();
    let partner_groups = records
        .partners
        .iter()
        .map(|(kind, group)| {
            let rows = group
                .iter()
                .map(|p| {
                    let beyond = beyond_note(state, p.partner);
                    view! {
                        <li>
                            {place_button(state, p.partner)} {beyond} " · " {text::period(p.link.since, p.link.until)} " · "
                            {link_button(state, &p.link.id, t("details.more").into())}
                        </li>
                    }
                })
                .collect_view();
            view! { <h4>{text::partnership_kind(*kind)}</h4> <ul class="rows">{rows}</ul> }
        })
        .collect_view();

    let networks = records
        .networks
        .iter()
        .map(|(n, role)| {
            let role = match role {
                NetworkRole::Host(role) => text::host_role(*role),
                NetworkRole::Member => t("role.member"),
            };
            view! { <li>{link_button(state, &n.id, n.name.clone())} " · " {role}</li> }.into_any()
        })
        .collect::<Vec<_>>();
    let events = records
        .meetings
        .iter()
        .map(|e| {
            view! { <li>{text::period(Some(e.start), e.end)} " · " {link_button(state, &e.id, e.title.clone())}</li> }
                .into_any()
        })
        .collect::<Vec<_>>();
    let (themes, sources) = (records.themes, records.sources);
    view! {
        <header>
            <h2 id="details-title">{place.display_name(language())}</h2>
            <p class="meta">{format!("{} · {}", text::place_kind(place.kind), text::country(&place.country))}</p>
            {(!other_names.is_empty()).then(|| view! { <p class="meta">{t("details.also")} " " {other_names.join(", ")}</p> })}
            {parent}
            {population}
            {wikidata}
            {is_beyond.then(|| view! { <p class="meta beyond-note">{t("details.beyond_place")}</p> })}
        </header>
        {(!towns.is_empty()).then(|| section(t("details.towns"), view! { <ul class="inline">{towns.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()))}
        {has_partners.then(|| view! {
            <section class="details-section" id="details-partners">
                <h3>{t("details.partners")}</h3>
                {partner_groups}
            </section>
        })}
        {rows(t("details.networks"), networks)}
        {rows(t("details.meetings"), events)}
        {section(t("details.themes"), theme_list(dataset, &themes))}
        {section(t("details.sources"), source_list(dataset, &sources))}
    }
}

fn link_details(state: &MapState, atlas_index: usize) -> impl IntoView {
    let dataset = &state.prepared.loaded.dataset;
    let record = state.prepared.atlas.links[atlas_index].record;
    let (title, kind, period, themes, summary, source_ids, body): (
        String,
        String,
        String,
        &Vec<String>,
        _,
        &Vec<String>,
        AnyView,
    ) = match record {
        Record::Partnership(i) => {
            let l = &dataset.partnerships[i];
            let names: Vec<String> = l.places.iter().map(|p| place_name(state, p)).collect();
            let places = view! { <p>{place_button(state, &l.places[0])} " – " {place_button(state, &l.places[1])}</p> };
            (
                names.join(" – "),
                text::partnership_kind(l.kind).into(),
                text::period(l.since, l.until),
                &l.themes,
                &l.summary,
                &l.sources,
                places.into_any(),
            )
        }
        Record::Network(i) => {
            let n = &dataset.networks[i];
            let host = n.host.as_ref().map(|h| view! { <p>{text::host_role(h.role).to_string()} ": " {place_button(state, &h.place)}</p> });
            let members = n
                .members
                .iter()
                .map(|m| {
                    let extra = m
                        .role
                        .clone()
                        .map(|r| format!(" · {r}"))
                        .unwrap_or_default();
                    let since = m
                        .since
                        .map(|s| {
                            format!(" · {}", fill("period.since", &[("date", &text::date(s))]))
                        })
                        .unwrap_or_default();
                    view! { <li>{place_button(state, &m.place)} {since} {extra}</li> }
                })
                .collect_view();
            let counts = n
                    .member_counts
                    .iter()
                    .map(|c| {
                        let as_of = c.as_of.map(|d| format!(" ({})", text::date(d))).unwrap_or_default();
                        let note = c.note.clone().map(|n| format!(" — {n}")).unwrap_or_default();
                        view! { <li>{format!("{} {}{as_of}{note}", crate::ui::i18n::number(c.count as usize), text::count_scope(c.scope))}</li> }
                    })
                    .collect_view();
            let body = view! {
                {host}
                <h3>{t("details.members_named")}</h3>
                <ul class="rows">{members}</ul>
                {(!n.member_counts.is_empty()).then(|| view! { <h3>{t("details.member_counts")}</h3> <ul class="rows">{counts}</ul> })}
            };
            (
                n.name.clone(),
                text::network_kind(n.kind).into(),
                text::period(n.since, n.until),
                &n.themes,
                &n.summary,
                &n.sources,
                body.into_any(),
            )
        }
        Record::Event(i) => {
            let e = &dataset.events[i];
            let host = e
                .host
                .as_deref()
                .map(|h| view! { <p>{t("details.host")} ": " {place_button(state, h)}</p> });
            let venue = e
                .venue
                .clone()
                .map(|v| view! { <p>{t("details.venue")} ": " {v}</p> });
            let online = e.online.then(|| view! { <p>{t("details.online")}</p> });
            let participants = e
                .participants
                .iter()
                .map(|p| view! { <li>{place_button(state, p)}</li> })
                .collect_view();
            let body = view! {
                {host} {venue} {online}
                <h3>{t("details.participants")}</h3>
                <ul class="inline">{participants}</ul>
            };
            (
                e.title.clone(),
                t("kind.event").into(),
                text::period(Some(e.start), e.end),
                &e.themes,
                &e.summary,
                &e.sources,
                body.into_any(),
            )
        }
    };
    let part_of: Vec<AnyView> = match record {
        Record::Event(i) => dataset.events[i]
            .part_of
            .iter()
            .map(|id| link_button(state, id, link_name(state, id)))
            .collect(),
        _ => Vec::new(),
    };
    let link_id = state.prepared.atlas.links[atlas_index].id.clone();
    let meetings: Vec<AnyView> = dataset
        .events
        .iter()
        .filter(|e| e.part_of.contains(&link_id))
        .map(|e| view! { <li>{text::period(Some(e.start), e.end)} " · " {link_button(state, &e.id, e.title.clone())}</li> }.into_any())
        .collect();
    let themes: BTreeSet<&str> = set_of(themes.iter().map(String::as_str));
    let sources: BTreeSet<&str> = set_of(source_ids.iter().map(String::as_str));
    let summary = localized(summary, language())
        .unwrap_or_default()
        .to_string();
    view! {
        <header>
            <h2 id="details-title">{title}</h2>
            <p class="meta">{format!("{kind} · {period}")}</p>
        </header>
        {(!summary.is_empty()).then(|| view! { <p class="summary-text">{summary}</p> })}
        {body}
        {(!part_of.is_empty()).then(|| section(t("details.part_of"), view! { <ul class="rows">{part_of.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> }.into_any()))}
        {rows(t("details.meetings"), meetings)}
        {section(t("details.themes"), theme_list(dataset, &themes))}
        {section(t("details.sources"), source_list(dataset, &sources))}
    }
}

/// A place's name by its id, in the reader's language.
fn place_name(state: &MapState, id: &str) -> String {
    let p = &state.prepared;
    p.lookup.place(id).map_or_else(
        || id.to_string(),
        |i| p.loaded.dataset.places[p.atlas.places[i].place].display_name(language()),
    )
}

/// A network's or partnership's name by its id (what a meeting is part of).
fn link_name(state: &MapState, id: &str) -> String {
    let p = &state.prepared;
    let dataset = &p.loaded.dataset;
    match p.lookup.link(id).map(|i| p.atlas.links[i].record) {
        Some(Record::Network(n)) => dataset.networks[n].name.clone(),
        Some(Record::Partnership(l)) => {
            let l = &dataset.partnerships[l];
            format!(
                "{} – {}",
                place_name(state, &l.places[0]),
                place_name(state, &l.places[1])
            )
        }
        _ => id.to_string(),
    }
}
