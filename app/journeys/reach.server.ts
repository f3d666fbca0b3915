// Reads what the check-answers form says about how the portal was used (app/components/journey/reach-fields.tsx).
import { widthBands, type PortalReach, type WidthBand } from "~/cases/case-record";
import type { FormFields } from "./journey-engine";

export function readReach(form: FormFields, language: string): PortalReach {
  const width = form.get("reach-width");
  return {
    language,
    javascript: form.get("reach-js") === "yes",
    widthBand: typeof width === "string" && (widthBands as readonly string[]).includes(width) ? (width as WidthBand) : null,
  };
}
