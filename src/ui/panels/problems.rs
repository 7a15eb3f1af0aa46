//! Lists the records the map left out, and why, so that whoever maintains the data can fix them.

use leptos::prelude::*;

use crate::core::problem::Problem;
use crate::ui::i18n::count;

#[component]
pub fn DataProblems(problems: Vec<Problem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let heading = count("problems.heading", problems.len());
        let items = problems
            .into_iter()
            .map(|p| {
                view! {
                    <li>
                        <span class="problem-record">{format!("{} “{}”", p.collection, p.record)}</span>
                        {(!p.field.is_empty()).then(|| view! { ", " <code>{p.field.clone()}</code> })}
                        ": " {p.message}
                    </li>
                }
            })
            .collect_view();
        view! {
            <details id="data-problems" class="card notice notice-warning">
                <summary>{heading}</summary>
                <ul>{items}</ul>
            </details>
        }
    })
}
