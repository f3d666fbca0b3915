// A page part's script: fetched once; a render has it at once when it is in, waits while it is on its way, and fails
// to the error boundary (never waits again and again) when it could not be fetched.
import { describe, expect, it } from "vitest";
import { pagePart, usePart } from "./page-parts";

function catching(render: () => unknown): unknown {
  try {
    return { value: render() };
  } catch (thrown) {
    return { thrown };
  }
}

describe("usePart", () => {
  it("waits for a part on its way, then has it at once, fetched only once", async () => {
    let fetches = 0;
    const part = pagePart("data-x", () => {
      fetches++;
      return Promise.resolve({ name: "part" });
    });
    const first = catching(() => usePart(part)) as { thrown: Promise<unknown> };
    expect(first.thrown).toBeInstanceOf(Promise);
    await first.thrown;
    expect(catching(() => usePart(part))).toEqual({ value: { name: "part" } });
    await part.load();
    expect(fetches).toBe(1);
  });

  it("fails with the fetch's own error once the script could not be fetched, and the wait it gave settles", async () => {
    const lost = new TypeError("Failed to fetch dynamically imported module");
    const part = pagePart("data-x", () => Promise.reject(lost));
    const first = catching(() => usePart(part)) as { thrown: Promise<unknown> };
    await expect(first.thrown).resolves.toBeUndefined();
    expect(catching(() => usePart(part))).toEqual({ thrown: lost });
    await expect(part.load()).rejects.toBe(lost);
  });
});
