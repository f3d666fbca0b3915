// What a person may attach to a complaint, declared once. The page's hint and errors, the upload handler, the
// store and the tests all read this table; the two limits a council may change are settings
// (EVIDENCE_ATTACH_MAX_MB, EVIDENCE_LINK_DAYS in app/config/config.server.ts) whose defaults are here too.

import { intlLocale } from "~/i18n";

const MB = 1024 * 1024;

export const evidenceLimits = {
  /** Files attached to one run of a journey. */
  maxFiles: 5,
  /** One file. */
  maxFileBytes: 10 * MB,
  /** All of a run's files together. */
  maxTotalBytes: 20 * MB,
  /** An upload's whole request body: past this it is cut off and refused, whatever it holds. */
  maxBodyBytes: 21 * MB,
  /** Files are sealed and stored in pieces of this size, so no file is ever whole in memory. */
  chunkBytes: 256 * 1024,
  /**
   * A refused upload's body is read and dropped as far as this (from its start), so that the browser still sending
   * it reads the answer instead of a reset connection (docs/decisions/044); so is any other body answered before it
   * was read (server/connection-limits.ts). Five files of the largest size, and some.
   */
  maxDrainBytes: 64 * MB,
  /** An upload that sends nothing for this long is given up (a slow phone sends something every second or so). */
  idleTimeoutMs: 60_000,
  /** Default for EVIDENCE_ATTACH_MAX_MB: files attached to the staff email up to this total, listed above it. */
  defaultAttachMaxMb: 10,
  /** Default for EVIDENCE_LINK_DAYS: how long the webhook's download links work. */
  defaultLinkDays: 7,
  /** Default for CLAMAV_TIMEOUT_SECONDS: how long clamd may take to connect, take a piece, or give its verdict. */
  defaultScanTimeoutSeconds: 30,
} as const;

/** "10MB", as GOV.UK's file upload messages write sizes. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)}MB`;
}

/** A file's size as a person reads it, in their language's digits and decimal mark: "350KB", "1.2MB". */
export function fileSize(bytes: number, language: string): string {
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(value);
  return bytes < MB ? `${number(Math.max(1, Math.round(bytes / 1024)))}KB` : `${number(Math.round((bytes / MB) * 10) / 10)}MB`;
}
