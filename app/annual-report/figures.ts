// Every figure in the annual report (section 7 of the seed report, and what the issue adds), worked out from the
// anonymous records for a period and for the period it is compared with. Pure: records in, numbers out.
//
// Each count is a `Count` object holding this period's value and the previous period's, and the report refers to
// the same object wherever it states that figure (a sentence, a table, a chart, the CSV), so small-number
// suppression decides once per figure. `partitions` lists the sums the report shows (a total and the parts it
// splits into), which suppression needs so that no hidden count can be worked out by subtraction.
import {
  caseChannels,
  complainantRoles,
  isReply,
  ombudsmanDecisions,
  timedFrom,
  stageOutcomes,
  widthBands,
  type CaseRecord,
  type CaseService,
  type CaseStage,
  type ReportInput,
  type StageRecord,
  type SubmissionRecord,
} from "~/cases/case-record";
import { workingDaysBetween } from "~/working-days";
import { advocateJourney } from "~/journeys/advocate-journey";
import { complimentJourney } from "~/journeys/compliment-journey";
import { escalateJourney } from "~/journeys/escalate-journey";
import { otherFormatJourney } from "~/journeys/other-format-journey";
import { englishLanguageName } from "~/translation/language-names";
import { contains, monthIndex, monthsOf, previousPeriod, type ReportPeriod } from "./report-period";

export interface Count {
  readonly value: number;
  /** Null when there are no figures for the previous period at all. */
  readonly previous: number | null;
}

/** A median of working days, over the replies a `Count` counts; null where there were none. */
export interface Median {
  readonly value: number | null;
  readonly previous: number | null;
  readonly basis: Count;
}

export type Figure = Count | Median;

export function isMedian(figure: Figure): figure is Median {
  return "basis" in figure;
}

export const notRecorded = "not-recorded" as const;
export const roleKeys = [...complainantRoles, notRecorded] as const;
export type RoleKey = (typeof roleKeys)[number];

export const stageKeys = ["stage1", "stage2", "stage3"] as const;
export type StageKey = (typeof stageKeys)[number];
export const stageKeyOf = (stage: CaseStage): StageKey => `stage${stage}`;

export const timelinessKeys = ["inTime", "extended", "late", notRecorded] as const;
export const outcomeKeys = [...stageOutcomes, notRecorded] as const;
export const decisionKeys = [...ombudsmanDecisions, notRecorded] as const;
export const complimentServiceKeys = ["childrens-social-care", "public-health", "not-sure", notRecorded] as const;
export const javascriptKeys = ["on", "off", "unknown"] as const;
export const widthKeys = [...widthBands, notRecorded] as const;
/** The services complaints are reported under, each in the same shape. */
export const reportedServices = ["childrens-social-care", "public-health"] as const satisfies readonly CaseService[];
export type ReportedService = (typeof reportedServices)[number];

type Keyed<K extends string> = { [P in K]: Count };

