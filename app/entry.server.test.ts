import { Readable, Transform } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement, lazy, Suspense } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { documentEnd, renderWhole } from "./entry.server";

describe("documentEnd", () => {
  it("moves what came after </body></html> inside the body, and drops the NULs React leaves where a character did not fit its buffer", async () => {
    const arabic = Buffer.from("<p>يمكن</p>");
    const parts = [Buffer.from("<!DOCTYPE html><html><body>"), arabic.subarray(0, 5), Buffer.from([0, 0]), arabic.subarray(5), Buffer.from("</body></html><script>late()</script>")];
    const out = await text(Readable.from(parts).pipe(documentEnd()));
    expect(out).toBe("<!DOCTYPE html><html><body><p>يمكن</p><script>late()</script></body></html>");
  });

  it("leaves a document with nothing after its end as it was", async () => {
    const out = await text(Readable.from([Buffer.from("<!DOCTYPE html><html><body><p>x</p></body></html>")]).pipe(documentEnd()));
    expect(out).toBe("<!DOCTYPE html><html><body><p>x</p></body></html>");
  });

  it("ends the body with what it is given once the page is whole (the page's words), after what it moved", async () => {
    const asked: string[] = [];
    const parts = [Buffer.from("<!DOCTYPE html><html><body><p>x</p>"), Buffer.from("</body></html><script>late()</script>")];
    const out = await text(
      Readable.from(parts).pipe(
        documentEnd(() => {
          asked.push("words");
          return '<script type="application/json" id="page-words">{}</script>';
        }),
      ),
    );
    expect(out).toBe('<!DOCTYPE html><html><body><p>x</p><script>late()</script><script type="application/json" id="page-words">{}</script></body></html>');
    expect(asked).toEqual(["words"]);
  });
});

describe("renderWhole", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("leaves no timer behind once the page is whole, so nothing keeps the finished render in memory", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const errors: unknown[] = [];
    const body = await renderWhole(createElement("p", null, "Whole"), { hangMs: 6_000, onError: (error) => void errors.push(error) });
    expect(vi.getTimerCount()).toBe(0);
    expect(await text(body)).toBe("<p>Whole</p>");
    expect(errors).toEqual([]);
  });

  it("ends the page's stream once: React is not told it closed early once it has been read", async () => {
    const end = vi.spyOn(Transform.prototype, "end");
    try {
      const body = await renderWhole(createElement("p", null, "Whole"), { hangMs: 6_000, onError: () => {} });
      expect(await text(body)).toBe("<p>Whole</p>");
      await new Promise((resolve) => setImmediate(resolve));
      expect(end.mock.contexts.filter((stream) => stream === body)).toHaveLength(1);
    } finally {
      end.mockRestore();
    }
  });

  it("aborts a render that has not finished in time, and sends what it has", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const errors: unknown[] = [];
    const Never = lazy(() => new Promise<never>(() => {}));
    const rendering = renderWhole(createElement("main", null, createElement(Suspense, { fallback: createElement("p", null, "Waiting") }, createElement(Never))), {
      hangMs: 6_000,
      onError: (error) => void errors.push(error),
    });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(5_999);
    expect(errors).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const html = await text(await rendering);
    expect(html).toContain("<p>Waiting</p>");
    expect(errors).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("refuses a page whose shell fails, leaving no timer and no stream to fail later", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const errors: unknown[] = [];
    const Broken = () => {
      throw new Error("broken shell");
    };
    await expect(renderWhole(createElement(Broken), { hangMs: 6_000, onError: (error) => void errors.push(error) })).rejects.toThrow("broken shell");
    expect(errors).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
