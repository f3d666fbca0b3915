// The `case.updated` webhook: every event a case accepts, with where the case stands after it, so a second system
// (a data warehouse, say) can follow the same timeline. No personal data: the reference, stages, dates, outcomes.
// Such a system is configured with `"events": ["case.updated"]` (WEBHOOK_ENDPOINTS), or it is sent every submission too.
import { z } from "zod";
import { CANONICAL_REFERENCE } from "~/reference";
import { caseChannels, caseServices, caseStages, ombudsmanDecisions, stageOutcomes } from "./case-record";
import { caseEventTypes, extensionReasons, ombudsmanActions, settledServices, type TimelineEvent } from "./case-events";
import { currentStage, panelOf, replyDueOn, type CaseState } from "./case-state";
import type { Timetable } from "~/config/council-schema";
import type { EventSource } from "./case-store.server";

const date = z.iso.date();
const stage = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const caseUpdatedPayloadSchema = z
  .object({
    type: z.literal("case.updated").describe("A case moved on."),
    timestamp: z.iso.datetime().describe("When this payload was made (UTC)."),
    schemaVersion: z.literal(1),
    data: z.object({
      reference: z.string().regex(CANONICAL_REFERENCE).describe("The complaint's reference."),
      event: z
        .object({
          sequence: z.number().int().positive().describe("The event's place in the case's timeline, from 1."),
          source: z.enum(["case-system", "staff", "portal"]),
          type: z.enum(caseEventTypes satisfies TimelineEvent["type"][]),
          date,
          service: z.enum(settledServices).optional().describe("For a service settled: the service the complaint is about."),
          stage: stage.optional(),
          dueDate: date.optional(),
          reason: z.enum(extensionReasons).optional(),
          outcome: z.enum(stageOutcomes).optional(),
          action: z.enum(ombudsmanActions).optional(),
          decision: z.enum(ombudsmanDecisions).optional(),
          late: z.boolean().optional().describe("For a request for the next stage: made after the time to ask had passed."),
          advocate: z.boolean().optional().describe("For a request for the next stage: the person asked for an advocate with it."),
          answered: z
            .boolean()
            .optional()
            .describe("For a request for the next stage: true when it was answered on arrival (its stage is under way or done, or the service has no such stage), so nothing waits for it."),
          picked: stage.optional().describe("For a request for the next stage: the stage the person picked, where it was not the stage after the one the case is at (`stage`)."),
        })
        .describe("What happened."),
      case: z
        .object({
          service: z.enum(caseServices),
          channel: z.enum(caseChannels),
          receivedOn: date,
          acknowledgedOn: date.nullable(),
          stage: z.union(caseStages.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]).describe("The stage the case is at."),
          stageStartedOn: date,
          replyDueOn: date.nullable().describe("When the open stage's reply is due, after any extension; null once replied."),
          repliedOn: date.nullable(),
          outcome: z.enum(stageOutcomes).nullable(),
          panelDueOn: date.nullable().describe("At stage 3: the day its review panel must meet by; null at other stages."),
          panelHeldOn: date.nullable().describe("At stage 3: the day its review panel met; null until then, and at other stages."),
          advocateArranged: z.boolean(),
          ombudsman: z.object({ referredOn: date.nullable(), referredBack: z.boolean(), referredBackOn: date.nullable().optional().describe("When the Ombudsman sent it back (absent for cases followed before this was kept)."), decidedOn: date.nullable(), decision: z.enum(ombudsmanDecisions).nullable() }).nullable(),
          closedOn: date.nullable(),
        })
        .describe("Where the case stands after the event."),
    }),
  })
  .describe("A case followed by the complaints portal moved on, signed as a Standard Webhook.");

export type CaseUpdatedPayload = z.infer<typeof caseUpdatedPayloadSchema>;

/** The event and where the case stands after it. The timetable gives a stage 3 kept before panels its panel's day
 * (panelOf), as the digest and the person's page give it. */
export function caseUpdatedPayload(reference: string, sequence: number, source: EventSource, event: TimelineEvent, state: CaseState, timetable: Timetable, now: number): CaseUpdatedPayload {
  const stageNow = currentStage(state);
  const panel = panelOf(stageNow, timetable);
  return {
    type: "case.updated",
    timestamp: new Date(now).toISOString(),
    schemaVersion: 1,
    data: {
      reference,
      event: { sequence, source, ...event },
      case: {
        service: state.service,
        channel: state.channel,
        receivedOn: state.receivedOn,
        acknowledgedOn: state.acknowledgedOn,
        stage: stageNow.stage,
        stageStartedOn: stageNow.startedOn,
        replyDueOn: replyDueOn(state),
        repliedOn: stageNow.repliedOn,
        outcome: stageNow.outcome,
        panelDueOn: panel?.dueOn ?? null,
        panelHeldOn: panel?.heldOn ?? null,
        advocateArranged: state.advocateArrangedOn !== null,
        ombudsman: state.ombudsman,
        closedOn: state.closedOn,
      },
    },
  };
}

export function caseUpdatedJsonSchema(): unknown {
  // As read by a receiver (`io: "input"`): an object may carry fields added since, which a receiver ignores.
  return z.toJSONSchema(caseUpdatedPayloadSchema, { target: "draft-2020-12", io: "input" });
}
