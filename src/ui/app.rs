//! The page: header with the language switcher, and the map once its data and its language
//! have arrived, or a clear word why not.

use leptos::prelude::*;

use crate::core::i18n::Language;
use crate::core::url_state::{self, Known};

use super::fetch::{dataset_url, fetch_basemap, fetch_text, prepare_dataset};
use super::history;
use super::i18n::{self, t};
use super::map::MapView;
use super::slices::{apart, Slices};

#[component]
pub fn App() -> impl IntoView {
    // The language packs and the dataset are requested at once (on a slow line the packs'
    // round trips would otherwise stand before the largest download); the messages are
    // installed before the dataset is read, so that even a failure is told in the language.
    let page = LocalResource::new(|| async {
        // The requests start in a task of their own, apart from the page's first drawing (as
        // the basemap's below): on a phone the browser compiles each of the module's functions
        // when first called, and together they made one long task.
        Slices::new().yield_now().await;
        let dataset = dataset_url();
        let (messages, text) =
            futures::future::join(i18n::load(i18n::initial_language()), fetch_text(&dataset)).await;
        i18n::install(messages);
        apart(prepare_dataset(text?)).await
    });
    let basemap = LocalResource::new(|| async {
        Slices::new().yield_now().await;
        fetch_basemap().await
    });

    // Inside another site's iframe the page is the map alone: no header.
    let embed = url_state::parse(&history::query(), &Known::default()).embed;
    // The header and the stage change together, in one drawing: drawn apart, the header could
    // come a frame after the map and push it down (a layout shift).
    let page_view = move || {
        let Some(loaded) = page.get() else {
            return view! { <main class="stage"><Loading/></main> }.into_any();
        };
        let stage = match loaded {
            Err(error) => view! {
                <div class="status status-error" role="alert">
                    <h2>{t("app.load_failed")}</h2>
                    <p class="error-detail">{error.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| page.refetch()>{t("app.retry")}</button>
                </div>
            }
            .into_any(),
            Ok(prepared) => view! { <MapView prepared basemap/> }.into_any(),
        };
        let masthead = (!embed).then(|| {
            view! {
                <header class="masthead">
                    <div class="masthead-text">
                        <h1>{t("app.title")}</h1>
                        <p class="tagline">{t("app.tagline")}</p>
                    </div>
                    <LanguageSwitcher/>
                </header>
            }
        });
        view! { {masthead} <main class="stage">{stage}</main> }.into_any()
    };
    view! {
        <div class="page" class:embed=embed>{page_view}</div>
    }
}

/// The interface's languages, each named in itself. Choosing one opens the same view in it:
/// `lang` goes into the address, so a shared link keeps it, and the page starts again in the
/// new language (a rare step, and the simplest way for every text to follow).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let current = i18n::language();
    let choose = move |ev: leptos::ev::Event| {
        let Some(chosen) = Language::from_tag(&event_target_value(&ev)) else {
            return;
        };
        let query = url_state::set_param(&history::query(), "lang", chosen.code());
        let _ = window().location().set_search(&query);
    };
    let options = Language::ALL
        .into_iter()
        .map(|l| view! { <option value=l.code() lang=l.code() selected=l == current>{l.endonym()}</option> })
        .collect_view();
    view! {
        <label class="language">
            <span class="visually-hidden">{t("app.language")}</span>
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
                <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.25"></circle>
                <path d="M1.5 8h13M8 1.5c-3 3.5-3 9.5 0 13M8 1.5c3 3.5 3 9.5 0 13" fill="none" stroke="currentColor" stroke-width="1.25"></path>
            </svg>
            <select id="language" on:change=choose>{options}</select>
        </label>
    }
}

/// Shown while the data and the language are on their way: a spinner only, for there are no
/// words yet to say it in.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <div class="status" role="status" aria-busy="true">
            <span class="spinner" aria-hidden="true"></span>
        </div>
    }
}
