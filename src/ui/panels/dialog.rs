//! The modal dialogs' shared parts (native `<dialog>`: focus kept inside, Escape closes it):
//! opening, closing, and the heading with its close button.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::ui::i18n::t;

pub fn show(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get() {
        let _ = d.show_modal();
    }
}

pub fn hide(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get() {
        d.close();
    }
}

/// The dialog's title (`id` names it for `aria-labelledby`) and a button that closes it.
#[component]
pub fn DialogHead(dialog: NodeRef<Dialog>, id: &'static str, title: &'static str) -> impl IntoView {
    view! {
        <header class="dialog-head">
            <h2 id=id>{title}</h2>
            <button type="button" class="close" aria-label=t("share.close") on:click=move |_| hide(dialog)>"×"</button>
        </header>
    }
}
