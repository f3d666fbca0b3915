// The usage of `npm run case`, whole and for one command: in a module of its own so that it can be tested without
// running the command.
import { parseArgs } from "node:util";
import { registeredChannels, stageOutcomes } from "~/cases/case-record";

/** The command's options, for the command and for reading what was typed here alike. */
export const caseCommandOptions = {
  date: { type: "string" },
  due: { type: "string" },
  reason: { type: "string" },
  received: { type: "string" },
  service: { type: "string" },
  channel: { type: "string" },
  role: { type: "string" },
  stage: { type: "string" },
  "advocate-asked": { type: "boolean" },
  "out-of-time": { type: "boolean" },
} as const;

export const usage = `Usage:
  npm run case -- register --received YYYY-MM-DD --service childrens-social-care|public-health|not-sure --channel ${registeredChannels.join("|")}
                           [--role parent|…] [--stage 1|2] [--advocate-asked] [--out-of-time]
  npm run case -- show <reference>
  npm run case -- event <reference> acknowledged [--date YYYY-MM-DD]
  npm run case -- event <reference> service-settled childrens-social-care|public-health [--date …]   (sent as "not sure")
  npm run case -- event <reference> stage-started <1|2|3> [--date …]
  npm run case -- event <reference> extended --due YYYY-MM-DD --reason complex|more-information-needed|person-agreed|availability|other [--date …]
  npm run case -- event <reference> panel-held [--date …]   (stage 3's review panel met)
  npm run case -- event <reference> replied <stage> ${stageOutcomes.join("|")} [--date …]
  npm run case -- event <reference> advocate-assigned [--date …]
  npm run case -- event <reference> time-limit-waived [--date …]   (accepted though made over 12 months after the events)
  npm run case -- event <reference> ombudsman referred|referred-back|decided [decision] [--date …]
  npm run case -- event <reference> next-stage-requested <2|3> [--advocate-asked] [--date …]   (by phone or letter, or a portal request sent "not checked" and confirmed)
  npm run case -- event <reference> next-stage-declined <2|3> [--date …]
  npm run case -- event <reference> closed|reopened [--date …]`;

/** The usage of what was typed, after an error: the command's own lines (and for `event`, the event's), so the
 * mistake is not lost above the whole list; the whole list when the command is not known. */
export function usageFor(args: readonly string[]): string {
  const [, ...lines] = usage.split("\n");
  // A line that starts with spaces past the command continues the one before it.
  const entries: string[] = [];
  for (const line of lines) {
    if (/^ {5,}/.test(line) && entries.length) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  // The words as the command reads them, options and their values apart, whatever else is wrong with them.
  const [command, , type] = parseArgs({ args: [...args], allowPositionals: true, strict: false, options: caseCommandOptions }).positionals;
  const named = (entry: string) => /^ {2}npm run case -- (\S+)(?: <reference> (\S+))?/.exec(entry) ?? [];
  const commands = entries.filter((entry) => named(entry)[1] === command);
  // An event the command does not know: every event's line, which is the list to choose from.
  const events = commands.filter((entry) => type !== undefined && named(entry)[2]?.split("|").includes(type));
  const own = events.length ? events : commands;
  return own.length ? `Usage:\n${own.join("\n")}` : usage;
}
