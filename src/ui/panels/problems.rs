//! Lists the records the map left out, and why, so that whoever maintains the data can fix them.
//!
//! A real dataset can have tens of thousands of problems; the notice stays small at any size:
//! a count per rule, the first problems, and the full list as a text download, never one
//! element per problem.

use leptos::prelude::*;

use crate::core::problem::{as_text, tally, Problem};
use crate::ui::i18n::{count, fill, number, t, t_or};

use crate::ui::blob::blob_url;

/// The problems listed one by one; the rest are in the download.
const SHOWN: usize = 50;
/// The rules listed with their counts; in practice there are far fewer.
const RULES: usize = 20;

#[component]
pub fn DataProblems(problems: Vec<Problem>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        let heading = count("problems.heading", problems.len());
        // Each rule in the reader's language (English beneath, as for every message).
        let template = |key: &str| t_or(key, key);
        let rules = tally(&problems, &template);
        // Counted by rule where the list alone would not tell it: several rules, or more problems
        // than are listed.
        let by_rule = (rules.len() > 1 || problems.len() > SHOWN).then(|| {
            let items = rules
                .iter()
                .take(RULES)
                .map(|(rule, n)| view! { <li><span class="problem-count">{number(*n)}</span> " × " {rule.clone()}</li> })
                .collect_view();
            view! { <ul class="problem-rules">{items}</ul> }
        });
        let items = problems
            .iter()
            .take(SHOWN)
            .map(|p| {
                view! {
                    <li>
                        <span class="problem-record">{format!("{} “{}”", p.collection, p.record)}</span>
                        {(!p.field.is_empty()).then(|| view! { ", " <code>{p.field.clone()}</code> })}
                        ": " {p.message_with(&template(p.rule))}
                    </li>
                }
            })
            .collect_view();
        let rest = problems.len().saturating_sub(SHOWN);
        let download = (rest > 0).then(|| {
            let href = blob_url(&as_text(&problems, &template), "text/plain;charset=utf-8");
            view! {
                <p class="problem-more">
                    {fill("problems.more", &[("n", &number(rest))])} " "
                    <a id="problems-download" href=href download="partnerships-problems.txt">{t("problems.download")}</a>
                </p>
            }
        });
        view! {
            <details id="data-problems" class="card notice notice-warning">
                <summary>{heading}</summary>
                {by_rule}
                <ul class="problem-list">{items}</ul>
                {download}
            </details>
        }
    })
}
