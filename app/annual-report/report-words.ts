// Every word of the annual report, in one table, so the complaints manager's team can change the wording in one
// place. English only: the report is a staff document. `{{name}}` is filled in; a key may have forms for 0
// (`_zero`), 1 (`_one`) and anything else (`_other`), chosen by the `count` value, as i18next does.

import type { Shown } from "./disclosure";

export const reportWords = {
  // The document
  "document.title": "Complaints and compliments annual report {{period}}",
  "document.caption": "{{councilName}}",
  "document.service": "Children's social care and public health",
  "document.made": "Made on {{date}} from the anonymous records the portal keeps of everything sent through it and everything staff recorded in it.",
  "document.contents": "Contents",
  "document.draft": "Draft: the sentences are written from the figures. Check and add to them before publishing.",
  "document.smallNumbers_one": "One count in it is from 1 to {{highest}} and is shown as it is: a number that small can point to a person. Before publishing, make the report again with --suppress-below {{below}}, which shows counts from 1 to {{highest}} as “fewer than {{below}}” everywhere.",
  "document.smallNumbers_other": "{{count}} counts in it are from 1 to {{highest}} and are shown as they are: numbers that small can point to a person. Before publishing, make the report again with --suppress-below {{below}}, which shows counts from 1 to {{highest}} as “fewer than {{below}}” everywhere.",

  // Column headings and common words
  "table.figure": "Figure",
  "table.stage": "Stage {{stage}}",
  "table.publicHealthStage": "Reply",
  "shown.fewerThan": "fewer than {{threshold}}",
  "shown.withheld": "not shown",
  "shown.withheldInWords": "some",
  "shown.omittedInWords": "an unstated number",
  "shown.none": "no replies",
  "shown.noFigures": "no figures",
  "shown.days_one": "{{count}} working day",
  "shown.days_other": "{{count}} working days",
  "list.and": " and ",
  "list.comma": ", ",

  // Comparisons, appended to a section's first sentence
  "period.inYear": "in {{name}}",
  "period.between": "between {{from}} and {{to}}",
  "compare.same": ", the same as {{previousName}}",
  "compare.sameAsSameDates": ", as in {{previousName}}",
  "compare.more": ", {{difference}} more than {{previousName}}",
  "compare.fewer": ", {{difference}} fewer than {{previousName}}",
  "compare.with": ", compared with {{previous}} in {{previousName}}",
  "compare.noFigures": "; there are no figures for {{previousName}} to compare with",
  "previousName.year": "the previous year",
  "previousName.sameDatesYearBefore": "the same period a year before",
  "previousName.periodBefore": "the period before",

  // About this report
  "about.heading": "About this report",
  "about.covers":
    "This report covers complaints, compliments and requests about children's social care and public health received by {{councilName}} from {{from}} to {{to}}, compared with {{previousFrom}} to {{previousTo}}.",
  "about.counting":
    "A complaint is counted in the period it was received. Replies, outcomes, the Ombudsman's involvement and complaints concluded are counted in the period they happened, whenever the complaint was received.",
  "about.recordsBeginPart": "The portal's records begin on {{date}}, so the figures for {{previousName}} cover only part of it.",
  "about.recordsBeginNone": "The portal's records begin on {{date}}, so there are no figures for {{previousName}}.",
  "about.noRecords": "The portal has no records for this period or before it, so every figure in this report is 0.",
  "about.suppression":
    "To keep children and families from being identified, counts from 1 to {{below}} are shown as \u201cfewer than {{threshold}}\u201d. Where a total would let a reader work out such a count, one more count is not shown; where the total is itself fewer than {{threshold}}, how it splits is not shown at all (\u201can unstated number\u201d, which may be none).",
  "about.notSettled_one":
    "{{count}} complaint received {{inPeriod}} was about a service nobody has settled yet (the person was not sure which), and is counted in neither service below{{comparison}}.",
  "about.notSettled_other":
    "{{count}} complaints received {{inPeriod}} were about a service nobody has settled yet (the person was not sure which), and are counted in neither service below{{comparison}}.",
  "about.notSettledOpen_one":
    "{{count}} complaint about a service not yet settled was still open on {{end}} and is carried forward{{next}}{{comparison}}; it is in neither service's carried forward figures below.",
  "about.notSettledOpen_other":
    "{{count}} complaints about a service not yet settled were still open on {{end}} and are carried forward{{next}}{{comparison}}; they are in neither service's carried forward figures below.",
  "about.summaryCaption": "Summary of what was received",
  "about.summary.notSettled": "Complaints about a service not yet settled",
  "about.summary.notSettledOpen": "Still open on {{end}} (carried forward)",
  "about.notSettledCaption": "Complaints about a service not yet settled",

  // Compliments
  "compliments.heading": "Compliments",
  "compliments.received_zero": "No compliments were received{{comparison}}.",
  "compliments.received_one": "{{count}} compliment was received{{comparison}}.",
  "compliments.received_other": "{{count}} compliments were received{{comparison}}.",
  "compliments.byService": "Of these, {{list}}.",
  "compliments.service.childrens-social-care_one": "{{count}} was about children's social care",
  "compliments.service.childrens-social-care_other": "{{count}} were about children's social care",
  "compliments.service.public-health_one": "{{count}} was about public health",
  "compliments.service.public-health_other": "{{count}} were about public health",
  "compliments.service.not-sure_one": "{{count}} was from someone not sure which service",
  "compliments.service.not-sure_other": "{{count}} were from people not sure which service",
  "compliments.service.not-recorded_one": "{{count}} did not say which service",
  "compliments.service.not-recorded_other": "{{count}} did not say which service",
  "compliments.quotations_zero": "No one who paid a compliment {{inPeriod}} has a quotation in this report.",
  "compliments.quotations_one": "Appendix 1 gives the words of {{count}} compliment from someone who agreed to be quoted anonymously.",
  "compliments.quotations_other": "Appendix 1 gives the words of {{count}} compliments from people who agreed to be quoted anonymously.",
  "compliments.quotationsHeldBack": "Some people who paid a compliment {{inPeriod}} agreed to be quoted. Their words are not in this version of the report: printing them would show how many there are, which this version does not say.",
  "compliments.serviceCaption": "Compliments received, by service",
  "compliments.roleCaption": "Compliments received, by who paid them",
  "compliments.total": "Compliments received",
  "compliments.quotationsRow": "Quoted in Appendix 1",

  // Complaints, for each service
  "service.childrens-social-care.heading": "Children's social care complaints",
  "service.public-health.heading": "Public health complaints",
  "service.childrens-social-care.name": "children's social care",
  "service.public-health.name": "public health",
  "service.none": "There were no complaints about {{service}} received {{inPeriod}}{{comparison}}.",

  "received.heading": "Complaints received",
  "received.sentence_zero": "No complaints were received{{comparison}}.",
  "received.sentence_one": "{{count}} complaint was received{{comparison}}.",
  "received.sentence_other": "{{count}} complaints were received{{comparison}}.",
  "received.monthTitle": "Complaints received each month",
  "received.monthDescription": "Each bar is the number of complaints received in that month{{previousSeries}}.",
  "received.monthCaption": "Complaints received each month",
  "received.total": "Complaints received",

  "roles.heading": "Who made the complaints",
  "roles.sentence_one": "Of the {{count}} complaint received, {{list}}.",
  "roles.sentence_other": "Of the {{count}} complaints received, {{list}}.",
  "roles.sentenceHidden": "Of the complaints received ({{count}}), {{list}}.",
  "roles.none": "No complaints were received, so there is no one to count.",
  "roles.title": "Complaints received, by who made them",
  "roles.description": "Each bar is the number of complaints made by people in that role{{previousSeries}}.",
  "roles.caption": "Complaints received, by who made them",

  "role.child-or-young-person": "Child or young person",
  "role.care-leaver": "Care leaver",
  "role.parent": "Parent",
  "role.foster-or-kinship-carer": "Foster or connected carer",
  "role.special-guardian": "Special guardian",
  "role.grandparent-or-relative": "Grandparent or relative",
  "role.someone-else": "Someone else",
  "role.not-recorded": "Not recorded",
  "roleFrom.child-or-young-person_one": "{{count}} was from a child or young person",
  "roleFrom.child-or-young-person_other": "{{count}} were from children or young people",
  "roleFrom.care-leaver_one": "{{count}} was from a care leaver",
  "roleFrom.care-leaver_other": "{{count}} were from care leavers",
  "roleFrom.parent_one": "{{count}} was from a parent",
  "roleFrom.parent_other": "{{count}} were from parents",
  "roleFrom.foster-or-kinship-carer_one": "{{count}} was from a foster or connected carer",
  "roleFrom.foster-or-kinship-carer_other": "{{count}} were from foster or connected carers",
  "roleFrom.special-guardian_one": "{{count}} was from a special guardian",
  "roleFrom.special-guardian_other": "{{count}} were from special guardians",
  "roleFrom.grandparent-or-relative_one": "{{count}} was from a grandparent or relative",
  "roleFrom.grandparent-or-relative_other": "{{count}} were from grandparents or relatives",
  "roleFrom.someone-else_one": "{{count}} was from someone else",
  "roleFrom.someone-else_other": "{{count}} were from other people",
  "roleFrom.not-recorded_one": "for {{count}}, who made it was not recorded",
  "roleFrom.not-recorded_other": "for {{count}}, who made them was not recorded",
  "roleOnly.child-or-young-person": "The only complaint received was from a child or young person.",
  "roleOnly.care-leaver": "The only complaint received was from a care leaver.",
  "roleOnly.parent": "The only complaint received was from a parent.",
  "roleOnly.foster-or-kinship-carer": "The only complaint received was from a foster or connected carer.",
  "roleOnly.special-guardian": "The only complaint received was from a special guardian.",
  "roleOnly.grandparent-or-relative": "The only complaint received was from a grandparent or relative.",
  "roleOnly.someone-else": "The only complaint received was from someone else.",
  "roleOnly.not-recorded": "For the only complaint received, who made it was not recorded.",
  "rolePeople.child-or-young-person_one": "{{count}} child or young person",
  "rolePeople.child-or-young-person_other": "{{count}} children or young people",
  "rolePeople.care-leaver_one": "{{count}} care leaver",
  "rolePeople.care-leaver_other": "{{count}} care leavers",
  "rolePeople.parent_one": "{{count}} parent",
  "rolePeople.parent_other": "{{count}} parents",
  "rolePeople.foster-or-kinship-carer_one": "{{count}} foster or connected carer",
  "rolePeople.foster-or-kinship-carer_other": "{{count}} foster or connected carers",
  "rolePeople.special-guardian_one": "{{count}} special guardian",
  "rolePeople.special-guardian_other": "{{count}} special guardians",
  "rolePeople.grandparent-or-relative_one": "{{count}} grandparent or relative",
  "rolePeople.grandparent-or-relative_other": "{{count}} grandparents or relatives",
  "rolePeople.someone-else_one": "{{count}} other person",
  "rolePeople.someone-else_other": "{{count}} other people",
  "rolePeople.not-recorded_one": "{{count}} person whose role was not recorded",
  "rolePeople.not-recorded_other": "{{count}} people whose role was not recorded",

  "stages.heading": "How far the complaints went",
  "stages.concluded": "Of the {{received}} complaints received, {{concluded}} had been concluded by {{end}} and {{open}}.",
  "stages.concludedHidden": "Of the complaints received ({{received}}), {{concluded}} had been concluded by {{end}} and {{open}}.",
  "stages.stillOpen_one": "{{count}} was still open",
  "stages.stillOpen_other": "{{count}} were still open",
  "stages.concludedOne": "The complaint received {{state}}.",
  "stages.none": "none",
  "stages.concludedOneDone": "had been concluded by {{end}}",
  "stages.concludedOneOpen": "was still open on {{end}}",
  "stages.sentence.first1_one": "{{count}} was first considered at stage 1{{details}}.",
  "stages.sentence.first1_other": "{{count}} were first considered at stage 1{{details}}.",
  "stages.first1Details": ": of these, {{list}}",
  "stages.sentence.resolvedAt1_one": "{{count}} was concluded at stage 1",
  "stages.sentence.resolvedAt1_other": "{{count}} were concluded at stage 1",
  "stages.sentence.progressedTo2_one": "{{count}} progressed to stage 2 ({{split}})",
  "stages.sentence.progressedTo2_other": "{{count}} progressed to stage 2 ({{split}})",
  "stages.sentence.openAt1_one": "{{count}} is still being considered at stage 1",
  "stages.sentence.openAt1_other": "{{count}} are still being considered at stage 1",
  "stages.concludedPart_one": "{{count}} concluded",
  "stages.concludedPart_other": "{{count}} concluded",
  "stages.openPart_one": "{{count}} still open",
  "stages.openPart_other": "{{count}} still open",
  "stages.onTo3_one": "{{count}} of them went on to stage 3.",
  "stages.onTo3_other": "{{count}} of them went on to stage 3.",
  "stages.sentence.straightTo2_one": "{{count}} went straight to stage 2 without first being considered at stage 1 ({{split}}).",
  "stages.sentence.straightTo2_other": "{{count}} went straight to stage 2 without first being considered at stage 1 ({{split}}).",
  "stages.sentence.straightTo3_one": "{{count}} went straight to stage 3 ({{split}}).",
  "stages.sentence.straightTo3_other": "{{count}} went straight to stage 3 ({{split}}).",
  "stages.outOfTime_one": "{{count}} complaint was accepted outside the 12-month time limit for making a complaint.",
  "stages.outOfTime_other": "{{count}} complaints were accepted outside the 12-month time limit for making a complaint.",
  "stages.caption": "Complaints received, by how far they went",
  "stages.first1": "First considered at stage 1",
  "stages.resolvedAt1": "Concluded at stage 1",
  "stages.progressedTo2": "Progressed to stage 2",
  "stages.progressedTo2Concluded": "Progressed to stage 2 and concluded",
  "stages.progressedTo2Open": "Progressed to stage 2 and still open",
  "stages.progressedTo3": "First at stage 1 and went on to stage 3",
  "stages.openAt1": "Still open at stage 1",
  "stages.straightTo2": "Went straight to stage 2",
  "stages.straightTo2Concluded": "Straight to stage 2 and concluded",
  "stages.straightTo2Open": "Straight to stage 2 and still open",
  "stages.straightTo2To3": "Straight to stage 2 and went on to stage 3",
  "stages.straightTo3": "Went straight to stage 3",
  "stages.straightTo3Concluded": "Straight to stage 3 and concluded",
  "stages.straightTo3Open": "Straight to stage 3 and still open",
  "stages.concludedRow": "Concluded by {{end}}",
  "stages.openRow": "Still open on {{end}}",
  "stages.outOfTimeRow": "Accepted outside the 12-month time limit",

  "acknowledgements.heading": "Acknowledging complaints",
  "acknowledgements.sentence_one": "Of the {{count}} complaint received, {{list}}.",
  "acknowledgements.sentence_other": "Of the {{count}} complaints received, {{list}}.",
  "acknowledgements.sentenceHidden": "Of the complaints received ({{count}}), {{list}}.",
  "acknowledgements.all_one": "The only complaint received was acknowledged within {{limit}}{{comparison}}.",
  "acknowledgements.all_other": "All {{count}} complaints received were acknowledged within {{limit}}{{comparison}}.",
  "acknowledgements.onlyLate": "The only complaint received was acknowledged after {{limit}}.",
  "acknowledgements.onlyNotAcknowledged": "The only complaint received had no acknowledgement recorded by {{end}}.",
  "acknowledgements.inTime_one": "{{count}} was acknowledged within {{limit}}",
  "acknowledgements.inTime_other": "{{count}} were acknowledged within {{limit}}",
  "acknowledgements.late_one": "{{count}} was acknowledged after {{limit}}",
  "acknowledgements.late_other": "{{count}} were acknowledged after {{limit}}",
  "acknowledgements.notAcknowledged_one": "{{count}} had no acknowledgement recorded by {{end}}",
  "acknowledgements.notAcknowledged_other": "{{count}} had no acknowledgement recorded by {{end}}",
  "acknowledgements.none": "No complaints were received, so none needed acknowledging.",
  "acknowledgements.caption": "Complaints received, by when they were acknowledged",
  "acknowledgements.inTimeRow": "Within {{limit}}",
  "acknowledgements.lateRow": "After {{limit}}",
  "acknowledgements.notAcknowledgedRow": "None recorded by {{end}}",
  "timeliness.heading": "Time taken to reply",
  "timeliness.none": "No replies were sent {{inPeriod}}.",
  "timeliness.stage_one": "At {{stage}}, {{count}} reply was sent ({{list}}){{comparison}}.",
  "timeliness.stage_other": "At {{stage}}, {{count}} replies were sent ({{list}}){{comparison}}.",
  "timeliness.stageNone": "No replies were sent at {{stage}}{{comparison}}.",
  "timeliness.stageName": "stage {{stage}}",
  "timeliness.publicHealthStageName": "the single stage for public health",
  "timeliness.inTime_one": "{{count}} within {{limit}}",
  "timeliness.inTime_other": "{{count}} within {{limit}}",
  "timeliness.extended_one": "{{count}} within the extended time of {{extended}}",
  "timeliness.extended_other": "{{count}} within the extended time of {{extended}}",
  "timeliness.late_one": "{{count}} late",
  "timeliness.late_other": "{{count}} late",
  "timeliness.latePublicHealth_one": "{{count}} after {{limit}} with no extension agreed",
  "timeliness.latePublicHealth_other": "{{count}} after {{limit}} with no extension agreed",
  "timeliness.not-recorded_one": "{{count}} with no time recorded",
  "timeliness.not-recorded_other": "{{count}} with no time recorded",
  "timeliness.median": "The median time to reply was {{days}}.",
  "timeliness.limit": "{{days}}",
  "timeliness.limitMonths_one": "{{count}} month",
  "timeliness.limitMonths_other": "{{count}} months",
  "timeliness.countsTitle": "Replies in time, extended and late, at each stage",
  "timeliness.countsDescription":
    "For each stage, each bar is the number of replies sent {{inPeriod}} within the time limit, within an allowed extension, or late. Complaints withdrawn or not considered had no reply, and are not counted.",
  "timeliness.countsCaption": "Replies sent {{inPeriod}}, by whether they were in time",
  "timeliness.countsCsvCaption": "Replies sent, by whether they were in time",
  "timeliness.replied": "Replies sent",
  "timeliness.row.inTime": "Within the time limit",
  "timeliness.row.extended": "Within an allowed extension",
  "timeliness.row.late": "Late",
  "timeliness.row.not-recorded": "Time not recorded",
  "timeliness.medianTitle": "Median working days to reply, against the time limit",
  "timeliness.medianDescription":
    "Each bar is the median number of working days a stage took to reply{{previousSeries}}, counted from the person's request where they asked for the stage. Stage 3 is in its two timed parts: from the request to the review panel, and from the panel to the response. A dashed line marks the time limit and a dotted line the longest allowed extension.",
  "timeliness.medianDescriptionMonths":
    "Each bar is the median number of working days taken to reply{{previousSeries}}. A dashed line marks the time limit; the longest allowed extension is in months, so it is not drawn.",
  "timeliness.medianCaption": "Median working days to reply, by stage",
  "timeliness.medianRow": "Stage {{stage}} (limit {{limit}}{{extended}})",
  "timeliness.medianRowExtended": ", or up to {{extended}} if extended",
  "timeliness.stage3Limit":
    "the time limits, which are the review panel within {{panel}} of the request, its report within {{report}} of meeting and the response within {{response}} of the report, or {{whole}} after the request where the day the panel met was not recorded",
  "timeliness.medianRowPanel": "Stage 3, from the request to the review panel (limit {{panel}})",
  "timeliness.medianRowResponse": "Stage 3, from the review panel to the response (limit {{afterPanel}}: its report within {{report}}, the response within {{response}})",
  "timeliness.chartPanel": "Stage 3 panel",
  "timeliness.chartResponse": "Stage 3 response",
  "timeliness.stage3Medians":
    "The review panel met a median of {{toPanel}} after the request (limit {{panel}}), and the response was sent a median of {{toResponse}} after the panel met (limit {{afterPanel}}: its report within {{report}}, the response within {{response}}).",
  "timeliness.stage3PanelsNotRecorded_one": "For {{count}} of these replies the day the review panel met was not recorded, so it is not in these medians.",
  "timeliness.stage3PanelsNotRecorded_other": "For {{count}} of these replies the day the review panel met was not recorded, so they are not in these medians.",
  "timeliness.stage3PanelsLate_one": "{{count}} stage 3 review panel met later than {{panel}} after the request.",
  "timeliness.stage3PanelsLate_other": "{{count}} stage 3 review panels met later than {{panel}} after the request.",
  "timeliness.stage3NoPanels": "The day the review panel met was not recorded for these replies, so the time each part took cannot be given.",
  "timeliness.withoutReply": "Complaints withdrawn or not considered had no reply, so they are not counted here: at {{stage}}, {{list}}.",
  "timeliness.medianRowPublicHealth": "Reply (limit {{limit}}{{extended}})",
  "timeliness.legendLimit": "Time limit",
  "timeliness.legendExtended": "Longest extension",

  "outcomes.heading": "Outcomes",
  "outcomes.none": "No stage replies were sent {{inPeriod}}, so there are no outcomes to report.",
  "outcomes.stage_one": "The outcome of the {{count}} complaint replied to at {{stage}} was: {{list}}.",
  "outcomes.stage_other": "The outcomes of the {{count}} complaints replied to at {{stage}} were: {{list}}.",
  "outcomes.stageHidden": "The outcomes of the complaints replied to at {{stage}} ({{count}}) were: {{list}}.",
  "outcomes.stageEnded_one": "The outcome of the {{count}} complaint replied to, withdrawn or not considered at {{stage}} was: {{list}}.",
  "outcomes.stageEnded_other": "The outcomes of the {{count}} complaints replied to, withdrawn or not considered at {{stage}} were: {{list}}.",
  "outcomes.stageEndedHidden": "The outcomes of the complaints replied to, withdrawn or not considered at {{stage}} ({{count}}) were: {{list}}.",
  "outcomes.endedRow": "Replied to, withdrawn or not considered",
  "outcomes.upheld": "{{count}} upheld",
  "outcomes.partly-upheld": "{{count}} partly upheld",
  "outcomes.not-upheld": "{{count}} not upheld",
  "outcomes.resolved": "{{count}} resolved",
  "outcomes.withdrawn": "{{count}} withdrawn",
  "outcomes.not-considered": "{{count}} not considered",
  "outcomes.not-recorded": "{{count}} with no outcome recorded",
  "outcomes.title": "Outcomes at each stage",
  "outcomes.description": "For each stage, each bar is the number of complaints replied to, withdrawn or not considered {{inPeriod}} with that outcome.",
  "outcomes.caption": "Outcomes of stages ended {{inPeriod}} (replied to, withdrawn or not considered), by stage",
  "outcomes.csvCaption": "Outcomes of stages ended (replied to, withdrawn or not considered), by stage",
  "outcomeOnly.upheld": "The only complaint replied to at {{stage}} was upheld.",
  "outcomeOnly.partly-upheld": "The only complaint replied to at {{stage}} was partly upheld.",
  "outcomeOnly.not-upheld": "The only complaint replied to at {{stage}} was not upheld.",
  "outcomeOnly.resolved": "The only complaint replied to at {{stage}} was resolved.",
  "outcomeOnly.withdrawn": "The only complaint at {{stage}} was withdrawn, so had no reply.",
  "outcomeOnly.not-considered": "The only complaint at {{stage}} was not considered, so had no reply.",
  "outcomeOnly.not-recorded": "The only complaint replied to at {{stage}} has no outcome recorded.",
  "outcome.upheld": "Upheld",
  "outcome.partly-upheld": "Partly upheld",
  "outcome.not-upheld": "Not upheld",
  "outcome.resolved": "Resolved",
  "outcome.withdrawn": "Withdrawn",
  "outcome.not-considered": "Not considered (out of time or not covered)",
  "outcome.not-recorded": "Not recorded",

  "advocacy.heading": "Advocacy",
  "advocacy.asked_zero": "No one who complained asked for an advocate{{comparison}}.",
  "advocacy.asked_one": "{{count}} person who complained asked for an advocate{{comparison}}.",
  "advocacy.asked_other": "{{count}} people who complained asked for an advocate{{comparison}}.",
  "advocacy.arranged_zero": "No advocates were arranged.",
  "advocacy.arranged_one": "An advocate was arranged for {{list}}.",
  "advocacy.arranged_other": "Advocates were arranged for {{list}}.",
  "advocacy.caption": "Advocates for people who complained",
  "advocacy.askedRow": "Asked for an advocate",
  "advocacy.arrangedRow": "Advocate arranged",
  "advocacy.arrangedFor": "Advocate arranged for: {{role}}",

  "ombudsman.heading": "The Local Government and Social Care Ombudsman",
  "ombudsman.considered_zero": "No complaints were considered by the Local Government and Social Care Ombudsman {{inPeriod}}{{comparison}}.",
  "ombudsman.considered_one": "{{count}} complaint was considered by the Local Government and Social Care Ombudsman {{inPeriod}}{{comparison}}.",
  "ombudsman.considered_other": "{{count}} complaints were considered by the Local Government and Social Care Ombudsman {{inPeriod}}{{comparison}}.",
  "ombudsman.referredBack_one": "{{count}} person went to the Ombudsman and was referred back to the council to consider their complaint first.",
  "ombudsman.referredBack_other": "{{count}} people went to the Ombudsman and were referred back to the council to consider their complaints first.",
  "ombudsman.decided_one": "The Ombudsman decided {{count}} complaint: {{list}}.",
  "ombudsman.decided_other": "The Ombudsman decided {{count}} complaints: {{list}}.",
  "ombudsman.caption": "Complaints and the Ombudsman",
  "ombudsman.consideredRow": "Considered by the Ombudsman",
  "ombudsman.referredBackRow": "Referred back to the council",
  "ombudsman.decidedRow": "Decided by the Ombudsman",
  "ombudsman.decisionRow": "Decision: {{decision}}",
  "decision.upheld": "upheld",
  "decision.not-upheld": "not upheld",
  "decision.closed-after-initial-enquiries": "closed after initial enquiries",
  "decision.advice-given": "advice given",
  "decision.incomplete-or-invalid": "incomplete or invalid",
  "decision.not-recorded": "not recorded",
  "decisionCount": "{{count}} {{decision}}",

  "carried.heading": "Carried forward and carried in",
  "carried.forward_zero": "No complaints were still open on {{end}}{{comparison}}.",
  "carried.forward_one": "{{count}} complaint was still open on {{end}}{{details}} and is carried forward{{next}}{{comparison}}.",
  "carried.forward_other": "{{count}} complaints were still open on {{end}}{{details}} and are carried forward{{next}}{{comparison}}.",
  "carried.next": " to {{next}}",
  "carried.atStages": " ({{list}})",
  "carried.atStage": "{{count}} at stage {{stage}}",
  "carried.in_zero": "No complaints were carried in from {{from}}.",
  "carried.in_one": "{{count}} complaint was carried in from {{from}}: {{list}}.",
  "carried.in_other": "{{count}} complaints were carried in from {{from}}: {{list}}.",
  "carried.inFromBefore": "before {{date}}",
  "carried.inFromBeforeYear": "before {{year}}",
  "carried.inFromYearAndEarlier": "{{year}} and earlier years",
  "carried.notSettled_one": "Not counted here: {{count}} complaint about a service not yet settled, also still open and carried forward (see About this report).",
  "carried.notSettled_other": "Not counted here: {{count}} complaints about a service not yet settled, also still open and carried forward (see About this report).",
  "carried.concludedAt_one": "{{count}} was concluded at stage {{stage}}",
  "carried.concludedAt_other": "{{count}} were concluded at stage {{stage}}",
  "carried.concluded_one": "{{count}} was concluded",
  "carried.concluded_other": "{{count}} were concluded",
  "carried.stillOpen_one": "{{count}} is still open",
  "carried.stillOpen_other": "{{count}} are still open",
  "carried.caption": "Complaints carried forward and carried in",
  "carried.forwardRow": "Carried forward (open on {{end}})",
  "carried.forwardAtRow": "Carried forward at stage {{stage}}",
  "carried.inRow": "Carried in (open on {{start}})",
  "carried.inConcludedRow": "Carried in and concluded",
  "carried.inConcludedAtRow": "Carried in and concluded at stage {{stage}}",
  "carried.inOpenRow": "Carried in and still open",
  // A complaint closed before the year is open again in it when it was reopened, or when the person asked for the
  // next stage in it and the council has not yet answered (decision 074).
  "carried.reopened_one": "{{count}} complaint that was closed before {{start}} was reopened, or taken to the next stage, {{inPeriod}}: {{list}}.",
  "carried.reopened_other": "{{count}} complaints that were closed before {{start}} were reopened, or taken to the next stage, {{inPeriod}}: {{list}}.",
  "carried.reopenedRow": "Reopened or taken to the next stage (closed before {{start}})",
  "carried.reopenedConcludedRow": "Reopened or taken to the next stage, and concluded again",
  "carried.reopenedOpenRow": "Reopened or taken to the next stage, and still open",

  // Requests
  "requests.heading": "Requests for other formats, languages and advocates",
  "requests.formats_zero": "No requests for information in another format or language were received{{comparison}}.",
  "requests.formats_one": "{{count}} request for information in another format or language was received{{comparison}}.",
  "requests.formats_other": "{{count}} requests for information in another format or language were received{{comparison}}.",
  "requests.byFormat": "People asked for {{list}}.",
  "requests.formatPart": "{{format}} ({{count}})",
  "requests.languages": "The languages asked for were {{list}}.",
  "requests.advocates_zero": "No one asked for an advocate without making a complaint{{comparison}}.",
  "requests.advocates_one": "{{count}} person asked for an advocate without making a complaint{{comparison}}.",
  "requests.advocates_other": "{{count}} people asked for an advocate without making a complaint{{comparison}}.",
  "requests.escalations_zero": "No one asked through the portal to take a complaint to stage 2 or stage 3{{comparison}}.",
  "requests.escalations_one": "{{count}} person asked through the portal to take a complaint to stage 2 or stage 3{{comparison}}.",
  "requests.escalations_other": "{{count}} people asked through the portal to take a complaint to stage 2 or stage 3{{comparison}}.",
  "requests.formatCaption": "Requests for information in another format or language",
  "requests.formatTotal": "Requests received",
  "requests.languageCaption": "Requests for another language, by language",
  "requests.otherCaption": "Advocates and next stages asked for outside a complaint",
  "requests.advocatesRow": "Asked for an advocate without making a complaint",
  "requests.escalationsRow": "Asked through the portal to take a complaint to the next stage",
  "requests.escalationStageRow": "Asked for stage {{stage}}",
  "requests.escalationNotRecordedRow": "Stage asked for not recorded",
  "format.large-print": "large print",
  "format.braille": "Braille",
  "format.easy-read": "easy read",
  "format.audio": "audio",
  "format.another-language": "another language",
  "format.bsl": "British Sign Language",
  "format.not-recorded": "a format not recorded",

  // Reach
  "reach.heading": "How people reached us",
  "reach.total_zero": "No complaints, compliments or requests were received {{inPeriod}}{{comparison}}.",
  "reach.total_one": "{{count}} complaint, compliment or request was received {{inPeriod}}{{comparison}}.",
  "reach.total_other": "{{count}} complaints, compliments and requests were received {{inPeriod}}{{comparison}}.",
  "reach.channels": "How they came: {{list}}.",
  "reach.channel.portal": "{{count}} through the portal",
  "reach.channel.phone": "{{count}} by phone",
  "reach.channel.letter": "{{count}} by letter",
  "reach.channel.email": "{{count}} by email",
  "reach.channel.in-person": "{{count}} in person",
  "reach.channel.other": "{{count}} in another way",
  "reach.languages": "Through the portal, {{list}}.",
  "reach.languagePart_one": "{{count}} was sent in {{language}}",
  "reach.languagePart_other": "{{count}} were sent in {{language}}",
  "reach.javascript": "The portal's JavaScript ran for {{on}}, did not run for {{off}}, and for {{unknown}} it is not known.",
  "reach.width": "Screen widths, where the portal's JavaScript could record them: {{list}}.",
  "reach.widthPart": "{{count}} {{band}}",
  "reach.anonymous": "Nothing here identifies anyone: only the page language, whether JavaScript ran and a width band are kept.",
  "reach.channelCaption": "Everything received, by how it was sent",
  "reach.channelTotal": "Complaints, compliments and requests received",
  "reach.languageCaption": "Sent through the portal, by the language of its pages",
  "reach.portalTotal": "Sent through the portal",
  "reach.javascriptCaption": "Sent through the portal, by whether its JavaScript ran",
  "reach.widthCaption": "Sent through the portal, by screen width",
  "channel.portal": "Through the portal",
  "channel.phone": "By phone",
  "channel.letter": "By letter",
  "channel.email": "By email",
  "channel.in-person": "In person",
  "channel.other": "In another way",
  "javascript.on": "JavaScript ran",
  "javascript.off": "JavaScript did not run",
  "javascript.unknown": "Not known",
  "width.narrow": "Narrow (under 641 pixels)",
  "width.medium": "Medium (641 to 1020 pixels)",
  "width.wide": "Wide (over 1020 pixels)",
  "width.not-recorded": "Not recorded",
  "widthWords.narrow": "narrow (under 641 pixels)",
  "widthWords.medium": "medium (641 to 1020 pixels)",
  "widthWords.wide": "wide (over 1020 pixels)",
  "widthWords.not-recorded": "not recorded",
  "language.not-recorded": "a language not recorded",

  // Appendix
  "lessons.heading": "Lessons learned",
  "lessons.upheld": "Replies sent {{inPeriod}} upheld complaints in whole or in part: {{list}}.",
  "lessons.noneUpheld": "No reply sent {{inPeriod}} upheld a complaint in whole or in part.",
  "lessons.part": "at {{stage}} in {{service}}, {{list}}",
  "lessons.partOneStage": "in {{service}}, {{list}}",
  "lessons.toAddLabel": "Add before publishing",
  "lessons.toAdd":
    "For each of these, say what happened, what the council did and what it changed, from the case records, with nothing that could identify anyone; reports often give them as a table of examples in an appendix. The portal keeps no details of what a complaint was about, so this part cannot be written for you. This note does not print.",
  "lessons.toAddNone": "Add any improvements made because of complaints or representations, from the case records. This note does not print.",
  "quotations.heading": "Appendix 1: Compliments quoted with permission",
  "quotations.intro":
    "These are the words of people who paid a compliment {{inPeriod}} and agreed to be quoted anonymously. Names they typed have been replaced by initials.",
  "quotations.check": "Check before publishing",
  "quotations.checkHint":
    "Only the names people typed in their answers' name boxes, and the names of whoever they thanked, have been replaced by initials: a name written only in their words (a child's, say) has not. A detail other than a name can still identify someone. Read each quotation before this report is published; this mark does not print.",
  "quotations.none": "There are no quotations for {{period}}.",
  "quotations.heldBack": "The quotations for {{period}} are not in this version of the report: printing them would show how many there are, which this version does not say. They are in the version made without --suppress-below.",
  "quotations.from": "From {{role}}, about {{service}}, {{month}}",
  "quotations.received": "Received in {{month}}",
  "quotations.role.child-or-young-person": "a child or young person",
  "quotations.role.care-leaver": "a care leaver",
  "quotations.role.parent": "a parent",
  "quotations.role.foster-or-kinship-carer": "a foster or connected carer",
  "quotations.role.special-guardian": "a special guardian",
  "quotations.role.grandparent-or-relative": "a grandparent or relative",
  "quotations.role.someone-else": "someone else",
  "quotations.role.not-recorded": "someone who did not say who they are",
  "quotations.service.childrens-social-care": "children's social care",
  "quotations.service.public-health": "public health",
  "quotations.service.not-sure": "a service they were not sure of",
  "quotations.service.not-recorded": "a service not recorded",

  // Charts
  "chart.thisPeriod": "{{period}}",
  "chart.previousPeriod": "{{period}}",
  "chart.legend": "Key",
  "chart.previousSeries": ", with the figure for {{previousName}} as a hatched bar below it",

  // CSV
  "csv.section": "Section",
  "csv.figure": "Figure",
  "csv.period": "Period",
  "csv.value": "Value",
  "csv.previous": "Previous value",
  "csv.previousPeriod": "Previous period",
} as const;

