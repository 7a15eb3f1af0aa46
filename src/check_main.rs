//! The staff page's entry point (`check.html`): a module of its own, so that the map's
//! download does not carry the spreadsheet import.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(partnermap::ui::check::CheckPage);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnermap-check is the staff page: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
