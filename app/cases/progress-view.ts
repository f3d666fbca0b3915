// What the person's "Your complaint" page says about their case (app/routes/progress.status.tsx), worked out from
// the case's state alone: keys into the progress words and ISO dates, nothing the person wrote.
import type { Timetable } from "~/config/council-schema";
import { currentStage, nextStageOffer, panelOf, replyDueOn, waitingRequests, type CaseState } from "./case-state";
import { isPublicHealth } from "./timetable";

export interface ProgressView {
  /** `status.stages.<key>`: the stage and whether it has been replied to, or closed. */
  stageKey: string;
  /** The reply row: due (perhaps extended, perhaps late), or when it came. */
  reply: { key: "replyBy" | "replyByExtended" | "replyLate" | "repliedOn"; date: string } | null;
  /** Stage 3's review panel while the stage is open: the day it will meet by, the day it met, or that it is late. */
  panel: { key: "panelBy" | "panelMet" | "panelLate"; date: string } | null;
  /** `status.<key>`; null where advocacy is not offered (public health) and none was asked for. */
  advocate: "advocateArranged" | "advocateAsked" | "advocateNotAsked" | null;
  /** The next stage they may ask for, and until when; or that they have asked for it, and when. */
  nextStage: { kind: "offer"; stage: 2 | 3; until: string; inTime: boolean } | { kind: "asked"; stage: 2 | 3; on: string; late: boolean } | null;
  ombudsman: "decided" | "referred" | "referredBack" | null;
  /** Once the council's procedure has ended for them, the Ombudsman is next (seed 3.3: "at the end of the complaints
   * procedure"): after the last stage's reply, after a reply saying the council would not consider it, after the
   * council declined the next stage, or once the usual time to ask for it has passed with nothing asked. */
  canAskOmbudsman: boolean;
}

export function progressView(state: CaseState, timetable: Timetable, today: string): ProgressView {
  const stage = currentStage(state);
  const publicHealth = isPublicHealth(state.service);
  const due = replyDueOn(state);
  const offered = nextStageOffer(state, timetable, today);
  // Asked for already (through the portal's own request, which the case records, and not yet answered): said, and not
  // offered again.
  // A request for a later stage, recorded before requests were settled, counts too (they asked to go further), unless
  // the council has declined the stage offered.
  const waiting = waitingRequests(state);
  const declined = offered ? state.nextStageRequests.some((request) => request.declined && request.stage === offered.stage) : false;
  const asked = offered ? (waiting.find((request) => request.stage === offered.stage) ?? (declined ? undefined : waiting.find((request) => request.stage > offered.stage))) : undefined;
  // Not offered again once the council has declined a request for it, unless they have asked again since.
  const offer = offered && (asked || !declined) ? offered : null;
  // A closed case is finished once nothing more may be asked for in the usual time.
  const finished = Boolean(state.closedOn) && (!offer || (!offer.inTime && !asked));
  const stageName = publicHealth ? "publicHealth" : String(stage.stage);
  const panel = !state.closedOn && !stage.repliedOn ? panelOf(stage, timetable) : null;
  return {
    stageKey: finished ? "closed" : stage.repliedOn ? `${stageName}-replied` : stageName,
    reply: due
      ? { key: due < today ? "replyLate" : stage.extendedDueOn ? "replyByExtended" : "replyBy", date: due }
      : stage.repliedOn
        ? { key: "repliedOn", date: stage.repliedOn }
        : null,
    panel: panel ? (panel.heldOn ? { key: "panelMet", date: panel.heldOn } : { key: panel.dueOn < today ? "panelLate" : "panelBy", date: panel.dueOn }) : null,
    advocate: state.advocateArrangedOn ? "advocateArranged" : state.advocateAsked ? "advocateAsked" : publicHealth ? null : "advocateNotAsked",
    nextStage: asked && offered ? { kind: "asked", stage: offered.stage, on: asked.on, late: asked.late } : offer ? { kind: "offer", ...offer } : null,
    ombudsman: state.ombudsman ? (state.ombudsman.decidedOn ? "decided" : state.ombudsman.referredOn ? "referred" : state.ombudsman.referredBack ? "referredBack" : null) : null,
    canAskOmbudsman: Boolean(
      stage.repliedOn &&
        !state.ombudsman?.referredOn &&
        (publicHealth || stage.stage === 3 || stage.outcome === "not-considered" || (declined && !asked) || (offered !== null && !offered.inTime && !asked)),
    ),
  };
}
