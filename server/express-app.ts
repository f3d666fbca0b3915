// The Express app around Remix: static assets, compression, language, request ids and the health check.
import { logger } from "~/services/logger.server";
import { readdirSync } from "node:fs";
import type { RequestListener } from "node:http";
import path from "node:path";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import express, { type Request, type Response } from "express";
import "~/load-context";
import { councilIn } from "~/config/council-schema";
import { evidenceDownloads } from "~/evidence/download.server";
import { evidenceUploadRoute, type UploadResult } from "~/evidence/upload.server";
import { refusedLocation, type Refusal } from "~/journeys/forgery.server";
import { isPlainForm } from "~/journeys/read-form.server";
import { journeyById, registeredJourneys } from "~/journeys/journeys";
import { reachesPage } from "~/journeys/journey-engine";
import { londonDate } from "~/working-days";
import { evidenceFields, evidenceFileField } from "~/journeys/evidence-form";
import { chooseLanguage } from "~/services/language.server";
import type { Services } from "~/services/services.server";
import type { LoadedSession } from "~/services/session-store.server";
import { answerBegun, compressReads } from "./compress-whole";
import { pageCache } from "./page-cache";
import { frontDoor } from "./front-door";
import { publicPageVisit, questionPageVisit, type LanguageOf } from "./page-visits";
import { leadingSlashesCollapsed, pathAsWritten, strayEscapesEscaped, withoutDataParameter } from "./path-as-written";
import { precompressedAssets } from "./precompressed-assets";
import { remixHandler } from "./remix-handler";
import { requestLog } from "./request-log";
import { routePatterns } from "./route-patterns";
import { securityHeaders } from "./security-headers";

const allowedMethods = new Set(["GET", "HEAD", "POST"]);
/** How many posts over the rate limit in a window are read, so that a question page keeps what they carried. */
const refusedPostsKept = 5;

/** Pages whose HTML is the same for everyone who reads them in one language. */
const cachedPages = ["/", "/accessibility-statement", "/privacy", "/cookies", "/contact", ...registeredJourneys.map((journey) => `/${journey.id}`)];

const journeyPagePath = /^\/([a-z-]+)\/([a-z-]+)(?:\.data)?$/;

/** The journey whose evidence page a path is (the page itself, or its data request with JavaScript), or null. */
function evidenceJourneyOf(requestPath: string): string | null {
  const match = journeyPagePath.exec(requestPath);
  const journey = match ? journeyById(match[1]) : undefined;
  return journey?.pages.some((page) => page.evidence && page.id === match?.[2]) ? journey.id : null;
}

/** Whether a session's answers lead as far as the page a path is: it is on their route, as its page would be shown. */
function pageReached(session: LoadedSession, journeyId: string, requestPath: string): boolean {
  const journey = journeyById(journeyId);
  const page = journeyPagePath.exec(requestPath)?.[2];
  if (!journey || !page) return false;
  return reachesPage(journey, session.data.journeys[journeyId]?.answers ?? {}, page, { today: londonDate(new Date()) });
}

export interface ExpressAppOptions {
  services: Services;
  /** The Remix build, or a function that loads it (the dev server reloads it on every request). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Folder of the built browser assets; absent in development, where Vite serves them. */
  clientDir?: string;
  /** Vite's middleware in development. */
  devMiddleware?: express.RequestHandler;
}

/** The browser's own word on where a post came from; the session-bound token is checked by the route too. */
function postFromThisSite(req: express.Request): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site) return site === "same-origin";
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The Express app, and what the HTTP server is given: the app behind the front door (server/front-door.ts), or
 * the app itself in development, where nothing is kept. */
export interface Portal {
  app: express.Express;
  listener: RequestListener;
}

