//! Lists the records the map left out, and why, so that whoever maintains the data can fix them.

use leptos::prelude::*;

use crate::core::problem::Problem;

#[component]
pub fn DataProblems(problems: Vec<Problem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let heading = match problems.len() {
            1 => "1 problem in the data: the record or field concerned is not shown".to_string(),
            n => format!("{n} problems in the data: the records or fields concerned are not shown"),
        };
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
