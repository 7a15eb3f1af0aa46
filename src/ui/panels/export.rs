//! "Download": the links the filters let through as CSV and as JSON in the dataset's own
//! format, and the map as drawn, as SVG and PNG with its legend and attribution.
//!
//! The files are made when the dialog opens, as download links (`a[download]` with a blob
//! address): what the visitor clicks is what a test can read.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::dialog::{self, DialogHead};
use super::summary::summary_text;
use crate::core::export::{dataset_json, map_svg, LegendLine};
use crate::core::filter::KindFilter;
use crate::core::listing;
use crate::ui::fetch::{dataset_url, fetch_text};
use crate::ui::i18n::{language, t};
use crate::ui::palette::theme_colour;
use crate::ui::state::MapState;
use crate::ui::text;

/// A file made for download: its name and blob (or data) address.
#[derive(Clone, PartialEq)]
struct File {
    name: &'static str,
    href: String,
}

pub(crate) fn blob_url(content: &str, mime: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The legend as the image shows it: the kinds drawn now, then the chosen themes' colours.
fn legend(state: &MapState) -> Vec<LegendLine> {
    let kinds = state.visible.with_untracked(|v| {
        let mut kinds: Vec<KindFilter> = state
            .facts
            .iter()
            .zip(&v.links)
            .filter(|(_, &shown)| shown)
            .map(|(f, _)| f.kind)
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    });
    let class = |k: KindFilter| match k {
        KindFilter::Twinning => "link link-twinning",
        KindFilter::Friendship => "link link-friendship",
        KindFilter::CooperationAgreement => "link link-agreement",
        KindFilter::ProjectPartnership => "link link-project",
        KindFilter::Network => "link link-network",
        KindFilter::Event => "link link-event",
    };
    let mut lines: Vec<LegendLine> = kinds
        .into_iter()
        .map(|k| LegendLine {
            class: class(k).into(),
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

fn attribution() -> String {
    format!(
        "{}: Natural Earth ({}) · {}: GeoNames (CC BY 4.0) · {}: Wikidata (CC0) · {}: ETRS89-LAEA (EPSG:3035)",
        t("attribution.basemap"),
        t("attribution.public_domain"),
        t("attribution.places"),
        t("attribution.twinnings"),
        t("attribution.projection")
    )
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
    let drawn = document().query_selector(".map-svg").ok()??;
    let camera = state.camera.get_untracked();
    let (width, height) = (camera.width.round() as u32, camera.height.round() as u32);
    let summary = state.visible.with_untracked(|v| summary_text(&v.summary));
    let title = format!("{} — {summary}", t("app.title"));
    let css = stylesheet().await;
    Some(map_svg(
        &drawn.inner_html(),
        width,
        height,
        &css,
        &title,
        &legend(state),
        &attribution(),
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

async fn make_files(state: MapState, files: RwSignal<Vec<File>>) {
    let dataset = &state.prepared.loaded.dataset;
    let shown = state.visible.with_untracked(|v| v.links.clone());
    let rows = listing::rows(dataset, &state.prepared.atlas, &shown, language());
    let mut made = Vec::new();
    let csv = listing::csv(dataset, &rows, &|k| k.id());
    made.extend(blob_url(&csv, "text/csv;charset=utf-8").map(|href| File {
        name: "partnerships.csv",
        href,
    }));
    files.set(made.clone());
    if let Ok(text) = fetch_text(&dataset_url()).await {
        if let Ok(json) = dataset_json(&text, dataset, &state.prepared.atlas, &shown) {
            made.extend(blob_url(&json, "application/json").map(|href| File {
                name: "partnerships.json",
                href,
            }));
            files.set(made.clone());
        }
    }
    if let Some(svg) = svg(&state).await {
        if let Some(href) = blob_url(&svg, "image/svg+xml") {
            made.push(File {
                name: "partner-map.svg",
                href: href.clone(),
            });
            files.set(made.clone());
            if let Some(href) = png(&href).await {
                made.push(File {
                    name: "partner-map.png",
                    href,
                });
                files.set(made);
            }
        }
    }
}

#[component]
pub fn ExportButton(state: MapState) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let files: RwSignal<Vec<File>> = RwSignal::new(Vec::new());
    let open = move |_| {
        for f in files.get_untracked() {
            if f.href.starts_with("blob:") {
                let _ = web_sys::Url::revoke_object_url(&f.href);
            }
        }
        files.set(Vec::new());
        leptos::task::spawn_local(make_files(state.clone(), files));
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
            let href = move || files.with(|f| f.iter().find(|f| f.name == name).map(|f| f.href.clone()));
            view! {
                <li>
                    {move || match href() {
                        Some(href) => view! { <a class="download" download=name href=href>{t(label)}</a> }.into_any(),
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
