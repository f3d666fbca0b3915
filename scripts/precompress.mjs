// Compresses fingerprinted assets once at build time, at the highest levels, so requests never pay for it. Brotli's
// largest input block (2^24 bytes, BROTLI_PARAM_LGBLOCK) lets one block span the whole of even the shared script, so
// it is compressed with one set of statistics: about 80 bytes less of the 78 KB every page fetches, nothing worse
// elsewhere, and the same work for the browser to undo (docs/decisions/084).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const folder = "build/client/assets";
for (const name of readdirSync(folder)) {
  if (!/\.(js|css|json|svg)$/.test(name)) continue;
  const file = path.join(folder, name);
  const body = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_LGBLOCK]: 24 } }));
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}
