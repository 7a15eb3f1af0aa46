// Starts the staff page (check.html): its own module, which the map never loads. A file of its
// own rather than an inline script, so the page runs under the map's strict Content Security
// Policy. The module's names are fixed (trunk builds it as a "worker", without a hash), so
// hosts must not cache check/ as immutable (README, "Hosting").
const base = document.baseURI;
const { default: init } = await import(new URL("check/partnermap-check.js", base).href);
await init({ module_or_path: new URL("check/partnermap-check_bg.wasm", base).href });
