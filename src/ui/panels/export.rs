//! "Download": the links the filters let through as CSV and as JSON in the dataset's own
//! format, and the map as drawn, as SVG and PNG with its legend and attribution.
//!
//! The files are made when the dialog opens, as download links (`a[download]` with a blob
//! address): what the visitor clicks is what a test can read.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::attribution::attribution_text;
use super::dialog::{self, DialogHead};
use super::legend::line_class;
use super::summary::summary_text;
use crate::core::export::{dataset_json, map_svg, LegendLine};
use crate::core::filter::KindFilter;
use crate::core::listing;
use crate::ui::blob::blob_url;
use crate::ui::fetch::{dataset_url, fetch_text};
use crate::ui::i18n::{fill, language, t};
use crate::ui::palette::theme_colour;
use crate::ui::state::{use_map_state, MapState};
use crate::ui::text;

/// A file tried for download: its name and blob (or data) address, `None` where it could not
/// be made (the dataset could not be fetched again, the browser would not draw the image).
#[derive(Clone, PartialEq)]
struct File {
    name: &'static str,
    href: Option<String>,
}

/// The legend as the image shows it: the kinds drawn now, then the chosen themes' colours.
fn legend(state: &MapState) -> Vec<LegendLine> {
    let kinds = state.visible.with_untracked(|v| {
        let mut kinds: Vec<KindFilter> = state
            .prepared
            .facts
            .iter()
            .zip(&v.links)
            .filter(|(_, &shown)| shown)
            .map(|(f, _)| f.kind)
            .collect();
        crate::core::sorting::sort_with(&mut kinds, &|a, b| a.cmp(b));
        kinds.dedup();
        kinds
    });
    let mut lines: Vec<LegendLine> = kinds
        .into_iter()
        .map(|k| LegendLine {
            class: line_class(k),
            colour: None,
            label: text::kind_filter(k).into(),
        })
        .collect();
    let chosen = state.filters.with_untracked(|f| f.themes.clone());
    for (i, theme) in state.prepared.loaded.dataset.themes.iter().enumerate() {
        if chosen.contains(&theme.id) {
            lines.push(LegendLine {
                class: "link".into(),
                colour: Some(theme_colour(i).into()),
                label: theme.labels.get(language()).into(),
            });
        }
    }
    lines
}

/// The page's own stylesheet, so that the image looks as the map does.
async fn stylesheet() -> String {
    let href = document()
        .query_selector("link[rel=stylesheet]")
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"));
    match href {
        Some(href) => fetch_text(&href).await.unwrap_or_default(),
        None => String::new(),
    }
}

/// The map as a standalone SVG, as drawn now.
async fn svg(state: &MapState) -> Option<String> {
    let layer = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|svg| svg.inner_html())
    };
    // The whole network's links are drawn in a picture of their own while no filter is set.
    let whole = layer(".map-whole:not(.resting) svg").unwrap_or_default();
    let drawn = format!("{}{whole}{}", layer(".map-base svg")?, layer(".map-svg")?);
    let camera = state.camera.get_untracked();
    let (width, height) = (camera.width.round() as u32, camera.height.round() as u32);
    let summary = state.visible.with_untracked(|v| summary_text(&v.summary));
    let title = format!("{} — {summary}", t("app.title"));
    let css = stylesheet().await;
    Some(map_svg(
        &drawn,
        width,
        height,
        &css,
        &title,
        &legend(state),
        &attribution_text(),
    ))
}

/// The SVG drawn onto a canvas at twice its size, for a sharp PNG.
async fn png(svg_href: &str) -> Option<String> {
    let image = web_sys::HtmlImageElement::new().ok()?;
    image.set_src(svg_href);
    JsFuture::from(image.decode()).await.ok()?;
    let (w, h) = (image.natural_width(), image.natural_height());
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(w * 2),
            f64::from(h * 2),
        )
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// Makes the files one after the other, each shown as soon as it is ready, or as failed.
async fn make_files(state: MapState, files: RwSignal<Vec<File>>) {
    let dataset = &state.prepared.loaded.dataset;
    let shown = state.visible.with_untracked(|v| v.links.clone());
    let mut made = Vec::new();
    let mut add = |name: &'static str, href: Option<String>| {
        made.push(File { name, href });
        files.set(made.clone());
    };
    let rows = listing::rows(dataset, &state.prepared.atlas, &shown, language());
    let csv = listing::csv(dataset, &rows, &|k| k.id());
    add("partnerships.csv", blob_url(&csv, "text/csv;charset=utf-8"));
    let json = fetch_text(&dataset_url())
        .await
        .ok()
        .and_then(|text| dataset_json(&text, dataset, &state.prepared.atlas, &shown).ok());
    add(
        "partnerships.json",
        json.and_then(|json| blob_url(&json, "application/json")),
    );
    let svg_href = svg(&state)
        .await
        .and_then(|svg| blob_url(&svg, "image/svg+xml"));
    add("partner-map.svg", svg_href.clone());
    let png_href = match svg_href {
        Some(href) => png(&href).await,
        None => None,
    };
    add("partner-map.png", png_href);
}

#[component]
pub fn ExportButton() -> impl IntoView {
    let state = use_map_state();
    let dialog = NodeRef::<Dialog>::new();
    let files: RwSignal<Vec<File>> = RwSignal::new(Vec::new());
    // Made afresh each time (the filters may have changed); a failed file is tried again
    // with the others.
    let make = move || {
        for href in files.get_untracked().into_iter().filter_map(|f| f.href) {
            if href.starts_with("blob:") {
                let _ = web_sys::Url::revoke_object_url(&href);
            }
        }
        files.set(Vec::new());
        leptos::task::spawn_local(make_files(state.clone(), files));
    };
    let retry = make.clone();
    let open = move |_| {
        make();
        dialog::show(dialog);
    };
    let entries = [
        ("partnerships.csv", "export.csv"),
        ("partnerships.json", "export.json"),
        ("partner-map.svg", "export.svg"),
        ("partner-map.png", "export.png"),
    ];
    let items = entries
        .into_iter()
        .map(|(name, label)| {
            let made = move || files.with(|f| f.iter().find(|f| f.name == name).map(|f| f.href.clone()));
            let retry = retry.clone();
            view! {
                <li>
                    {move || match made() {
                        Some(Some(href)) => view! { <a class="download" download=name href=href>{t(label)}</a> }.into_any(),
                        Some(None) => {
                            let retry = retry.clone();
                            view! {
                                <span class="download failed" role="status">{fill("export.failed", &[("file", t(label))])}</span>
                                " "
                                <button type="button" class="button button-quiet retry" on:click=move |_| retry()>{t("app.retry")}</button>
                            }.into_any()
                        }
                        None => view! { <span class="download pending" aria-busy="true">{t(label)} " …"</span> }.into_any(),
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <button type="button" class="button button-quiet" id="export-open" aria-haspopup="dialog" on:click=open>
            {t("export.open")}
        </button>
        <dialog node_ref=dialog id="export" class="dialog" aria-labelledby="export-title">
            <DialogHead dialog id="export-title" title=t("export.title")/>
            <p>{t("export.note")}</p>
            <ul class="downloads">{items}</ul>
        </dialog>
    }
}
