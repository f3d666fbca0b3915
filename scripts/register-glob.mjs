// `node --import tsx --import ./scripts/register-glob.mjs file.ts`: lets server entry points run straight from
// source (as some tests start them) with the locale files found as the builds find them (glob-import-plugin.mjs).
import { register } from "node:module";

register("./glob-loader-hooks.mjs", import.meta.url);
