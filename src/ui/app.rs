//! The page: header, and the map once its data has arrived, or a clear word why not.

use leptos::prelude::*;

use crate::core::url_state::{self, Known};

use super::fetch::{fetch_basemap, fetch_dataset, FetchError};
use super::history;
use super::map::MapView;

#[component]
pub fn App() -> impl IntoView {
    let dataset = LocalResource::new(fetch_dataset);
    let basemap = LocalResource::new(fetch_basemap);

    let stage = move || match dataset.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(error)) => {
            view! { <LoadFailed error retry=move || dataset.refetch()/> }.into_any()
        }
        Some(Ok(prepared)) => view! { <MapView prepared basemap/> }.into_any(),
    };

    // Inside another site's iframe the page is the map alone: no header.
    let embed = url_state::parse(&history::query(), &Known::default()).embed;
    view! {
        <div class="page" class:embed=embed>
            {(!embed).then(|| view! {
                <header class="masthead">
                    <h1>"Partner-city map"</h1>
                    <p class="tagline">"How towns and regions around the Baltic Sea and the North Sea work together"</p>
                </header>
            })}
            <main class="stage">{stage}</main>
        </div>
    }
}

/// Shown while the dataset is on its way.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>"Loading the map…"</p>
        </div>
    }
}

/// Says exactly what went wrong, and offers to try again.
#[component]
fn LoadFailed(error: FetchError, retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="status status-error" role="alert">
            <h2>"The map's data could not be loaded"</h2>
            <p class="error-detail">{error.to_string()}</p>
            <button type="button" class="button" on:click=move |_| retry()>"Try again"</button>
        </div>
    }
}
