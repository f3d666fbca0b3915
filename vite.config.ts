// The Vite plugin replaces remix.config.js: Remix's classic compiler is being removed (docs/decisions/001).
import { vitePlugin as remix } from "@remix-run/dev";
import { NodePackageImporter } from "sass";
import { fileURLToPath } from "node:url";
import postcssRTLCSS from "postcss-rtlcss";
import { Mode } from "postcss-rtlcss/options";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)), "@emails": fileURLToPath(new URL("./emails", import.meta.url)) } },
  css: {
    // GOV.UK Frontend is written left to right: every rule that sets a side (left, right, a border, a float, an
    // arrow's turn) gets a mirrored [dir="rtl"] rule beside it, so Arabic pages are laid out right to left while
    // English and Polish pages keep GOV.UK's own rules untouched (docs/decisions/016).
    postcss: { plugins: [postcssRTLCSS({ mode: Mode.override })] },
    preprocessorOptions: {
      scss: { api: "modern-compiler", importers: [new NodePackageImporter()], quietDeps: true },
    },
  },
  build: {
    assetsInlineLimit: 0,
    // The browser's scripts are minified by terser, not esbuild: the shared script every page fetches comes out about
    // 4 KB smaller compressed (82.0 to 77.8 KB with Brotli), mostly from React DOM, which esbuild's single pass leaves
    // as it is. Only safe transforms, in two passes (docs/decisions/046). The server's build is not minified. Vite
    // turns on terser's work-arounds for Safari 10's bugs; no browser that old runs these scripts (they are modules
    // built for Vite's default targets, Safari 14 and later; an older browser gets the pages without JavaScript,
    // which work in full), so they are turned off again (docs/decisions/084).
    minify: isSsrBuild ? false : "terser",
    terserOptions: { safari10: false, compress: { passes: 2 }, format: { comments: false } },
    rollupOptions: {
      output: {
        // Modules every page runs, in one file rather than a dozen small ones: each file a first visit fetches costs
        // its own request and response headers (about 0.3 KB on HTTP/1.1), and one file compresses better than its
        // parts. Route modules and what only some pages render keep Remix's own splitting. GOV.UK Frontend's scripts
        // for the components most pages have (app/govuk-frontend.client.ts) are in the shared file on purpose: every
        // page runs them straight after hydration, and as a file of their own they cost one more request for the same
        // bytes. (A full test run once met React's error #345 with them in a file of their own; the cause was a tap
        // reaching React before hydration finished, fixed in docs/decisions/036.)
        manualChunks: isSsrBuild ? undefined : (id: string) => {
          // Also the error page, the layout's and the boundary of each route that takes posts (in a file of its own, every
          // page would fetch it), and what surrounds every journey page's question (the back link, listen button and
          // session timeout, about 1 KB): the start page fetches it for the journey pages that follow it, which then
          // fetch one file fewer (the question page 0.7 KB less in all, the start page 1 KB more).
          if (/\/app\/(i18n|page-handle|page-parts|root-data|govuk-frontend\.client|translation\/(translate|react|page-words)|components\/error-page|components\/journey\/journey-chrome)\.tsx?$/.test(id) || id.includes("vite/preload-helper")) return "shared";
          // GOV.UK Frontend's character count and file upload, fetched only by the pages that have one (decision 042).
          if (/\/app\/govuk-frontend-fields\.client\.ts$/.test(id) || /\/govuk-frontend\/dist\/govuk\/components\/(character-count|file-upload)\//.test(id)) return "govuk-frontend-fields";
          if (id.includes("/govuk-frontend/dist/govuk/")) return "shared";
          if (/\/app\/components\/govuk\/(button|input|label|hint|error-message|error-summary|form-group|fieldset|inset-text|warning-text|i18n-attributes)\.tsx?$/.test(id)) return "shared";
          return undefined;
        },
      },
    },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: false,
      },
    }),
  ],
}));
