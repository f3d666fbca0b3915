// English words in a translation are said in English: marked, they come out in a span with lang="en".
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { languageParts } from "./language-parts";

describe("English words marked in a translation", () => {
  it("are put in a span that says they are English, the rest left as it is", () => {
    expect(renderToStaticMarkup(<p>{languageParts("Opiekun specjalny (<en>special guardian</en>)")}</p>)).toBe('<p>Opiekun specjalny (<span lang="en">special guardian</span>)</p>');
    expect(renderToStaticMarkup(<p>{languageParts("a (<en>b</en>) c (<en>d</en>)")}</p>)).toBe('<p>a (<span lang="en">b</span>) c (<span lang="en">d</span>)</p>');
    expect(languageParts("Bez oznaczeń")).toBe("Bez oznaczeń");
  });
});
