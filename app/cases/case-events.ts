// What can happen to a complaint after it is sent, as the case system reports it (POST /api/case-events) or staff
// type it (npm run case -- event …). One schema for both, so both are checked the same way.
import { z } from "zod";
import { caseServices, caseStages, ombudsmanDecisions, stageOutcomes, type CaseService } from "./case-record";
import { countableYears, isCountableDate } from "~/working-days";

/** Why a stage's reply was put back (Getting the Best from Complaints allows it for these). */
export const extensionReasons = ["complex", "more-information-needed", "person-agreed", "availability", "other"] as const;

export const ombudsmanActions = ["referred", "referred-back", "decided"] as const;

/** The services a complaint sent as "not sure" can be settled to. */
export const settledServices = caseServices.filter((service): service is Exclude<CaseService, "not-sure"> => service !== "not-sure") as [Exclude<CaseService, "not-sure">, ...Exclude<CaseService, "not-sure">[]];

// Deadlines are counted in working days, which are known only for the bank-holiday years the portal holds.
const isoDate = z.iso.date({ error: "must be a date written as YYYY-MM-DD", abort: true }).refine(isCountableDate, { error: `must be a date in the years ${countableYears}` });
const date = isoDate.optional().describe("The day it happened, London time; today when left out.");
const stage = z.union(caseStages.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>], { error: "must be 1, 2 or 3" });

/** Every kind of event from outside, in one list: the schema, its error and the webhook's types derive from it. */
const caseEventKinds = [
  z.strictObject({ type: z.literal("acknowledged"), date }).describe("The council acknowledged the complaint."),
  z
    .strictObject({ type: z.literal("service-settled"), service: z.enum(settledServices, { error: `must be one of ${settledServices.join(", ")}` }), date })
    .describe("Staff settled which service a complaint sent as \"not sure\" is about: it is then counted, and its time limits run, as that service's."),
  z.strictObject({ type: z.literal("stage-started"), stage, date }).describe("A stage began: 2 after stage 1's reply, or before any (a complaint taken straight to an investigation, then counted as first considered at stage 2); 3 after stage 2's."),
  z
    .strictObject({ type: z.literal("extended"), dueDate: isoDate, reason: z.enum(extensionReasons, { error: `must be one of ${extensionReasons.join(", ")}` }), date })
    .describe("The open stage's reply was put back to a new date, within the limit the regulations allow."),
  z
    .strictObject({ type: z.literal("panel-held"), date })
    .describe("Stage 3's review panel met: the panel's report, then the council's response to it, are due within their own times of the meeting."),
  z
    .strictObject({ type: z.literal("replied"), stage, outcome: z.enum(stageOutcomes, { error: `must be one of ${stageOutcomes.join(", ")}` }), date })
    .describe("The council replied at the end of a stage, with its outcome (not-considered: it did not consider the complaint, made more than 12 months after the events and not accepted, or by someone the procedure does not cover)."),
  z.strictObject({ type: z.literal("advocate-assigned"), date }).describe("An advocate was arranged for the person."),
  z
    .strictObject({ type: z.literal("time-limit-waived"), date })
    .describe("The council accepted a complaint made more than 12 months after the events, as the regulations let it when it can still be looked into fairly."),
  z
    .strictObject({
      type: z.literal("ombudsman"),
      action: z.enum(ombudsmanActions, { error: `must be one of ${ombudsmanActions.join(", ")}` }),
      decision: z.enum(ombudsmanDecisions, { error: `must be one of ${ombudsmanDecisions.join(", ")}` }).optional(),
      date,
    })
    .superRefine((event, ctx) => {
      if (event.action === "decided" && !event.decision) ctx.addIssue({ code: "custom", path: ["decision"], message: "is needed when the Ombudsman decided" });
      if (event.action !== "decided" && event.decision) ctx.addIssue({ code: "custom", path: ["decision"], message: "is only given when the Ombudsman decided" });
    })
    .describe("The Local Government and Social Care Ombudsman considered the complaint, referred it back, or decided."),
  z
    .strictObject({ type: z.literal("next-stage-requested"), stage: z.union([z.literal(2), z.literal(3)], { error: "must be 2 or 3" }), advocate: z.boolean().optional(), date })
    .describe(
      "The person asked for the next stage: by phone or letter, or through the portal without first checking the complaint with a code, which staff confirmed with them. Settled against the case as the portal's own requests are (after a reply, it is for the stage after), late if made after the time to ask, and waiting until the stage starts or the council declines it. advocate: they asked for an advocate with it.",
    ),
  z
    .strictObject({ type: z.literal("next-stage-declined"), stage: z.union([z.literal(2), z.literal(3)], { error: "must be 2 or 3" }), date })
    .describe("The council declined the person's request for the next stage (one made after the time to ask, say): the request is answered, and no longer waiting."),
  z.strictObject({ type: z.literal("closed"), date }).describe("The council closed the case."),
  z.strictObject({ type: z.literal("reopened"), date }).describe("A closed case was opened again."),
] as const;

/** The types of event the case system may send, in the order the documentation lists them. */
export const caseEventTypes = caseEventKinds.map((kind) => kind.shape.type.value);

export const caseEventSchema = z.discriminatedUnion("type", caseEventKinds, { error: `must be one of ${caseEventTypes.join(", ")}` });
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent["type"];

/** What the case system posts: one event, with the reference of the complaint it is about beside its fields. */
export const caseEventBodySchema = z.looseObject({ reference: z.string({ error: "is needed: the portal reference, such as C-7K4M-2Q9P-W" }) });

/** Things the portal itself records on a case's timeline (never accepted from outside). */
export type PortalCaseEvent = {
  type: "next-stage-requested";
  stage: 2 | 3;
  date: string;
  late: boolean;
  /** The person asked for an advocate with the request (absent on requests recorded before this was kept). */
  advocate?: boolean;
  /** Settled when recorded (`settleRequest`): answered on arrival, with nothing to wait for. Absent from requests
   * recorded before requests were settled, which are read as they were then: waiting, for the stage picked. */
  answered?: boolean;
  /** The stage the person picked, where it was not the one the request was settled as being for. */
  picked?: 2 | 3;
};

export type TimelineEvent = (CaseEvent & { date: string }) | PortalCaseEvent;
