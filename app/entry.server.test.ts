import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { documentEnd } from "./entry.server";

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
});
