//! The files staff take away: the map's dataset with their rows, their rows alone as a
//! dataset of their own, and the report. Made in the browser, as blobs.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::check::{is_added, report_text, Checked};
use crate::core::export::dataset_file;
use crate::core::spreadsheet::Encoding;
use crate::ui::blob::blob_url;

struct File {
    name: String,
    href: Option<String>,
    what: &'static str,
}

#[component]
pub fn Downloads(checked: Arc<Checked>, file: String, encoding: Encoding) -> impl IntoView {
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem)
        .to_string();
    let json = |d| {
        dataset_file(d)
            .ok()
            .and_then(|text| blob_url(&text, "application/json"))
    };
    let mut files = Vec::new();
    if checked.count(is_added) > 0 {
        files.push(File {
            name: "partnerships.json".into(),
            href: json(&checked.merged),
            what: "The map's dataset with your rows added, checked: to send to the map's editors or to publish.",
        });
        files.push(File {
            name: format!("{stem}.json"),
            href: json(&checked.own_rows()),
            what: "Only your rows, with their places and sources: a dataset of its own.",
        });
    }
    files.push(File {
        name: format!("{stem}-report.txt"),
        href: blob_url(
            &report_text(&file, encoding, &checked),
            "text/plain;charset=utf-8",
        ),
        what: "What was added, what was already on the map, and why a row was left out.",
    });
    // The blobs live as long as these results: a new check makes new ones.
    let made: Vec<String> = files.iter().filter_map(|f| f.href.clone()).collect();
    on_cleanup(move || {
        for href in made {
            let _ = web_sys::Url::revoke_object_url(&href);
        }
    });
    let items = files
        .into_iter()
        .map(|f| {
            let link = match f.href {
                Some(href) => view! { <a class="download button" href=href download=f.name.clone()>{f.name.clone()}</a> }.into_any(),
                None => view! { <span class="error-detail">{format!("{}: could not be made", f.name)}</span> }.into_any(),
            };
            view! { <li>{link}<span class="quiet">{f.what}</span></li> }
        })
        .collect_view();
    let none = (checked.count(is_added) == 0)
        .then(|| view! { <p class="quiet">"No row adds a partnership yet, so there is no dataset to download."</p> });
    view! {
        {none}
        <ul class="downloads">{items}</ul>
    }
}
