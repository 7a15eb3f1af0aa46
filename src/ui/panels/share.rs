//! "Share & embed": the link to the view as it stands, and an iframe snippet for another
//! website, with what it keeps (selection, filters, language) and a live preview.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::core::i18n::Language;
use crate::core::share::{embed_state, iframe_snippet, EmbedChoice};
use crate::core::url_state;
use crate::ui::i18n::{language, t};
use crate::ui::state::use_map_state;

use super::dialog::{self, DialogHead};

/// The map's own address without its query: where shared links and iframes point.
fn page_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// A read-only field with its text and a Copy button that says whether it worked.
#[component]
fn CopyField(
    id: &'static str,
    label: &'static str,
    text: Signal<String>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let status = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        let promise = window()
            .navigator()
            .clipboard()
            .write_text(&text.get_untracked());
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            status.set(Some(if done {
                t("share.copied")
            } else {
                t("share.copy_failed")
            }));
        });
    };
    let select_all = |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    };
    let field = if multiline {
        view! { <textarea id=id readonly rows="4" prop:value=move || text.get()></textarea> }
            .into_any()
    } else {
        view! { <input id=id type="text" readonly prop:value=move || text.get() on:focus=select_all/> }.into_any()
    };
    view! {
        <div class="copy-field">
            <label for=id>{label}</label>
            <div class="copy-row">
                {field}
                <button type="button" class="button" data-copy=id on:click=copy>{t("share.copy")}</button>
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </div>
    }
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let state = use_map_state();
    let dialog = NodeRef::<Dialog>::new();
    // The view as it was when the dialog opened: moving the map behind it changes nothing.
    let snapshot = RwSignal::new(state.current());
    let has_selection = move || snapshot.with(|s| s.place.is_some() || s.link.is_some());
    let keep_selection = RwSignal::new(true);
    let keep_filters = RwSignal::new(true);
    let embed_language = RwSignal::new(language().code().to_string());

    let is_open = RwSignal::new(false);
    // What the dialog holds is drawn when it first opens: most visits never open it, and its
    // elements were part of the start-up's longest task on a phone.
    let drawn = RwSignal::new(false);
    let open = move |_| {
        snapshot.set(state.current());
        is_open.set(true);
        // Set once: setting a signal again, to the same value, would draw the contents anew.
        if !drawn.get_untracked() {
            drawn.set(true);
        }
        dialog::show(dialog);
    };
    let link =
        Signal::derive(move || format!("{}{}", page_address(), snapshot.with(url_state::write)));
    let embedded = move || {
        let choice = EmbedChoice {
            selection: keep_selection.get(),
            filters: keep_filters.get(),
            language: embed_language.get(),
        };
        snapshot.with(|s| embed_state(s, &choice))
    };
    let snippet =
        Signal::derive(move || iframe_snippet(&page_address(), &embedded(), t("app.title")));
    let preview = move || format!("./{}", url_state::write(&embedded()));
    let languages = || {
        Language::ALL
            .into_iter()
            .map(|l| view! { <option value=l.code() selected=l == language()>{l.endonym()}</option> })
            .collect_view()
    };
    let contents = move || {
        view! {
            <CopyField id="share-link" label=t("share.link") text=link/>
            <fieldset class="share-options">
                <legend>{t("share.snippet")}</legend>
                <label class="check" class:disabled=move || !has_selection()>
                    <input type="checkbox" id="share-selection" prop:checked=keep_selection
                        disabled=move || !has_selection()
                        on:change=move |ev| keep_selection.set(event_target_checked(&ev))/>
                    {t("share.with_place")}
                </label>
                <label class="check">
                    <input type="checkbox" id="share-filters" prop:checked=keep_filters
                        on:change=move |ev| keep_filters.set(event_target_checked(&ev))/>
                    {t("share.with_filters")}
                </label>
                <label class="share-language">
                    {t("share.language")} " "
                    <select id="share-language" on:change=move |ev| embed_language.set(event_target_value(&ev))>
                        {languages()}
                    </select>
                </label>
            </fieldset>
            <CopyField id="share-snippet" label="HTML" text=snippet multiline=true/>
            <p class="share-preview-label">{t("share.preview")}</p>
            // Loaded only while the dialog is open: an iframe costs a whole second map.
            <Show when=move || is_open.get()>
                <iframe class="share-preview" title=t("share.preview") src=preview></iframe>
            </Show>
        }
    };

    view! {
        <button type="button" class="button button-quiet" id="share-open" aria-haspopup="dialog" on:click=open>
            {t("share.open")}
        </button>
        <dialog node_ref=dialog id="share" class="dialog" aria-labelledby="share-title"
            on:close=move |_| is_open.set(false)>
            <DialogHead dialog id="share-title" title=t("share.title")/>
            {move || drawn.get().then(contents)}
        </dialog>
    }
}
