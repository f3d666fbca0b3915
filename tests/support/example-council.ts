// The example council's settings as checked at start, and as an English reader (and the annual report) sees them.
import { councilIn, councilSettingsSchema } from "../../app/config/council-schema";
import { exampleCouncil } from "../../app/config/example-council";

export const parsedExampleCouncil = councilSettingsSchema.parse(exampleCouncil);
export const englishExampleCouncil = councilIn(parsedExampleCouncil, "en");
