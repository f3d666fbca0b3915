// Folders made with the folders above them, and a folder that cannot be made refused at once, never tried for ever.
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeFolderSync } from "./folders.server";

const fresh = () => mkdtempSync(path.join(tmpdir(), "folders-"));

describe("makeFolderSync", () => {
  const make = async (folder: string) => makeFolderSync(folder);
  it("makes a folder and the missing folders above it, and leaves one that is there", async () => {
    const root = fresh();
    const deep = path.join(root, "a", "b", "c");
    await make(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await make(deep);
    await make(path.relative(process.cwd(), deep));
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it("refuses a file where the folder should be, as Node's mkdir does", async () => {
    const root = fresh();
    writeFileSync(path.join(root, "file"), "");
    await expect(make(path.join(root, "file"))).rejects.toMatchObject({ code: "EEXIST" });
  });

  it("refuses a folder inside a file, saying what is in the way", async () => {
    const root = fresh();
    writeFileSync(path.join(root, "file"), "");
    await expect(make(path.join(root, "file", "reports"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  it("refuses, at once, a folder a file system will not make though its parent is there (/proc)", async () => {
    // Node's own recursive mkdir tries this one again for ever. As root /proc says "no such file"; otherwise, no.
    await expect(make("/proc/no-such-folder/below")).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOENT|EACCES)$/) });
    expect(existsSync("/proc/no-such-folder")).toBe(false);
  });
});
