//! The web app's entry point: mounts the map; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    // In a task after the module's instantiation: on a phone the browser compiles each function
    // when first called, and the two together made one long task.
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to_body(partnermap::ui::app::App),
        std::time::Duration::ZERO,
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnermap-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
