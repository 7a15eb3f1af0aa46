//! The staff page (`check.html`): a spreadsheet chosen or dropped, every row checked against
//! the map's dataset by the data tool's own import (`core::check`), an ambiguous place picked
//! in place, the rows' links previewed on the map, and the datasets to download.
//!
//! Nothing leaves the browser: the dataset, the gazetteer and the basemap come from the site
//! itself when the page opens, and the sheet is read here. A module of its own
//! (`partnermap-check`), so the map's download does not carry any of this.

mod downloads;
mod preview;
mod upload;
mod verdicts;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::check::{check, is_added, is_present, is_rejected, Checked};
use crate::core::i18n::Language;
use crate::core::import::{Gazetteer, Sheet};
use crate::core::load::load;
use crate::core::model::Dataset;
use crate::core::spreadsheet::Encoding;

use super::fetch::{fetch_basemap, fetch_text, FetchError, DATASET_URL};
use super::i18n::{self, number};
use downloads::Downloads;
use preview::PreviewMap;
use upload::SheetChooser;
use verdicts::VerdictTable;

/// GeoNames' places of the region, as the data tool reads them.
const GAZETTEER_URL: &str = "data/gazetteer.csv";

/// What every sheet is checked against, fetched once when the page opens.
struct Reference {
    dataset: Dataset,
    gazetteer: Gazetteer,
}

/// The sheet being checked, with what staff picked written into its cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Upload {
    pub file: String,
    pub encoding: Encoding,
    pub sheet: Sheet,
}

async fn fetch_reference() -> Result<Arc<Reference>, String> {
    // The page speaks English (the import's messages do); the pack words the fetch errors.
    i18n::install(i18n::load(Language::En).await);
    let text = fetch_text(DATASET_URL).await.map_err(|e| e.to_string())?;
    let dataset = load(&text)
        .map_err(|e| FetchError::Unreadable(e).to_string())?
        .dataset;
    let text = fetch_text(GAZETTEER_URL).await.map_err(|e| e.to_string())?;
    let gazetteer = Gazetteer::read(&text)?;
    Ok(Arc::new(Reference { dataset, gazetteer }))
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let reference = LocalResource::new(fetch_reference);
    let basemap = LocalResource::new(fetch_basemap);
    let upload: RwSignal<Option<Upload>> = RwSignal::new(None);
    // Checked again whenever the sheet changes (a pick, coordinates); never compared, for
    // two merged datasets are megabytes each.
    let checked = Memo::new_with_compare(
        move |_| {
            let reference = reference.get()?.ok()?;
            upload.with(|u| {
                let u = u.as_ref()?;
                Some(check(&u.sheet, &reference.dataset, &reference.gazetteer).map(Arc::new))
            })
        },
        |_, _| true,
    );

    let status = move || {
        match reference.get() {
        None => Some(view! {
            <p class="card check-status" role="status" aria-busy="true">
                <span class="spinner" aria-hidden="true"></span>
                " Loading the map's dataset and the gazetteer…"
            </p>
        }
        .into_any()),
        Some(Err(error)) => Some(view! {
            <div class="card check-status status-error" role="alert">
                <p><strong>"The page could not load what it checks against."</strong></p>
                <p class="error-detail">{error}</p>
                <button type="button" class="button" on:click=move |_| reference.refetch()>"Try again"</button>
            </div>
        }
        .into_any()),
        Some(Ok(_)) => None,
    }
    };

    let results = move || {
        let file = upload.with(|u| u.as_ref().map(|u| (u.file.clone(), u.encoding)))?;
        Some(match checked.get()? {
            Err(error) => view! {
                <section class="card" role="alert"><p class="error-detail">{error}</p></section>
            }
            .into_any(),
            Ok(c) => {
                view! { <Results checked=c file=file.0 encoding=file.1 upload basemap/> }.into_any()
            }
        })
    };

    view! {
        <div class="check-page">
            <header class="masthead">
                <div class="masthead-text">
                    <h1>"Check a spreadsheet of partnerships"</h1>
                    <p class="tagline">"Partner-city map · Baltic Sea and North Sea"</p>
                </div>
                <a class="back-link" href="./">"Back to the map"</a>
            </header>
            <main class="check-main">
                <section class="card intro">
                    <p>
                        "Check your town's partnerships before they go on the map. Save the spreadsheet as CSV — "
                        "UTF-8, or Excel's \u{201c}CSV (semicolon separated)\u{201d} — with the columns of the "
                        <a href="data/partnerships-template.csv" download="partnerships-template.csv">"template"</a>
                        "; column names may also be German, Danish, Swedish or Polish."
                    </p>
                    <p class="quiet">"Nothing leaves your browser: the file is read and checked on this page."</p>
                    <SheetChooser upload/>
                </section>
                {status}
                {results}
            </main>
            <footer class="check-credits">
                "Preview basemap: " <a href="https://www.naturalearthdata.com/">"Natural Earth"</a>
                " (public domain) · Places looked up in "
                <a href="https://www.geonames.org/">"GeoNames"</a> " ("
                <a href="https://creativecommons.org/licenses/by/4.0/">"CC BY 4.0"</a>
                ") · The map's twinnings: " <a href="https://www.wikidata.org/">"Wikidata"</a>
                " (CC0) and the sources each record cites · Projection: ETRS89-LAEA (EPSG:3035)"
            </footer>
        </div>
    }
}

#[component]
fn Results(
    checked: Arc<Checked>,
    file: String,
    encoding: Encoding,
    upload: RwSignal<Option<Upload>>,
    basemap: LocalResource<Result<Arc<crate::core::basemap::Basemap>, FetchError>>,
) -> impl IntoView {
    let (added, present, rejected) = (
        checked.count(is_added),
        checked.count(is_present),
        checked.count(is_rejected),
    );
    let rows = checked.rows.len();
    let summary = format!(
        "Read as {}. {} {}: {} added, {} already on the map, {} {}.",
        encoding.name(),
        number(rows),
        if rows == 1 { "row" } else { "rows" },
        number(added),
        number(present),
        number(rejected),
        if rejected == 1 {
            "needs you"
        } else {
            "need you"
        },
    );
    view! {
        <div class="check-results">
            <section class="card verdicts" aria-labelledby="verdicts-title">
                <h2 id="verdicts-title">{file.clone()}</h2>
                <p id="check-summary" data-added=added data-present=present data-rejected=rejected>{summary}</p>
                <VerdictTable checked=checked.clone() upload/>
            </section>
            <div class="check-side">
                <section class="card" aria-labelledby="preview-title">
                    <h2 id="preview-title">"Preview on the map"</h2>
                    <PreviewMap checked=checked.clone() basemap/>
                </section>
                <section class="card" aria-labelledby="downloads-title">
                    <h2 id="downloads-title">"Download"</h2>
                    <Downloads checked file encoding/>
                </section>
            </div>
        </div>
    }
}
