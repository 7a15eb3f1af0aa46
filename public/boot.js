// Starts the map. A file of its own rather than trunk's inline script, so that the page runs
// under a Content Security Policy without 'unsafe-inline'. The script tag that loads this file
// names the hashed JS and wasm files (see Trunk.toml, pattern_script).
const tag = document.querySelector("script[data-js][data-wasm]");
const base = document.baseURI;
const { default: init } = await import(new URL(tag.dataset.js, base).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
// The benchmark reads the wasm memory's size from here (scripts/bench.sh).
window.partnermapMemory = wasm.memory;
