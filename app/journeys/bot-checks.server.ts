// Bots without a CAPTCHA: a honeypot field no person sees, and a signed record of when the journey started,
// so a send that comes faster than anyone could fill in the form is quietly not delivered.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FormFields } from "./journey-engine";

export const honeypotField = "website";
export const startedField = "started";

/** The run of a journey a start time belongs to: a value signed for one run passes for no other. */
export interface JourneyRun {
  journeyId: string;
  runId: string;
}

export function signStart(secret: string, run: JourneyRun, startedAt: number): string {
  return `${startedAt}.${createHmac("sha256", secret).update(`started:${run.journeyId}:${run.runId}:${startedAt}`).digest("base64url")}`;
}

/** When the journey started, if the signed value is genuine and was made for this run. */
export function readStart(secret: string, run: JourneyRun, value: unknown): number | null {
  if (typeof value !== "string") return null;
  const [time, signature] = value.split(".");
  if (!time || !signature || !/^\d{1,15}$/.test(time)) return null;
  const expected = Buffer.from(signStart(secret, run, Number(time)).split(".")[1]!);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(time) : null;
}

export type BotVerdict = "person" | "honeypot" | "too-fast";

export function judgeSend(form: FormFields, secret: string, run: JourneyRun, now: number, minimumMs: number): BotVerdict {
  const trap = form.get(honeypotField);
  if (typeof trap === "string" && trap !== "") return "honeypot";
  const started = readStart(secret, run, form.get(startedField));
  if (started === null || now - started < minimumMs) return "too-fast";
  return "person";
}
