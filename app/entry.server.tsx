// Renders every page on the server, whole (onAllReady): the loaders return everything at once, so there is nothing
// to stream. Remix renders the data it hands the browser beside the document, not inside it, so React writes those
// scripts after </html> (a known Remix v2 issue), which the W3C checker rightly reports on every page: the page is
// held until it is complete and the document's end is moved after them (documentEnd).
import { logger } from "./services/logger.server";
import { Transform, type TransformCallback } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import type { ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./nonce";
import { scriptsAfterFirstPaint } from "./scripts-after-first-paint.server";
import { isDatabaseUnavailable } from "./services/database.server";
import { TranslationsProvider } from "./translation/react";
import { pageWordsId } from "./translation/page-words";
import { recordingTranslations } from "./translation/page-words.server";

const ABORT_DELAY_MS = 5_000;

const closingTags = "</body></html>";

/**
 * Holds the rendered page, then sends it with whatever React wrote after `</body></html>` moved inside the body,
 * without the NUL bytes React's writer can leave in it, and with its scripts set to load after the first paint.
 */
export function documentEnd(beforeEnd: () => string = () => ""): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    // No "close" once the page has been read: React, which wrote into this stream, takes "close" for a reader gone
    // early and aborts the finished render, which ends the stream a second time (an error made, stack and all, and
    // thrown away, on every page). It is only ever piped to once the render is whole, so there is nothing to abort.
    emitClose: false,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      // A copy: React may write its next part into the same memory once this call returns.
      chunks.push(Buffer.from(chunk));
      callback();
    },
    flush(callback: TransformCallback) {
      // React 18's stream writer leaves NUL bytes where a character of two or more bytes (Polish, Arabic) did not fit
      // at the end of its 2 KB buffer (facebook/react#31134): the character itself follows whole, so the NULs are
      // only dropped. Nothing on a page is ever a NUL: answers have control characters removed as they arrive.
      const html = Buffer.concat(chunks).toString("utf8").replaceAll("\0", "");
      const at = html.lastIndexOf(closingTags);
      callback(null, scriptsAfterFirstPaint(at < 0 ? `${html}${beforeEnd()}` : `${html.slice(0, at)}${html.slice(at + closingTags.length)}${beforeEnd()}${closingTags}`));
    },
  });
}
export const streamTimeout = ABORT_DELAY_MS;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The database being out of reach is a 503, not a 500: nothing was half done, and the same send can be tried again.
  if (loadContext.databaseUnavailable) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", "30");
  }
  const server = loadContext.services.pageTranslations[loadContext.language];
  const recording = recordingTranslations(server, server.writePageWords);
  const page = (
    <NonceProvider nonce={loadContext.nonce}>
      <TranslationsProvider translations={recording.translations}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={loadContext.nonce} />
      </TranslationsProvider>
    </NonceProvider>
  );
  let rendered = false;
  const onError = (error: unknown) => {
    responseStatusCode = 500;
    // Errors after the shell are logged by Remix's handleError; before it, the promise rejects.
    if (rendered) logger.error({ error: error instanceof Error ? error.name : "unknown" }, "rendering failed after the shell");
  };
  // The words the page read go with it, for the browser to hydrate from (docs/decisions/053). A data block, which
  // nothing runs; it carries the nonce as every inline script on the page does.
  // Without it (should writing it ever fail) the browser fetches the page's locale files, as it would for any page.
  const pageWords = () => {
    try {
      return `<script nonce="${loadContext.nonce}" type="application/json" id="${pageWordsId}">${recording.pageWords()}</script>`;
    } catch (error) {
      logger.error({ requestId: loadContext.requestId, route: loadContext.route, error: error instanceof Error ? error.name : "unknown" }, "the page's words could not be written");
      return "";
    }
  };
  return renderWhole(page, { nonce: loadContext.nonce, hangMs: ABORT_DELAY_MS + 1_000, onError, beforeEnd: pageWords }).then((body) => {
    rendered = true;
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    // Pages can show answers about children: no browser or proxy may keep a copy.
    if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "no-store");
    return new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode });
  });
}

/**
 * Renders a page whole and hands back its bytes as a stream (through documentEnd). A render that has not finished
 * after `hangMs` is aborted. The timer is cleared as soon as the page is whole: left to run, each one held its
 * page's whole render (React's tree and everything it wrote) for seconds after the page had gone, which under
 * traffic was a large part of what the server's memory grew by.
 */
export function renderWhole(
  element: ReactElement,
  { nonce, hangMs, onError, beforeEnd }: { nonce?: string; hangMs: number; onError: (error: unknown) => void; beforeEnd?: () => string },
): Promise<Transform> {
  return new Promise<Transform>((resolve, reject) => {
    let hung: NodeJS.Timeout | undefined;
    let settled = false;
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce,
      onAllReady() {
        // React 18 still calls this after onShellError: the promise has been refused by then, and nothing would
        // read the stream.
        if (settled) return;
        clearTimeout(hung);
        settled = true;
        const body = documentEnd(beforeEnd);
        resolve(body);
        pipe(body);
      },
      onShellError(error: unknown) {
        clearTimeout(hung);
        settled = true;
        reject(error);
      },
      onError,
    });
    if (!settled) hung = setTimeout(abort, hangMs);
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  // Remix hides the error from the page render in production; the load context carries what kind it was. Before
  // the database is ready (still connecting, or migrations not yet run), any failure counts as the database's.
  if (isDatabaseUnavailable(error) || !context.services.startup.ready) context.databaseUnavailable = true;
  if (request.signal.aborted) return;
  // A 4xx Remix answers itself (no such page or data, a wrong method) is the client's mistake, not ours. The log
  // names the route's pattern, never the path, and the error's kind, never its message (which may quote input).
  if (isRouteErrorResponse(error) && error.status < 500) {
    logger.info({ requestId: context.requestId, route: context.route, status: error.status }, "request not found or refused");
    return;
  }
  logger.error({ requestId: context.requestId, route: context.route, error: error instanceof Error ? error.name : "unknown" }, "request failed");
}

/** With JavaScript, forms post through Remix's data requests: the same 503 as the page when the database is gone. */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }): Response {
  if (!context.databaseUnavailable) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", "30");
  return new Response(response.body, { status: 503, headers });
}
