// The portal's stylesheet has GOV.UK Frontend's rules for every GOV.UK class its markup uses: it includes only the
// components the portal renders (app/styles/portal.scss), and a component used but left out would leave its markup
// unstyled, which no other test would notice.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compile, NodePackageImporter } from "sass";
import { describe, expect, it } from "vitest";

const portalCss = compile(path.join(import.meta.dirname, "portal.scss"), { importers: [new NodePackageImporter()], quietDeps: true, silenceDeprecations: [] }).css;
const govukCss = readFileSync(path.join(import.meta.dirname, "../../node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css"), "utf8");

/** Every source file of the portal's markup (not tests). */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx|ts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const classPattern = /govuk-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9]+(?:-[a-z0-9]+)*)?(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?/g;
const styledIn = (css: string, name: string) => new RegExp(`\\.${name}(?![a-z0-9_-])`).test(css);

describe("the portal's stylesheet", () => {
  const used = new Set(sourceFiles(path.join(import.meta.dirname, "..")).flatMap((file) => readFileSync(file, "utf8").match(classPattern) ?? []));
  const styledByGovuk = [...used].filter((name) => styledIn(govukCss, name));

  it("styles every GOV.UK class the markup uses that GOV.UK Frontend styles", () => {
    expect(styledByGovuk.length).toBeGreaterThan(100);
    expect(styledByGovuk.filter((name) => !styledIn(portalCss, name))).toEqual([]);
  });

  it("leaves out components the portal does not render", () => {
    for (const name of ["govuk-accordion", "govuk-breadcrumbs", "govuk-cookie-banner", "govuk-pagination", "govuk-tabs", "govuk-task-list"]) {
      expect(used.has(name), name).toBe(false);
      expect(styledIn(portalCss, name), name).toBe(false);
    }
  });
});
