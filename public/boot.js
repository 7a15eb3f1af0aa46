// Starts the map. A file of its own rather than trunk's inline script, so that the page runs
// under a Content Security Policy without 'unsafe-inline'. The script tag that loads this file
// names the hashed JS and wasm files (see Trunk.toml, pattern_script).
const tag = document.querySelector("script[data-js][data-wasm]");
const base = document.baseURI;
// In a release build the first picture is part of the page (scripts/inline-first-paint.mjs):
// it is painted before the map's own downloads begin, and a slow line gives it the first
// second. The frame is not waited for longer than a tenth of a second, where a hidden tab
// paints none.
const picture = document.querySelector("img.first-paint");
if (picture?.src.startsWith("data:")) {
  await picture.decode().catch(() => {});
  const painted = new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  await Promise.race([painted, new Promise((done) => setTimeout(done, 100))]);
}
// The browser's Intl loads its data on first use: 40 to 100 ms on a phone. Done here, while
// the map's module downloads, that is a short task of its own instead of a part of the map's
// first long one; the map's own formatters, in whatever language the page is in, then take a
// millisecond or so.
setTimeout(() => new Intl.NumberFormat(navigator.language), 0);
const { default: init } = await import(new URL(tag.dataset.js, base).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
// The benchmark reads the wasm memory's size from here (scripts/bench.sh).
window.partnermapMemory = wasm.memory;
