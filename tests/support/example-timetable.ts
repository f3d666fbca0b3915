// The example council's timetable, as the report and the deadline tests read it.
import { reportTimetable } from "../../app/cases/timetable";
import { councilSettingsSchema } from "../../app/config/council-schema";
import { exampleCouncil } from "../../app/config/example-council";

export const exampleTimetable = councilSettingsSchema.parse(exampleCouncil).timetable;
export const statutoryTimetable = reportTimetable(exampleTimetable);
