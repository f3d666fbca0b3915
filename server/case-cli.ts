// `npm run case -- …`: the same case events as the case system sends, typed by staff, for councils without a case
// system, and complaints that came by phone, letter, email or in person registered so the report sees every one.
// Checked by the same schema and the same rules; `show` prints stages, dates and deadlines, never personal data.
import { parseArgs } from "node:util";
import { z } from "zod";
import { registeredChannels, caseServices, complainantRoles, type CaseStage } from "~/cases/case-record";
import { stagesOf } from "~/cases/timetable";
import { caseCommandOptions, usageFor } from "./case-cli-usage";
import { describeCase } from "./describe-case";
import { caseEventSchema, type CaseEvent } from "~/cases/case-events";
import { loadCommandConfig } from "./command-config";
import { caseReferenceOf } from "~/cases/case-reference.server";
import { createServices, type Services } from "~/services/services.server";
import { countableYears, isCountableDate, londonDate } from "~/working-days";

class UsageError extends Error {}

const registerSchema = z.object({
  received: z.iso.date({ error: "--received must be a date written as YYYY-MM-DD", abort: true }).refine(isCountableDate, { error: `--received must be a date in the years ${countableYears}` }),
  service: z.enum(caseServices, { error: `--service must be one of ${caseServices.join(", ")}` }),
  channel: z.enum(registeredChannels, { error: `--channel must be one of ${registeredChannels.join(", ")} (a complaint made through the portal opens its own case)` }),
  role: z.enum(complainantRoles, { error: `--role must be one of ${complainantRoles.join(", ")}` }).optional(),
  stage: z.enum(["1", "2"], { error: "--stage must be 1 or 2" }).default("1"),
  "advocate-asked": z.boolean().default(false),
  "out-of-time": z.boolean().default(false),
}).refine((options) => stagesOf(options.service).includes(Number(options.stage) as CaseStage), {
  error: "--stage 2: public health complaints have one stage at the council, then the Ombudsman",
});

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join(".");
  return path && !issue.message.startsWith("--") ? `${path} ${issue.message}` : issue.message;
}

/** The event typed on the command line, as the case system would send it. */
function eventFromArgs(words: readonly string[], options: { date?: string; due?: string; reason?: string; "advocate-asked"?: boolean }): CaseEvent {
  const [type, first, second] = words;
  const fields: Record<string, unknown> = { type };
  if (options.date) fields.date = options.date;
  switch (type) {
    case "service-settled":
      fields.service = first;
      break;
    case "stage-started":
    case "next-stage-declined":
      fields.stage = Number(first);
      break;
    case "next-stage-requested":
      fields.stage = Number(first);
      if (options["advocate-asked"]) fields.advocate = true;
      break;
    case "extended":
      fields.dueDate = options.due;
      fields.reason = options.reason;
      break;
    case "replied":
      fields.stage = Number(first);
      fields.outcome = second;
      break;
    case "ombudsman":
      fields.action = first;
      if (second) fields.decision = second;
      break;
  }
  const parsed = caseEventSchema.safeParse(fields);
  if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
  return parsed.data;
}

async function run(argv: string[], services: () => Promise<Services>): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: caseCommandOptions });
  const [command, given, ...rest] = positionals;
  if (command === "register") {
    const parsed = registerSchema.safeParse(values);
    if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
    const options = parsed.data;
    const all = await services();
    const today = londonDate(new Date());
    if (options.received > today) throw new UsageError("--received is in the future");
    const stored = await all.cases.register({
      service: options.service,
      role: options.role ?? null,
      receivedOn: options.received,
      channel: options.channel,
      reach: null,
      firstStage: Number(options.stage) as 1 | 2,
      advocateAsked: options["advocate-asked"],
      acceptedOutOfTime: options["out-of-time"],
    });
    console.log(stored.reference);
    console.log(describeCase(stored.reference, stored.state, all.config.council.timetable, today));
    return 0;
  }
  if (command !== "show" && command !== "event") throw new UsageError(command ? `unknown command "${command}"` : "a command is needed");
  const read = caseReferenceOf(given ?? "");
  if (!read.ok) throw new UsageError(read.problem);
  const reference = read.reference;
  const event = command === "event" ? eventFromArgs(rest, values) : null;
  const all = await services();
  const today = londonDate(new Date());
  if (!event) {
    const found = await all.cases.byReference(reference);
    if (!found) {
      console.error(`No case has the reference ${reference}`);
      return 1;
    }
    console.log(describeCase(reference, found.state, all.config.council.timetable, today));
    return 0;
  }
  const outcome = await all.cases.applyOutside(reference, event, { source: "staff" });
  switch (outcome.status) {
    case "not-found":
      console.error(`No case has the reference ${reference}`);
      return 1;
    case "refused":
      console.error(`Not recorded: ${outcome.refusal.title}. ${outcome.refusal.detail}`);
      return 1;
    case "duplicate":
      return 0;
    case "applied":
      console.log(describeCase(reference, outcome.case.state, all.config.council.timetable, today));
      return 0;
  }
}

async function main(): Promise<number> {
  let services: Services | null = null;
  try {
    return await run(process.argv.slice(2), async () => (services ??= await createServices(loadCommandConfig(() => {}), { retryDatabase: false })));
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(error.message);
      console.error(usageFor(process.argv.slice(2)));
      return 2;
    }
    throw error;
  } finally {
    await (services as Services | null)?.db.close();
  }
}

process.exitCode = await main();
