//! The list view (`view=list`): the links and networks the filters let through, as a table in
//! step with the map. Columns sort by a click or Enter on their heading; choosing a row's name
//! shows that link on the map. `#list[data-rows]` is public, like `#summary[data-links]`.

use leptos::prelude::*;

use crate::core::atlas::Record;
use crate::core::listing::{self, Column, Row};
use crate::core::model::Dataset;
use crate::ui::i18n::{collate, fill, language, number, t};
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

/// Rows drawn at first, and added by each "Show more": tens of thousands of rows at once
/// would stall the page.
const PAGE: usize = 200;

fn heading(column: Column) -> &'static str {
    t(match column {
        Column::Title => "list.places",
        Column::Kind => "list.kind",
        Column::Themes => "list.themes",
        Column::Since => "list.since",
        Column::Until => "list.until",
        Column::Source => "list.source",
    })
}

/// The kind as the details panel names it: a network's own kind, not just "Network".
fn kind_label(dataset: &Dataset, state: &MapState, row: &Row) -> &'static str {
    match state.prepared.atlas.links[row.link].record {
        Record::Partnership(i) => text::partnership_kind(dataset.partnerships[i].kind),
        Record::Network(i) => text::network_kind(dataset.networks[i].kind),
        Record::Event(_) => text::kind_filter(row.kind),
    }
}

fn theme_labels(dataset: &Dataset, row: &Row) -> String {
    row.themes
        .iter()
        .filter_map(|id| dataset.themes.iter().find(|t| &t.id == id))
        .map(|t| t.labels.get(language()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn source_title(dataset: &Dataset, row: &Row) -> Option<(String, Option<String>)> {
    let source = dataset
        .sources
        .iter()
        .find(|s| Some(&s.id) == row.sources.first())?;
    Some((source.title.clone(), source.url.clone()))
}

#[component]
pub fn ListView() -> impl IntoView {
    let state = use_map_state();
    let sort_by = RwSignal::new((Column::Title, false));
    let limit = RwSignal::new(PAGE);
    let (visible, prepared) = (state.visible, state.prepared.clone());
    let rows = {
        let state = state.clone();
        Memo::new(move |_| {
            let dataset = &prepared.loaded.dataset;
            let mut rows =
                visible.with(|v| listing::rows(dataset, &prepared.atlas, &v.links, language()));
            let (column, descending) = sort_by.get();
            let label = |column: Column, row: &Row| match column {
                Column::Kind => kind_label(dataset, &state, row).to_string(),
                Column::Themes => theme_labels(dataset, row),
                _ => source_title(dataset, row).map(|s| s.0).unwrap_or_default(),
            };
            listing::sort(&mut rows, column, descending, &label, &collate);
            rows
        })
    };
    let total = move || rows.with(Vec::len);

    let headings = Column::ALL
        .into_iter()
        .map(|column| {
            let sorted = move || sort_by.with(|s| s.0 == column);
            let aria_sort = move || match sort_by.get() {
                (c, false) if c == column => "ascending",
                (c, true) if c == column => "descending",
                _ => "none",
            };
            let arrow = move || match sort_by.get() {
                (c, false) if c == column => "▲",
                (c, true) if c == column => "▼",
                _ => "",
            };
            let choose = move |_| {
                sort_by.update(|s| *s = (column, s.0 == column && !s.1));
                limit.set(PAGE);
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" class:sorted=sorted on:click=choose
                        title=fill("list.sort", &[("column", heading(column))])>
                        {heading(column)} <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();

    let body = {
        let state = state.clone();
        move || {
            let dataset = &state.prepared.loaded.dataset;
            rows.with(|rows| {
                rows.iter()
                    .take(limit.get())
                    .map(|row| {
                        let choose = {
                            let (state, link) = (state.clone(), row.link);
                            move |_| state.show_on_map(link)
                        };
                        let source = source_title(dataset, row).map(|(title, url)| match url {
                            Some(url) => view! { <a href=url target="_blank" rel="noopener noreferrer">{title}</a> }.into_any(),
                            None => view! { <span>{title}</span> }.into_any(),
                        });
                        view! {
                            <tr data-link=row.id.clone()>
                                <th scope="row">
                                    <button type="button" class="link-button" on:click=choose>{row.title.clone()}</button>
                                </th>
                                <td>{kind_label(dataset, &state, row)}</td>
                                <td>{theme_labels(dataset, row)}</td>
                                <td>{row.since.map(text::date)}</td>
                                <td>{row.until.map(text::date)}</td>
                                <td>{source}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let shown = move || total().min(limit.get());
    let has_more = move || total() > limit.get();
    view! {
        <section id="list" class="list-view" data-rows=total aria-labelledby="list-caption">
            <table>
                <caption id="list-caption">
                    {t("list.caption")} " · "
                    <span class="list-count" aria-live="polite">
                        {move || fill("list.shown", &[("shown", &number(shown())), ("total", &number(total()))])}
                    </span>
                </caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{body}</tbody>
            </table>
            <Show when=move || total() == 0>
                <p class="list-empty">{t("list.empty")}</p>
            </Show>
            <Show when=has_more>
                <button type="button" class="button" id="list-more"
                    on:click=move |_| limit.update(|l| *l += PAGE)>{t("list.more")}</button>
            </Show>
        </section>
    }
}

/// Map or list: two views of the same filtered links.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let state = use_map_state();
    use crate::core::url_state::ViewMode;
    let url = state.url;
    let button = move |mode: ViewMode, label: &'static str| {
        let state = state.clone();
        view! {
            <button type="button" class="segment" data-view=label
                aria-pressed=move || url.with(|u| u.view == mode).to_string()
                on:click=move |_| state.update(|u| u.view = mode)>
                {t(label)}
            </button>
        }
    };
    view! {
        <div class="view-switch" role="group" aria-label=t("view.label")>
            {button(ViewMode::Map, "view.map")}
            {button(ViewMode::List, "view.list")}
        </div>
    }
}
