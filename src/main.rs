//! The web app's entry point: mounts the map; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(partnermap::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnermap-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