export interface ServiceFigures {
  received: Count;
  /** By the month's position in the period (see `monthsOf`). */
  byMonth: Record<string, Count>;
  byRole: Keyed<RoleKey>;
  firstStage: {
    stage1: {
      total: Count;
      /** Closed by the end of the period without a stage 2. */
      resolvedAtStage1: Count;
      /** Reached stage 2 by the end of the period (including those that went on to stage 3). */
      progressedToStage2: { total: Count; concluded: Count; open: Count };
      progressedToStage3: Count;
      /** Still open at stage 1 at the end of the period. */
      openAtStage1: Count;
    };
    stage2: { total: Count; concluded: Count; open: Count; progressedToStage3: Count };
    stage3: { total: Count; concluded: Count; open: Count };
  };
  concluded: Count;
  open: Count;
  acceptedOutOfTime: Count;
  /** Stages replied to within the period, whenever the complaint was received. A stage withdrawn or not considered
   * had no reply: it is in `ended` and `outcomes`, never here. */
  timeliness: { [S in StageKey]: { replied: Count; inTime: Count; extended: Count; late: Count; [notRecorded]: Count; medianDays: Median } };
  /** Stages that ended within the period: replied to, withdrawn or not considered (the total of `outcomes`). */
  ended: Keyed<StageKey>;
  outcomes: { [S in StageKey]: Keyed<(typeof outcomeKeys)[number]> };
  /**
   * Stage 3's replies in two parts, as the regulations time them (decision 070): from the day the stage is timed from
   * to the review panel's meeting, and from the meeting to the response, over the replies whose meeting was recorded.
   * A median of the whole stage would sit beside no limit: its reply is due 20 working days after the panel met.
   */
  /** Stage 3 replies in the regulations' parts; `panelLate`: of those whose panel's meeting was recorded, the ones
   * whose panel met after its day (decision 078). */
  stage3Panel: { panelRecorded: Count; panelNotRecorded: Count; panelLate: Count; toPanel: Median; toResponse: Median };
  /**
   * Advocates asked for and arranged. The three counts after `arrangedByRole` are never shown: they are how the two
   * shown ones overlap, declared so that suppression cannot let "4 asked, 3 arranged" say that 1 who asked got none.
   */
  advocacy: { asked: Count; arranged: Count; arrangedByRole: Keyed<RoleKey>; askedAndArranged: Count; askedNotArranged: Count; arrangedUnasked: Count };
  ombudsman: { considered: Count; referredBack: Count; decided: Count; decisions: Keyed<(typeof decisionKeys)[number]> };
  carriedForward: { total: Count; atStage: Keyed<StageKey> };
  /** `fromEarlier`: those received before the previous period (not only "from" it), never shown as a number: it
   * decides the words only. */
  carriedIn: { total: Count; concluded: { total: Count; atStage: Keyed<StageKey> }; open: Count; fromEarlier: Count };
  /** Complaints received in an earlier period, closed when this one began, and reopened during it (a stage 2 or 3
   * asked for after the reply, say): concluded again by its end, or still open and so carried forward. */
  reopened: { total: Count; concluded: Count; open: Count };
  /** The complaints received, by whether they were acknowledged in time, later, or not by the period's end (the
   * Complaint Handling Code's first promise). */
  acknowledgements: { inTime: Count; late: Count; notAcknowledged: Count };
}

export interface ReportFigures {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  /** False when nothing at all was recorded before the end of the previous period (the portal may not have existed). */
  hasPrevious: boolean;
  /** The first date anything was recorded, or null when nothing ever was. */
  recordsBegin: string | null;
  services: { [S in ReportedService]: ServiceFigures };
  /** Complaints whose service nobody has settled yet ("not sure"), reported in neither service. */
  serviceNotSettled: Count;
  /** Those of them, received in the period or before it, still open at its end: carried forward, as every open
   * complaint is (section 7.5), though in neither service's figures. */
  serviceNotSettledOpen: Count;
  compliments: { total: Count; byService: Keyed<(typeof complimentServiceKeys)[number]>; byRole: Keyed<RoleKey>; quotations: Count };
  requests: {
    formats: { total: Count; byFormat: Record<string, Count>; byLanguage: Record<string, Count> };
    advocates: Count;
    escalations: { total: Count; byStage: Record<string, Count> };
  };
  reach: {
    total: Count;
    byChannel: Keyed<(typeof caseChannels)[number]>;
    portal: Count;
    byLanguage: Record<string, Count>;
    javascript: Keyed<(typeof javascriptKeys)[number]>;
    width: Keyed<(typeof widthKeys)[number]>;
  };
  /** Sums the report shows: the total is the sum of the parts. */
  partitions: readonly Partition[];
}

export interface Partition {
  total: Count;
  parts: readonly Count[];
}

// ---------------------------------------------------------------------------------------------------------------
// One period's plain numbers. A `Days` list becomes a median when the two periods are put together.

class Days {
  constructor(
    readonly values: number[],
    /** The sibling count the median is taken over. */
    readonly basis: string,
  ) {}
}

type Raw = number | Days | { [key: string]: Raw };

function tally<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function roleOf(role: string | null): RoleKey {
  return role && (complainantRoles as readonly string[]).includes(role) ? (role as RoleKey) : notRecorded;
}

