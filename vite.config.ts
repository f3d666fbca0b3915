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

export default defineConfig({
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
  build: { assetsInlineLimit: 0 },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
