import { describe, expect, it } from "vitest";
import { asciiDigits } from "./digits";

describe("asciiDigits", () => {
  it("reads Arabic-Indic, Eastern Arabic-Indic and full-width digits as 0 to 9", () => {
    expect(asciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(asciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(asciiDigits("０１２３４５６７８９")).toBe("0123456789");
  });

  it("leaves everything else as it is", () => {
    expect(asciiDigits("C-7K4M ٢Q9P-W مرحبا 12")).toBe("C-7K4M 2Q9P-W مرحبا 12");
  });
});
