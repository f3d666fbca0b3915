// The statutory time limits the report measures replies against, until the case progress work (issue 14) puts
// them in the council's settings as the one table every deadline comes from; then the report takes them from
// there and this constant goes.
//
// Children Act 1989 Representations Procedure (England) Regulations 2006 and "Getting the Best from Complaints":
// stage 1 within 10 working days, extendable to 20; stage 2 within 25, extendable to 65; stage 3, the panel
// meets within 30 working days of the request, reports within 5 of meeting and the director replies within 15 of
// the report (50 in all, no extension). Public health (2012 regulations): a reply within 6 months.
import type { ReportTimetable } from "~/cases/case-record";

export const statutoryTimetable: ReportTimetable = {
  childrensSocialCare: {
    1: { workingDays: 10, extendedWorkingDays: 20 },
    2: { workingDays: 25, extendedWorkingDays: 65 },
    3: { workingDays: 50, extendedWorkingDays: null },
  },
  publicHealthMonths: 6,
};
