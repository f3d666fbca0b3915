// A page's scripts are fetched after its first paint, not beside its stylesheet (docs/decisions/034).
//
// Remix's <Scripts> ends each page with `<link rel="modulepreload">` for every module the page runs and an inline
// module script that imports them and starts hydration. A browser fetches all of them as soon as it reads the
// page, so on a slow connection about 100 KB of script shares the line with the 15 KB stylesheet that has to
// arrive before anything is drawn: the page appeared about a second later than it needed to (Lighthouse's slow
// 4G: 1.9 s against 0.9 s). The page works without JavaScript, so nothing the person needs is in those scripts
// until they arrive; drawing the page first is what they are waiting for.
//
// Here the page keeps the same elements, in the same places, for React to hydrate, but the links are written by a
// small inline script once the page has been painted, and Remix's module script is left inert (a data block, the
// same text) until then. Hydration finds exactly the document React rendered: the links back where they were, the
// loader gone, the module script live again.

/** The `type` of Remix's module script until the page has been painted: a data block, which nothing runs. */
export const deferredModuleType = "text/x-module-after-first-paint";

// React writes these exactly so (attributes in the order <Scripts> gives them, nothing else on the links).
const preloadRun = /(?:<link rel="modulepreload" href="[^"<>]+"\/>)+/;
const preloadHref = /<link rel="modulepreload" href="([^"<>]+)"\/>/g;
const moduleScript = /<script nonce="([^"<>]*)" type="module" async="">/;

/**
 * The loader, run where the first link was: once the browser reports the page's first contentful paint (or, where
 * it cannot, after the next frame; at the latest ten seconds on, or when the page comes back from the back-forward
 * cache) and the whole page has been read, it puts the links back in its own place, one a task, then swaps the
 * inert script for a live one with the same text and the same nonce. A hidden page (opened in the
 * background) is not painted until it is shown, so it loads at once. Written for any browser that runs modules.
 */
function loaderSource(hrefs: string[]): string {
  return [
    "(function (self, hrefs) {",
    "  var d = document;",
    "  function load() {",
    "    if (!self) return;",
    "    var loader = self, nonce = self.nonce, inert = null;",
    "    self = null;",
    // Only the inert script carrying this loader's own nonce is made live: the one Remix wrote in this response.
    `    d.querySelectorAll('script[type="${deferredModuleType}"]').forEach(function (script) { if (script.nonce === nonce) inert = script; });`,
    // One link a task, each put back where the loader stands: a link starts its fetch as it is added, a few
    // milliseconds of a slow phone's main thread each, and all of them at once were one long task, in which a tap
    // waits (Lighthouse's total blocking time). The module script goes live last, once every link is back.
    "    (function next() {",
    "      var href = hrefs.shift();",
    "      if (href) {",
    '        var link = d.createElement("link");',
    '        link.rel = "modulepreload";',
    "        link.href = href;",
    "        loader.before(link);",
    // A page in a background tab is neither drawn nor tapped, and its timers may run once a second at most: there
    // its links all go back at once.
    '        if (d.visibilityState === "hidden") next();',
    "        else setTimeout(next, 0);",
    "        return;",
    "      }",
    "      loader.remove();",
    "      if (!inert) return;",
    '      var live = d.createElement("script");',
    '      live.type = "module";',
    "      live.async = true;",
    "      live.nonce = nonce;",
    "      live.textContent = inert.textContent;",
    "      inert.replaceWith(live);",
    "    })();",
    "  }",
    "  function whenRead() {",
    '    if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", load);',
    "    else load();",
    "  }",
    "  var observer = window.PerformanceObserver;",
    '  var painted = function () { return performance.getEntriesByName && performance.getEntriesByName("first-contentful-paint").length > 0; };',
    // A page put back from the back-forward cache before it was painted reports no paint again; and a paint the
    // browser never reports must not leave the page without its scripts: ten seconds is the longest wait.
    '  addEventListener("pageshow", function (event) { if (event.persisted) whenRead(); });',
    "  setTimeout(whenRead, 10000);",
    '  if (d.visibilityState === "hidden" || painted()) whenRead();',
    '  else if (observer && observer.supportedEntryTypes && observer.supportedEntryTypes.indexOf("paint") >= 0) {',
    "    new observer(function (list, watcher) {",
    '      if (!list.getEntriesByName("first-contentful-paint").length) return;',
    "      watcher.disconnect();",
    "      whenRead();",
    '    }).observe({ type: "paint", buffered: true });',
    "  } else requestAnimationFrame(function () { setTimeout(whenRead, 0); });",
    // "<" cannot appear in the addresses (the pattern above refuses it), so nothing here can end the script early.
    `})(document.currentScript, ${JSON.stringify(hrefs)});`,
  ].join("\n");
}

/**
 * Rewrites a whole rendered page so its scripts load after the first paint. A page without Remix's scripts (or
 * written differently by a later Remix) is returned unchanged: it then loads as Remix wrote it, and the end-to-end
 * test that checks the order of loading fails.
 */
export function scriptsAfterFirstPaint(html: string): string {
  const links = preloadRun.exec(html);
  const script = moduleScript.exec(html);
  if (!links || !script || script.index < links.index + links[0].length) return html;
  const nonce = script[1]!;
  const hrefs = [...links[0].matchAll(preloadHref)].map((match) => match[1]!);
  return [
    html.slice(0, links.index),
    `<script nonce="${nonce}">${loaderSource(hrefs)}</script>`,
    html.slice(links.index + links[0].length, script.index),
    `<script nonce="${nonce}" type="${deferredModuleType}">`,
    html.slice(script.index + script[0].length),
  ].join("");
}
