import { describe, expect, it } from "vitest";
import { deferredModuleType, scriptsAfterFirstPaint } from "./scripts-after-first-paint.server";

// The end of a page as React writes Remix's <Scripts nonce>: the preload links, the context script, the module script.
const remixEnd = [
  '<script nonce="N1">scrollRestoration()</script>',
  '<link rel="modulepreload" href="/assets/manifest-1.js"/><link rel="modulepreload" href="/assets/entry.client-2.js"/><link rel="modulepreload" href="/assets/shared-3.js"/>',
  '<script nonce="N1">window.__remixContext = {};</script>',
  '<script nonce="N1" type="module" async="">import "/assets/manifest-1.js";\nimport("/assets/entry.client-2.js");</script>',
  '<script nonce="N1">window.__remixContext.streamController.close();</script></body></html>',
];
const page = `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/assets/portal.css"/></head><body><main>Words</main>${remixEnd.join("")}`;

describe("scriptsAfterFirstPaint", () => {
  const out = scriptsAfterFirstPaint(page);

  it("takes the preload links out and leaves a loader with the same nonce where they were", () => {
    expect(out).not.toContain('rel="modulepreload" href=');
    const loader = /<script nonce="N1">(\(function \(self, hrefs\)[\s\S]*?)<\/script>/.exec(out);
    expect(loader).not.toBeNull();
    expect(loader![1]).toContain('["/assets/manifest-1.js","/assets/entry.client-2.js","/assets/shared-3.js"]');
    expect(out.indexOf(loader![0])).toBe(page.indexOf('<link rel="modulepreload"'));
  });

  it("leaves Remix's module script inert, with its nonce and text unchanged, and everything else byte for byte", () => {
    expect(out).not.toContain('type="module"');
    expect(out).toContain(`<script nonce="N1" type="${deferredModuleType}">import "/assets/manifest-1.js";\nimport("/assets/entry.client-2.js");</script>`);
    const [before, after] = [page.slice(0, page.indexOf("<link rel=\"modulepreload\"")), page.slice(page.indexOf('<script nonce="N1">window.__remixContext.streamController'))];
    expect(out.startsWith(before)).toBe(true);
    expect(out.endsWith(after)).toBe(true);
    expect(out).toContain('<script nonce="N1">window.__remixContext = {};</script>');
  });

  it("writes nothing that could end the loader's script early", () => {
    const loader = /<script nonce="N1">(\(function \(self, hrefs\)[\s\S]*?)<\/script>/.exec(out)![1]!;
    expect(loader).not.toMatch(/</);
  });

  it("leaves a page without Remix's scripts, or with them in another order, as it was", () => {
    const noScripts = "<!DOCTYPE html><html><body><p>Static</p></body></html>";
    expect(scriptsAfterFirstPaint(noScripts)).toBe(noScripts);
    const reordered = `<body>${remixEnd[3]}${remixEnd[1]}</body>`;
    expect(scriptsAfterFirstPaint(reordered)).toBe(reordered);
  });
});
