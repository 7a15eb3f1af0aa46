//! Every row's verdict: added, already on the map, or why not; for an ambiguous place its
//! candidates to pick from, for an unknown one a place for its coordinates. A pick is written
//! into the row's cell and the whole sheet is checked again, as the data tool would.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::check::{Checked, Outcome, RowVerdict};
use crate::core::import::{Candidate, RowProblem};

use super::Upload;
use crate::ui::i18n::number;

#[component]
pub fn VerdictTable(checked: Arc<Checked>, upload: RwSignal<Option<Upload>>) -> impl IntoView {
    let rows = checked
        .rows
        .iter()
        .map(|r| view! { <VerdictRow verdict=r.clone() upload/> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="verdict-table">
                <thead>
                    <tr>
                        <th scope="col">"Row"</th>
                        <th scope="col">"Place A"</th>
                        <th scope="col">"Place B"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Verdict"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn VerdictRow(verdict: RowVerdict, upload: RwSignal<Option<Upload>>) -> impl IntoView {
    let row = verdict.row;
    let (class, outcome) = match verdict.outcome {
        Outcome::Added { partnership } => (
            "verdict verdict-added",
            view! {
                <span class="badge badge-ok">"✓ Added"</span>
                <span class="quiet">" as " <code>{partnership}</code></span>
            }
            .into_any(),
        ),
        Outcome::AlreadyPresent => (
            "verdict verdict-present",
            view! { <span class="badge badge-same">"= Already on the map"</span> }.into_any(),
        ),
        Outcome::Rejected(problems) => (
            "verdict verdict-rejected",
            problems
                .into_iter()
                .map(|p| view! { <Problem problem=p upload/> })
                .collect_view()
                .into_any(),
        ),
    };
    view! {
        <tr class=class data-row=row>
            <th scope="row">{row}</th>
            <td class="place-a" data-label="Place A">{verdict.place_a}</td>
            <td class="place-b" data-label="Place B">{verdict.place_b}</td>
            <td class="kind" data-label="Kind">{verdict.kind}</td>
            <td class="outcome">{outcome}</td>
        </tr>
    }
}

/// Writes values into the row's cells, and so checks the sheet again (once).
fn write(upload: RwSignal<Option<Upload>>, row: usize, cells: &[(&str, &str)]) {
    upload.update(|u| {
        if let Some(u) = u {
            for (column, value) in cells {
                u.sheet.set(row, column, value);
            }
        }
    });
}

#[component]
fn Problem(problem: RowProblem, upload: RwSignal<Option<Upload>>) -> impl IntoView {
    let row = problem.row;
    let column = problem.column.clone();
    let where_ = (!column.is_empty())
        .then(|| view! { <strong class="column">{column.clone()}</strong> ": " });
    let candidates = (!problem.candidates.is_empty()).then(|| {
        let items = problem
            .candidates
            .iter()
            .map(|c| {
                let (column, value) = (column.clone(), c.write.clone());
                let described = describe(c);
                // Every button says "Use this"; its name also says which place.
                let name = format!("Use this: {described}");
                view! {
                    <li class="candidate">
                        <button type="button" class="button pick" data-write=c.write.clone()
                            aria-label=name on:click=move |_| write(upload, row, &[(&column, &value)])>"Use this"</button>
                        <span>{described}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset class="candidates">
                <legend>"Which one is meant?"</legend>
                <ul>{items}</ul>
            </fieldset>
        }
    });
    let coordinates = problem.asks_coordinates.then(|| {
        let side = column.trim_start_matches("place_").to_string();
        view! { <CoordinatesForm row side upload/> }
    });
    view! {
        <div class="problem">
            <p class="reason"><span class="badge badge-bad">"✗"</span> " " {where_} {problem.message}</p>
            {candidates}
            {coordinates}
        </div>
    }
}

/// "Frankenberg (Eder), DE · region 05 · district 06635 · 18,000 inhabitants · 51.06° N, 8.80° E"
fn describe(c: &Candidate) -> String {
    let mut parts = vec![format!("{}, {}", c.name, c.country)];
    if !c.region.is_empty() {
        parts.push(format!("region {}", c.region));
    }
    if !c.district.is_empty() {
        parts.push(format!("district {}", c.district));
    }
    if let Some(n) = c.population {
        parts.push(format!("{} inhabitants", number(n as usize)));
    }
    let (ns, ew) = (
        if c.lat >= 0.0 { "N" } else { "S" },
        if c.lon >= 0.0 { "E" } else { "W" },
    );
    parts.push(format!(
        "{:.2}° {ns}, {:.2}° {ew}",
        c.lat.abs(),
        c.lon.abs()
    ));
    parts.join(" · ")
}

/// For a place nobody knows: its latitude and longitude, in decimal degrees.
#[component]
fn CoordinatesForm(row: usize, side: String, upload: RwSignal<Option<Upload>>) -> impl IntoView {
    let lat = RwSignal::new(String::new());
    let lon = RwSignal::new(String::new());
    let id = format!("coordinates-{row}-{side}");
    let submit = {
        let side = side.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (lat_column, lon_column) = (format!("lat_{side}"), format!("lon_{side}"));
            write(
                upload,
                row,
                &[
                    (&lat_column, &lat.get_untracked()),
                    (&lon_column, &lon.get_untracked()),
                ],
            );
        }
    };
    view! {
        <form class="coordinates" id=id.clone() on:submit=submit>
            <label>"Latitude "
                <input type="text" inputmode="decimal" name="lat" required placeholder="54.12"
                    on:input=move |ev| lat.set(event_target_value(&ev))/>
            </label>
            <label>"Longitude "
                <input type="text" inputmode="decimal" name="lon" required placeholder="17.05"
                    on:input=move |ev| lon.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="button">"Use these coordinates"</button>
        </form>
    }
}