type WordKey = keyof typeof reportWords;
type PluralSuffix = "_zero" | "_one" | "_other";
/** A key as it is asked for: without its plural ending. */
export type ReportWordKey = WordKey extends infer K ? (K extends `${infer Base}${PluralSuffix}` ? Base : K) : never;

/** A number as the report may state it: the words to print, and which plural form it takes. */
export interface Amount {
  text: string;
  /** Exactly 0, exactly 1, or anything else ("fewer than 3", "some", 12). */
  form: "zero" | "one" | "other";
}

export type WordValue = string | number | Amount;

const plural = new Intl.PluralRules("en-GB");

function formOf(value: WordValue | undefined): Amount["form"] {
  if (value === undefined || typeof value === "string") return "other";
  if (typeof value === "number") return value === 0 ? "zero" : plural.select(value) === "one" ? "one" : "other";
  return value.form;
}

function textOf(value: WordValue): string {
  return typeof value === "object" ? value.text : String(value);
}

const words: Readonly<Record<string, string>> = reportWords;

/** The words for `key`, in the plural form `values.count` needs, with every `{{name}}` filled in. */
export function say(key: ReportWordKey, values: Readonly<Record<string, WordValue>> = {}): string {
  const form = formOf(values.count);
  const template = (form !== "other" ? words[`${key}_${form}`] : undefined) ?? words[`${key}_other`] ?? words[key];
  if (template === undefined) throw new Error(`The report has no words for "${key}"`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The words for "${key}" need a value for {{${name}}}`);
    return textOf(value);
  });
}

/** A figure's words: its number, or what is shown instead ("fewer than 3"; "not shown", or "some" in a sentence). */
export function shownText(shown: Shown, inWords = false): string {
  switch (shown.kind) {
    case "number":
      return String(shown.value);
    case "fewer-than":
      return say("shown.fewerThan", { threshold: shown.threshold });
    case "withheld":
      return say(inWords ? "shown.withheldInWords" : "shown.withheld");
    case "omitted":
      return say(inWords ? "shown.omittedInWords" : "shown.withheld");
    case "none":
      return say("shown.none");
  }
}

/** "a", "a and b", "a, b and c" */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(say("list.comma"))}${say("list.and")}${items[items.length - 1]}`;
}

/** A sentence begins with a capital letter, even when it begins with "fewer than 3". */
export function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase("en-GB") + text.slice(1);
}
