// Serves the .br and .gz files made at build time for fingerprinted assets, when the browser accepts them.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

export function precompressedAssets(assetsDir: string): RequestHandler {
  // Listed once at start: no file-system look-ups on the request path.
  const available = new Set(readdirSync(assetsDir));
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const name = path.basename(req.path);
    const type = types[path.extname(name)];
    if (!type || req.path !== `/${name}`) return next();
    // Brotli whenever the browser takes it, whatever its order (the files are smaller); each by its q-value, so that
    // "br;q=0" is a refusal.
    const encoding = req.acceptsEncodings("br") && available.has(`${name}.br`) ? "br" : req.acceptsEncodings("gzip") && available.has(`${name}.gz`) ? "gzip" : null;
    if (!encoding) return next();
    res.setHeader("Content-Type", type);
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    // Fingerprinted and immutable: validators and ranges would only add bytes to every response.
    res.sendFile(path.join(assetsDir, `${name}.${encoding === "br" ? "br" : "gz"}`), {
      headers: { "Content-Type": type },
      etag: false,
      lastModified: false,
      acceptRanges: false,
    });
  };
}