/** The stages a case had started by a date. */
function stagesBy(record: CaseRecord, date: string): StageRecord[] {
  return record.stages.filter((stage) => stage.startedOn <= date);
}

/** The person's requests for the next stage made by `date` and not answered by the end of it (decision 074). */
function waitingAt(record: CaseRecord, date: string) {
  return (record.requests ?? []).filter((request) => request.on <= date && (request.answeredOn === null || request.answeredOn > date));
}

/** The stage a case had reached by a date: the highest started, or asked for and waiting (the regulations time a
 * stage from the request, and the council must start it), decision 074. */
function highestStage(record: CaseRecord, date: string): CaseStage {
  // Only a request that its stage is timed from: made on or after the reply to the stage before, by that date (as
  // case-state.ts's stage-started times it). One made while that stage was open waits for its reply, at that stage.
  const timedFromRequest = (request: { stage: CaseStage; on: string }) =>
    record.stages.some((stage) => stage.stage === request.stage - 1 && stage.repliedOn !== null && stage.repliedOn <= date && request.on >= stage.repliedOn);
  return waitingAt(record, date)
    .filter(timedFromRequest)
    .reduce<CaseStage>((high, request) => (request.stage > high ? request.stage : high), highestStarted(record, date));
}

/** The highest stage started by a date: where a case closed on that date was concluded. */
function highestStarted(record: CaseRecord, date: string): CaseStage {
  return stagesBy(record, date).reduce<CaseStage>((high, stage) => (stage.stage > high ? stage.stage : high), record.firstStage);
}

/** The day the case was last closed on or before `date`, if it was still closed at the end of that day; null if open then.
 * From its closings where the record has them, so a case reopened later still counts as closed in a year already past.
 * A case closed with a request for the next stage waiting is still under consideration: open (decision 074). */
function closedAt(record: CaseRecord, date: string): string | null {
  if (waitingAt(record, date).length) return null;
  if (!record.closings) return record.closedOn !== null && record.closedOn <= date ? record.closedOn : null;
  const inForce = record.closings.filter((closing) => closing.closedOn <= date && (closing.reopenedOn === null || closing.reopenedOn > date)).at(-1);
  return inForce?.closedOn ?? null;
}

const closedBy = (record: CaseRecord, date: string) => closedAt(record, date) !== null;

