// Writes NAME.gz and NAME.br beside each compressible file of the built site, so that a host
// serves them as they are (nginx `gzip_static on;` and `brotli_static on;`, Caddy
// `precompressed`, most CDNs) instead of compressing on every request. Run by trunk after a
// release build (Trunk.toml); uses only Node's own zlib.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(wasm|js|css|json|svg|html|txt)$/;
const SMALLEST = 512;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (COMPRESSIBLE.test(name) && statSync(path).size >= SMALLEST) {
      const bytes = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      );
    }
  }
}

walk(process.argv[2] ?? "dist");