export function createExpressApp({ services, build, clientDir, devMiddleware }: ExpressAppOptions): Portal {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", services.config.env.TRUST_PROXY);
  // Reads are compressed: pages and their data whole, in one call, the rest as a stream (compress-whole.ts, decision
  // 060).
  app.use(compressReads());
  // Route patterns from the build's route table (in development the build is loaded on demand: until then, none).
  let patternOf: (path: string) => string = () => "(starting)";
  if (typeof build === "function") void build().then((loaded) => (patternOf = routePatterns(loaded.routes)), () => undefined);
  else patternOf = routePatterns(build.routes);
  app.use(requestLog((path) => patternOf(path)));
  // Only the methods the portal answers; anything else (TRACE, PUT, OPTIONS…) is refused plainly, unread.
  app.use((req, res, next) => {
    if (allowedMethods.has(req.method)) return next();
    res.status(405).set("Allow", [...allowedMethods].join(", ")).type("text/plain").send("Method not allowed");
  });
  // A path the URL parser would read as another ("/api/../complaint/service") is refused, unread: every check
  // below and Remix then read the same path (server/path-as-written.ts).
  app.use((req, res, next) => {
    if (!pathAsWritten(req.originalUrl)) {
      // "//progress" is a link put together with one slash too many, which browsers do send: to the page it meant.
      const collapsed = req.method === "GET" || req.method === "HEAD" ? leadingSlashesCollapsed(req.originalUrl) : null;
      if (collapsed) return res.redirect(301, collapsed);
      return void res.status(400).type("text/plain").send("Bad request");
    }
    // A link cut short mid-escape is read as the page that is not there (server/path-as-written.ts), by every
    // handler: Express's routes read req.url, Remix and the page cache req.originalUrl (the same here, unmounted).
    // Remix's "?_data=" of apps without single fetch is taken out: ours never send it (withoutDataParameter).
    req.url = req.originalUrl = withoutDataParameter(strayEscapesEscaped(req.originalUrl));
    next();
  });
  if (devMiddleware) app.use(devMiddleware);
  if (clientDir) {
    // Files are served before the page headers: a CSP means nothing on a script or icon, and at about 600 bytes
    // a response it would cost every visitor kilobytes. They still must not be sniffed as another type.
    app.use((_req, res, next) => {
      res.setHeader("X-Content-Type-Options", "nosniff");
      next();
    });
    // Vite fingerprints everything under /assets, so a year's caching is safe; other files change in place.
    app.use("/assets", precompressedAssets(path.join(clientDir, "assets")));
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false, etag: false, lastModified: false, acceptRanges: false }));
    // Only the files that exist are looked for, so other requests cost no file-system call.
    const publicFiles = new Set(readdirSync(clientDir).filter((name) => name !== "assets").map((name) => `/${name}`));
    const serveFile = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (publicFiles.has(req.path) ? serveFile(req, res, next) : next()));
  }

  const security = securityHeaders({ production: services.config.isProduction });
  app.use(security);
  // Everything from here on may depend on someone's session (pages, Remix's .data responses, errors): none of it
  // may be kept in a browser's or a proxy's cache. A route that is safe to cache says so itself.
  app.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  // Sent evidence files, for the case system, through the signed links in its webhooks.
  app.get("/api/files/:id", evidenceDownloads(services));
  // With Referrer-Policy: no-referrer, browsers send "Origin: null" on our own form posts. Remix would read that
  // as a cross-site post and fail with a 500; our own check (app/journeys/forgery.server.ts) relies on
  // Sec-Fetch-Site and the session-bound token instead. Remix runs an action for any method but GET and HEAD, so
  // every other method is a post here: one from elsewhere is refused before it is counted or read.
  app.use((req, res, next) => {
    if (req.headers.origin === "null") delete req.headers.origin;
    if (req.method === "GET" || req.method === "HEAD") return next();
    // Machine-to-machine posts (the case system's events) carry their own signature, checked by their route; they
    // come from one address in bursts, so the people's rate limit is not theirs (their route counts refused ones).
    if (req.path.startsWith("/api/")) return next();
    if (!postFromThisSite(req)) return res.redirect(303, refusedLocation("forgery", req.path));
    const retryAfter = services.rateLimiter.hit(req.ip ?? "unknown");
    if (retryAfter === null) return next();
    logger.warn({ requestId: res.locals.requestId, route: res.locals.route }, "rate limit reached");
    // A post sent with JavaScript is Remix's data request, whose fetch cannot follow our redirect to a page: its
    // route refuses it instead (readForm), so Remix's own redirect takes the person to the page that explains. So is
    // a plain form post, with or without JavaScript: a question page keeps what was typed before it refuses it
    // (decision 080). Only files (multipart) are refused here, unread.
    const plainForm = isPlainForm(req.headers["content-type"]);
    if (req.path.endsWith(".data") || plainForm) {
      // Read only for a plain form (never files), and only the first few past the limit.
      const keepTyped = plainForm && services.rateLimiter.overBy(req.ip ?? "unknown") <= refusedPostsKept;
      res.locals.refusal = { reason: "rate", retryAfterSeconds: retryAfter, keepTyped } satisfies Refusal;
      return next();
    }
    res.redirect(303, refusedLocation("rate", req.path, retryAfter));
  });

  app.get("/healthz", async (_req: Request, res: Response) => {
    try {
      if (!services.startup.ready) throw new Error("the database is not ready yet");
      await services.db.get("SELECT 1 AS ok");
      res.status(200).json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  });

  const languageOf: LanguageOf = (req) => {
    const lng = req.query?.lng;
    return chooseLanguage(
      { requested: typeof lng === "string" ? lng : null, cookie: req.headers.cookie ?? null, acceptLanguage: req.headers["accept-language"] ?? null },
      services.config.isProduction,
    );
  };
  let listener: RequestListener = app;
  if (!devMiddleware) {
    const publicPage = publicPageVisit(services, cachedPages, languageOf);
    const questionPage = questionPageVisit(services, languageOf);
    const cache = pageCache({
      visitOf: (req, res) => publicPage(req) ?? questionPage(req, res),
      maxBytes: services.config.env.PAGE_CACHE_MB * 1024 * 1024,
      maxPageBytes: 256 * 1024,
      announceHits: !services.config.isProduction,
      // Copies of question pages show answers: none is kept longer than the session it came from could last.
      maxAgeMs: services.config.sessionIdleMs,
    });
    app.use(cache);
    // Public pages' copies, once kept, are served before Express (decision 065); with no room for copies, there is
    // nothing to serve there.
    if (cache.keeps) listener = frontDoor({ app, cache, publicPage, security, patternOf: (path) => patternOf(path) });
  }

  // A multipart post to a page that takes files is streamed here (type check, clamd, sealed store) before its
  // route's action runs; every other post keeps the 128 KB limit in the Remix handler
  // (app/journeys/read-form.server.ts).
  app.use(
    evidenceUploadRoute({
      store: services.evidence,
      scanner: services.scanner,
      verifyCsrf: (session, token) => services.sessions.verifyCsrf(session, token),
      loadSession: (req) => services.sessions.loadFromCookieHeader(req.headers.cookie ?? null),
      journeyOf: evidenceJourneyOf,
      reached: pageReached,
      fileField: evidenceFileField,
      fields: evidenceFields,
    }),
  );

  // Mounted with no path: a route pattern such as "*" would have Express decode the path as a parameter, and a
  // malformed escape ("/complaint/serv%", a link cut short) would then end as a plain "Bad request" instead of the
  // service's own page-not-found page, in the person's language.
  app.use(
    remixHandler({
      build,
      mode: services.config.isProduction || process.env.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => {
        const { language, setCookie } = languageOf(req);
        if (setCookie) res.append("Set-Cookie", setCookie);
        return {
          services,
          language,
          council: councilIn(services.config.council, language),
          nonce: String(res.locals.nonce),
          requestId: String(res.locals.requestId),
          clientAddress: req.ip ?? "unknown",
          route: String(res.locals.route ?? "(unknown)"),
          session: res.locals.session as LoadedSession | undefined,
          refusal: res.locals.refusal as Refusal | undefined,
          evidenceUpload: res.locals.evidenceUpload as UploadResult | undefined,
        };
      },
    }),
  );
  // Whatever escapes a handler (a path Express cannot decode, a body it cannot read) is one JSON log line and a
  // plain answer: never a stack trace, in the page or the log.
  app.use((error: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : error instanceof URIError ? 400 : 500;
    const level = status >= 500 ? "error" : "warn";
    logger[level]({ requestId: res.locals.requestId, route: res.locals.route, status, error: error instanceof Error ? error.name : "unknown" }, "request refused");
    // An answer held to be compressed whole (compress-whole.ts) has begun: it is cut off, as one already sent is.
    if (answerBegun(res)) return void res.destroy();
    res.status(status).type("text/plain").send(status >= 500 ? "Sorry, there is a problem with the service" : "Bad request");
  });
  return { app, listener };
}