function serviceRaw(cases: readonly CaseRecord[], period: ReportPeriod) {
  const received = cases.filter((record) => contains(period, record.receivedOn));
  const byMonth: Record<string, number> = Object.fromEntries(monthsOf(period).map((month) => [String(month.index), 0]));
  const byRole = tally(roleKeys);
  const first = {
    stage1: { total: 0, resolvedAtStage1: 0, progressedToStage2: { total: 0, concluded: 0, open: 0 }, progressedToStage3: 0, openAtStage1: 0 },
    stage2: { total: 0, concluded: 0, open: 0, progressedToStage3: 0 },
    stage3: { total: 0, concluded: 0, open: 0 },
  };
  let concluded = 0;
  let acceptedOutOfTime = 0;
  const acknowledgements = { inTime: 0, late: 0, notAcknowledged: 0 };
  const advocacy = { asked: 0, arranged: 0, arrangedByRole: tally(roleKeys), askedAndArranged: 0, askedNotArranged: 0, arrangedUnasked: 0 };
  for (const record of received) {
    byMonth[String(monthIndex(period, record.receivedOn))]! += 1;
    byRole[roleOf(record.role)] += 1;
    const closed = closedBy(record, period.to);
    if (closed) concluded++;
    if (record.acceptedOutOfTime) acceptedOutOfTime++;
    const acknowledgedOn = record.acknowledgedOn !== null && record.acknowledgedOn <= period.to ? record.acknowledgedOn : null;
    acknowledgements[acknowledgedOn === null ? "notAcknowledged" : acknowledgedOn <= record.acknowledgementDueOn ? "inTime" : "late"]++;
    const highest = highestStage(record, period.to);
    if (record.firstStage === 1) {
      first.stage1.total++;
      if (highest >= 2) {
        first.stage1.progressedToStage2.total++;
        first.stage1.progressedToStage2[closed ? "concluded" : "open"]++;
        if (highest === 3) first.stage1.progressedToStage3++;
      } else if (closed) first.stage1.resolvedAtStage1++;
      else first.stage1.openAtStage1++;
    } else if (record.firstStage === 2) {
      first.stage2.total++;
      first.stage2[closed ? "concluded" : "open"]++;
      if (highest === 3) first.stage2.progressedToStage3++;
    } else {
      first.stage3.total++;
      first.stage3[closed ? "concluded" : "open"]++;
    }
    if (record.advocateAsked) advocacy.asked++;
    if (record.advocateArranged) {
      advocacy.arranged++;
      advocacy.arrangedByRole[roleOf(record.role)]++;
    }
    if (record.advocateAsked) advocacy[record.advocateArranged ? "askedAndArranged" : "askedNotArranged"]++;
    else if (record.advocateArranged) advocacy.arrangedUnasked++;
  }

  const timeliness = Object.fromEntries(
    stageKeys.map((key) => [key, { replied: 0, inTime: 0, extended: 0, late: 0, [notRecorded]: 0, medianDays: new Days([], "replied") }]),
  ) as Record<StageKey, { replied: number; inTime: number; extended: number; late: number; [notRecorded]: number; medianDays: Days }>;
  const outcomes = Object.fromEntries(stageKeys.map((key) => [key, tally(outcomeKeys)])) as Record<StageKey, Record<(typeof outcomeKeys)[number], number>>;
  const ended = tally(stageKeys);
  const stage3Panel = { panelRecorded: 0, panelNotRecorded: 0, panelLate: 0, toPanel: new Days([], "panelRecorded"), toResponse: new Days([], "panelRecorded") };
  const ombudsman = { considered: 0, referredBack: 0, decided: 0, decisions: tally(decisionKeys) };
  for (const record of cases) {
    for (const stage of record.stages) {
      if (!contains(period, stage.repliedOn)) continue;
      const key = stageKeyOf(stage.stage);
      ended[key]++;
      outcomes[key][stage.outcome ?? notRecorded]++;
      // A withdrawal or a complaint not considered ends the stage with no reply to time.
      if (!isReply(stage.outcome)) continue;
      const row = timeliness[key];
      row.replied++;
      if (stage.timeliness === "in-time") row.inTime++;
      else if (stage.timeliness === "extended") row.extended++;
      else if (stage.timeliness === "late") row.late++;
      else row[notRecorded]++;
      if (stage.workingDays !== null) row.medianDays.values.push(stage.workingDays);
      if (stage.stage === 3) {
        const heldOn = stage.panel?.heldOn;
        if (heldOn && stage.repliedOn) {
          stage3Panel.panelRecorded++;
          if (stage.panel && heldOn > stage.panel.dueOn) stage3Panel.panelLate++;
          stage3Panel.toPanel.values.push(workingDaysBetween(timedFrom(stage), heldOn));
          stage3Panel.toResponse.values.push(workingDaysBetween(heldOn, stage.repliedOn));
        } else stage3Panel.panelNotRecorded++;
      }
    }
    const referral = record.ombudsman;
    if (referral) {
      // A case system may say only that the Ombudsman sent the complaint back (no date for the referral itself): it
      // is then counted in the year it was sent back, or, for a record kept before that date was, the year the
      // complaint was received, rather than never.
      const referredOn = referral.referredOn ?? (referral.referredBack ? (referral.referredBackOn ?? record.receivedOn) : null);
      if (contains(period, referredOn)) ombudsman[referral.referredBack ? "referredBack" : "considered"]++;
      if (contains(period, referral.decidedOn)) {
        ombudsman.decided++;
        ombudsman.decisions[referral.decision ?? notRecorded]++;
      }
    }
  }

  const carriedForward = { total: 0, atStage: tally(stageKeys) };
  const carriedIn = { total: 0, concluded: { total: 0, atStage: tally(stageKeys) }, open: 0, fromEarlier: 0 };
  const earlier = previousPeriod(period).from;
  const reopened = { total: 0, concluded: 0, open: 0 };
  const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const startEve = dayBefore(period.from);
  for (const record of cases) {
    const closedAtEnd = closedAt(record, period.to);
    if (record.receivedOn <= period.to && closedAtEnd === null) {
      carriedForward.total++;
      carriedForward.atStage[stageKeyOf(highestStage(record, period.to))]++;
    }
    if (record.receivedOn >= period.from) continue;
    // From an earlier period: open when this one began (carried in), or closed then and reopened in it.
    if (!closedBy(record, startEve)) {
      carriedIn.total++;
      if (record.receivedOn < earlier) carriedIn.fromEarlier++;
      if (closedAtEnd !== null) {
        carriedIn.concluded.total++;
        carriedIn.concluded.atStage[stageKeyOf(highestStarted(record, closedAtEnd))]++;
      } else carriedIn.open++;
    } else if (closedAtEnd === null || record.closings?.some((closing) => contains(period, closing.reopenedOn))) {
      // Reopened in the period, or open at its end with a request for the next stage made in it still waiting.
      reopened.total++;
      reopened[closedAtEnd !== null ? "concluded" : "open"]++;
    }
  }

  return {
    received: received.length,
    byMonth,
    byRole,
    firstStage: first,
    concluded,
    open: received.length - concluded,
    acceptedOutOfTime,
    timeliness,
    ended,
    outcomes,
    stage3Panel,
    advocacy,
    ombudsman,
    carriedForward,
    carriedIn,
    reopened,
    acknowledgements,
  };
}

