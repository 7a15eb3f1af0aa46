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
// Each size and weight of the page's text (a "strike") is looked up among the system's fonts the
// first time it is laid out: on Linux a round trip to the browser's font service, a few ms on a
// phone. The map's own first layout met some twenty of them at once, a long task of its own.
// Here they are looked up one per frame while the map's module downloads (a hidden tab, which
// paints no frames, skips this). The strikes of style.css's text as the map first shows it, on
// a phone and on a wide screen; the two of the font-warmup paragraph are in the page already.
const strikes = [
  [400, "0.6875rem"], [400, "0.75rem"], [400, "0.78rem"], [400, "0.8125rem"], [400, "0.875rem"],
  [400, "1.2rem"], [600, "12px"], [600, "0.78rem"], [600, "0.8125rem"], [600, "1rem"],
  [700, "11px"], [700, "0.875rem"], [700, "1.1rem"],
];
// The map's labels are SVG text, whose strikes are scaled by the screen's pixel ratio: those two
// are looked up in an SVG of their own.
const svgStrikes = [[600, "12px"], [700, "11px"]];
const warmup = document.querySelector(".font-warmup");
const SVG_NS = "http://www.w3.org/2000/svg";
const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
const lookUp = (parent, text, [weight, size]) => {
  text.textContent = " Partner-city map 2026";
  text.style.fontWeight = weight;
  text.style.fontSize = size;
  parent.append(text);
};
(async () => {
  for (const strike of strikes) {
    await nextFrame();
    lookUp(warmup, document.createElement("span"), strike);
  }
  const svg = warmup.appendChild(document.createElementNS(SVG_NS, "svg"));
  for (const strike of svgStrikes) {
    await nextFrame();
    lookUp(svg, document.createElementNS(SVG_NS, "text"), strike);
  }
})();
// The browser's Intl loads its data on first use: 40 to 100 ms on a phone. Done here, while
// the map's module downloads, that is a short task of its own instead of a part of the map's
// first long one; the map's own formatters, in whatever language the page is in, then take a
// millisecond or so.
setTimeout(() => new Intl.NumberFormat(navigator.language), 0);
const { default: init } = await import(new URL(tag.dataset.js, base).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
// The benchmark reads the wasm memory's size from here (scripts/bench.sh).
window.partnermapMemory = wasm.memory;
