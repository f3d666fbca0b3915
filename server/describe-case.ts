// What `npm run case -- show` prints for staff: a case's stages, dates and deadlines, never personal data.
import { timedFrom } from "~/cases/case-record";
import { currentStage, nextStageOffer, panelOf, replyDueOn, type CaseState } from "~/cases/case-state";
import type { Timetable } from "~/config/council-schema";

/** What `show` prints: the case's stages, dates and deadlines. Nothing anyone wrote, and no names. */
export function describeCase(reference: string, state: CaseState, timetable: Timetable, today: string): string {
  const lines = [
    `${reference}  ${state.service}, received ${state.receivedOn} by ${state.channel}${state.acceptedOutOfTime ? ", accepted outside the 12-month limit" : state.madeLate ? ", made over 12 months after the events: not yet accepted (time-limit-waived)" : ""}`,
    `  acknowledged: ${state.acknowledgedOn ?? `not yet (due ${state.acknowledgementDueOn})`}`,
  ];
  for (const stage of state.stages) {
    const due = stage.extendedDueOn ? `due ${stage.dueOn}, extended to ${stage.extendedDueOn}` : `due ${stage.dueOn}`;
    const reply = stage.repliedOn ? `replied ${stage.repliedOn}: ${stage.outcome}, ${stage.workingDays} working days, ${stage.timeliness}` : "no reply yet";
    const held = panelOf(stage, timetable);
    const panel = held ? ` review panel ${held.heldOn ? `met ${held.heldOn}` : `to meet by ${held.dueOn}${!stage.repliedOn && held.dueOn < today ? " (overdue)" : ""}`};` : "";
    // A stage begun from a request made after the reply before it counts its days from the request (decision 074).
    const from = timedFrom(stage) !== stage.startedOn ? ` (timed from the request of ${timedFrom(stage)})` : "";
    lines.push(`  stage ${stage.stage}: started ${stage.startedOn}${from}, ${due};${panel} ${reply}`);
  }
  lines.push(`  advocate: ${state.advocateArrangedOn ? `arranged ${state.advocateArrangedOn}` : state.advocateAsked ? "asked for, not yet arranged" : "not asked for"}`);
  for (const request of state.nextStageRequests) {
    const answer = !request.answeredOn
      ? ", waiting"
      : request.declined
        ? `, declined ${request.answeredOn}`
        : state.stages.some((stage) => stage.stage === request.stage && stage.startedOn === request.answeredOn)
          ? `, started ${request.answeredOn}`
          : state.stages.some((stage) => stage.stage === request.stage)
            ? `, answered ${request.answeredOn}: stage ${request.stage} was already open`
            : `, answered ${request.answeredOn}: there is no stage ${request.stage} to start (the Ombudsman is next)`;
    lines.push(`  asked for stage ${request.stage} on ${request.on}${request.late ? " (after the time to ask had passed)" : ""}${answer}`);
  }
  if (state.ombudsman) {
    const o = state.ombudsman;
    lines.push(`  Ombudsman: ${[o.referredOn ? `considering since ${o.referredOn}` : "", o.referredBack ? "referred back to the council" : "", o.decidedOn ? `decided ${o.decidedOn}: ${o.decision}` : ""].filter(Boolean).join("; ")}`);
  }
  const due = replyDueOn(state);
  if (state.closedOn) lines.push(`  closed ${state.closedOn}`);
  else if (due) lines.push(`  now: stage ${currentStage(state).stage}, reply due ${due}${due < today ? " (overdue)" : ""}`);
  const offer = nextStageOffer(state, timetable, today);
  if (offer) lines.push(`  the person may ask for stage ${offer.stage} until ${offer.until}${offer.inTime ? "" : " (that time has passed)"}`);
  return lines.join("\n");
}