/** Trimmed, with the first letter of each word in capitals, so "polish " and "Polish" are counted together. */
function normalisedLabel(value: string): string {
  return value
    .trim()
    .replace(/\s+/g, " ")
    .toLocaleLowerCase("en-GB")
    .replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toLocaleUpperCase("en-GB"));
}

function textFact(record: SubmissionRecord, name: string): string | null {
  const value = record.facts[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** "stage-2", "2" and 2 are all stage 2. */
function escalationStage(record: SubmissionRecord): string {
  const stage = textFact(record, "stage")?.replace(/^stage-?/i, "");
  return stage === "2" || stage === "3" ? `stage${stage}` : notRecorded;
}

function periodRaw(input: ReportInput, period: ReportPeriod) {
  const services = Object.fromEntries(
    reportedServices.map((service) => [service, serviceRaw(input.cases.filter((record) => record.service === service), period)]),
  ) as Record<ReportedService, ReturnType<typeof serviceRaw>>;
  const submissions = input.submissions.filter((record) => contains(period, record.receivedOn));
  const compliments = { total: 0, byService: tally(complimentServiceKeys), byRole: tally(roleKeys), quotations: 0 };
  const formats = { total: 0, byFormat: {} as Record<string, number>, byLanguage: {} as Record<string, number> };
  const escalations = { total: 0, byStage: {} as Record<string, number> };
  let advocates = 0;
  for (const record of submissions) {
    // Each record's kind is the id of the journey it came through (submit-journey.server.ts), so it is read from there.
    if (record.kind === complimentJourney.id) {
      compliments.total++;
      compliments.byService[record.service ?? notRecorded]++;
      compliments.byRole[roleOf(record.role)]++;
    } else if (record.kind === otherFormatJourney.id) {
      formats.total++;
      const format = textFact(record, "format") ?? notRecorded;
      formats.byFormat[format] = (formats.byFormat[format] ?? 0) + 1;
      if (format === "another-language") {
        const language = textFact(record, "language");
        // Counted under its English name where it names a language the platform knows ("polski" and "Polish" are
        // one row), or as typed.
        const label = language ? (englishLanguageName(language) ?? normalisedLabel(language)) : notRecorded;
        formats.byLanguage[label] = (formats.byLanguage[label] ?? 0) + 1;
      }
    } else if (record.kind === advocateJourney.id) advocates++;
    else if (record.kind === escalateJourney.id) {
      escalations.total++;
      const stage = escalationStage(record);
      escalations.byStage[stage] = (escalations.byStage[stage] ?? 0) + 1;
    }
  }
  compliments.quotations = input.quotations.filter((quotation) => contains(period, quotation.receivedOn)).length;

  const everything = [...input.cases.filter((record) => contains(period, record.receivedOn)), ...submissions];
  const reach = { total: everything.length, byChannel: tally(caseChannels), portal: 0, byLanguage: {} as Record<string, number>, javascript: tally(javascriptKeys), width: tally(widthKeys) };
  for (const record of everything) {
    reach.byChannel[record.channel]++;
    if (!record.reach) continue;
    reach.portal++;
    const language = record.reach.language.trim().toLowerCase() || notRecorded;
    reach.byLanguage[language] = (reach.byLanguage[language] ?? 0) + 1;
    reach.javascript[record.reach.javascript === null ? "unknown" : record.reach.javascript ? "on" : "off"]++;
    reach.width[record.reach.widthBand ?? notRecorded]++;
  }

  return {
    services,
    serviceNotSettled: input.cases.filter((record) => record.service === "not-sure" && contains(period, record.receivedOn)).length,
    serviceNotSettledOpen: input.cases.filter((record) => record.service === "not-sure" && record.receivedOn <= period.to && !closedBy(record, period.to)).length,
    compliments,
    requests: { formats, advocates, escalations },
    reach,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The two periods put together, key by key.

type Zipped<T> = T extends number ? Count : T extends Days ? Median : { [K in keyof T]: Zipped<T[K]> };

function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function zip(current: Raw, previous: Raw | undefined, hasPrevious: boolean): unknown {
  if (typeof current === "number") {
    return { value: current, previous: hasPrevious ? (typeof previous === "number" ? previous : 0) : null } satisfies Count;
  }
  if (current instanceof Days) throw new Error("a median is zipped beside its basis");
  const before = previous !== undefined && typeof previous === "object" && !(previous instanceof Days) ? previous : {};
  const out: Record<string, unknown> = {};
  // Keys that appear only in the previous period (a language nobody used this year) still get a row.
  const keys = [...new Set([...Object.keys(current), ...Object.keys(before)])];
  for (const key of keys) {
    const value = current[key] ?? (typeof before[key] === "number" ? 0 : undefined);
    if (value === undefined || value instanceof Days) continue;
    out[key] = zip(value, before[key], hasPrevious);
  }
  for (const key of keys) {
    const value = current[key];
    if (!(value instanceof Days)) continue;
    const prior = before[key];
    out[key] = {
      value: median(value.values),
      previous: hasPrevious && prior instanceof Days ? median(prior.values) : null,
      basis: out[value.basis] as Count,
    } satisfies Median;
  }
  return out;
}

function serviceParts(figures: ServiceFigures): Partition[] {
  const { firstStage: first } = figures;
  const all = <K extends string>(keyed: Keyed<K>) => Object.values<Count>(keyed);
  return [
    { total: figures.received, parts: Object.values(figures.byMonth) },
    { total: figures.received, parts: all(figures.byRole) },
    { total: figures.received, parts: [first.stage1.total, first.stage2.total, first.stage3.total] },
    { total: figures.received, parts: [figures.concluded, figures.open] },
    { total: figures.received, parts: [figures.acknowledgements.inTime, figures.acknowledgements.late, figures.acknowledgements.notAcknowledged] },
    { total: first.stage1.total, parts: [first.stage1.resolvedAtStage1, first.stage1.progressedToStage2.total, first.stage1.openAtStage1] },
    { total: first.stage1.progressedToStage2.total, parts: [first.stage1.progressedToStage2.concluded, first.stage1.progressedToStage2.open] },
    { total: first.stage2.total, parts: [first.stage2.concluded, first.stage2.open] },
    { total: first.stage3.total, parts: [first.stage3.concluded, first.stage3.open] },
    // Concluded and open, by the stage first considered at: the same complaints counted the other way round.
    { total: figures.concluded, parts: [first.stage1.resolvedAtStage1, first.stage1.progressedToStage2.concluded, first.stage2.concluded, first.stage3.concluded] },
    { total: figures.open, parts: [first.stage1.openAtStage1, first.stage1.progressedToStage2.open, first.stage2.open, first.stage3.open] },
    ...stageKeys.flatMap((key) => {
      const row = figures.timeliness[key];
      const outcomes = figures.outcomes[key];
      return [
        { total: row.replied, parts: [row.inTime, row.extended, row.late, row[notRecorded]] },
        { total: figures.ended[key], parts: all(outcomes) },
        // The stages that ended: replies, and the two outcomes that are none.
        { total: figures.ended[key], parts: [row.replied, outcomes.withdrawn, outcomes["not-considered"]] },
      ];
    }),
    { total: figures.timeliness.stage3.replied, parts: [figures.stage3Panel.panelRecorded, figures.stage3Panel.panelNotRecorded] },
    { total: figures.advocacy.arranged, parts: all(figures.advocacy.arrangedByRole) },
    { total: figures.advocacy.asked, parts: [figures.advocacy.askedAndArranged, figures.advocacy.askedNotArranged] },
    { total: figures.advocacy.arranged, parts: [figures.advocacy.askedAndArranged, figures.advocacy.arrangedUnasked] },
    { total: figures.ombudsman.decided, parts: all(figures.ombudsman.decisions) },
    { total: figures.carriedForward.total, parts: all(figures.carriedForward.atStage) },
    // Open at the end: received in the period, carried in, or reopened in it.
    { total: figures.carriedForward.total, parts: [figures.open, figures.carriedIn.open, figures.reopened.open] },
    { total: figures.reopened.total, parts: [figures.reopened.concluded, figures.reopened.open] },
    { total: figures.carriedIn.total, parts: [figures.carriedIn.concluded.total, figures.carriedIn.open] },
    { total: figures.carriedIn.concluded.total, parts: all(figures.carriedIn.concluded.atStage) },
  ];
}

/** The first date anything in the records was received, or null when there are none. */
export function firstRecordDate(input: ReportInput): string | null {
  const dates = [...input.cases, ...input.submissions, ...input.quotations].map((record) => record.receivedOn);
  return dates.length ? dates.reduce((first, date) => (date < first ? date : first)) : null;
}

export function computeFigures(input: ReportInput, period: ReportPeriod): ReportFigures {
  const before = previousPeriod(period);
  const recordsBegin = firstRecordDate(input);
  const hasPrevious = recordsBegin !== null && recordsBegin <= before.to;
  const zipped = zip(periodRaw(input, period) as unknown as Raw, periodRaw(input, before) as unknown as Raw, hasPrevious) as Zipped<ReturnType<typeof periodRaw>>;
  const services = zipped.services as unknown as ReportFigures["services"];
  const { compliments, requests, reach } = zipped;
  const all = (keyed: Record<string, Count>) => Object.values(keyed);
  const partitions: Partition[] = [
    ...reportedServices.flatMap((service) => serviceParts(services[service])),
    { total: compliments.total, parts: all(compliments.byService) },
    { total: compliments.total, parts: all(compliments.byRole) },
    { total: requests.formats.total, parts: all(requests.formats.byFormat) },
    { total: requests.escalations.total, parts: all(requests.escalations.byStage) },
    { total: reach.total, parts: all(reach.byChannel) },
    { total: reach.portal, parts: all(reach.byLanguage) },
    { total: reach.portal, parts: all(reach.javascript) },
    { total: reach.portal, parts: all(reach.width) },
  ];
  const anotherLanguage = requests.formats.byFormat["another-language"];
  if (anotherLanguage) partitions.push({ total: anotherLanguage, parts: all(requests.formats.byLanguage) });
  return {
    period,
    previousPeriod: before,
    hasPrevious,
    recordsBegin,
    services,
    serviceNotSettled: zipped.serviceNotSettled,
    serviceNotSettledOpen: zipped.serviceNotSettledOpen,
    compliments,
    requests,
    reach,
    partitions,
  };
}
