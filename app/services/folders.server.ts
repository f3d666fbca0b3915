// Making a folder and the folders above it that are missing. Not `mkdir(folder, { recursive: true })`: where a file
// system answers "no such file" to making a folder whose parent exists (/proc, /sys), Node's recursive mkdir tries
// again for ever, and a mistyped DATA_DIR or --out would hang the portal or the command. Here a folder that still
// cannot be made once its parent exists is an error (ENOENT), said like any other.
import { mkdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

export async function makeFolder(folder: string): Promise<void> {
  const absolute = path.resolve(folder);
  try {
    await mkdir(absolute);
    return;
  } catch (error) {
    const parent = path.dirname(absolute);
    if (codeOf(error) === "EEXIST") return;
    if (codeOf(error) !== "ENOENT" || parent === absolute) throw error;
    await makeFolder(parent);
  }
  try {
    await mkdir(absolute);
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw error;
  }
}

export function makeFolderSync(folder: string): void {
  const absolute = path.resolve(folder);
  try {
    mkdirSync(absolute);
    return;
  } catch (error) {
    const parent = path.dirname(absolute);
    if (codeOf(error) === "EEXIST") return;
    if (codeOf(error) !== "ENOENT" || parent === absolute) throw error;
    makeFolderSync(parent);
  }
  try {
    mkdirSync(absolute);
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw error;
  }
}
