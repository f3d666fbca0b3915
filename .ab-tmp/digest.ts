import { renderCaseDigest } from "@emails/case-digest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { createTranslations } from "~/services/translations.server";
const timetable = councilSettingsSchema.parse(exampleCouncil).timetable;
const t = createTranslations(timetable).en.getFixedT("en", ["emails", "common"]);
const out = renderCaseDigest({ day: "2027-01-12", notAcknowledged: [], dueSoon: [{ reference: "C-7K4M-2Q9P-W", stage: 3, dueOn: "2027-01-14", days: 2 }], overdue: [], nextStageNotStarted: [], panelsOverdue: [{ reference: "C-ABCD-EFGH-J", stage: 3, dueOn: "2027-01-05", days: 5 }], panelsDueSoon: [{ reference: "C-KLMN-PQRS-T", stage: 3, dueOn: "2027-01-13", days: 1 }], codesHeldBack: [] }, t, timetable);
console.log(out.subject); console.log(out.text);
