// Making a folder and the folders above it that are missing. Not `mkdir(folder, { recursive: true })`: where a file
// system answers "no such file" to making a folder whose parent exists (/proc, /sys), Node's recursive mkdir tries
// again for ever, and a mistyped DATA_DIR or --out would hang the portal or the command. Here a folder that still
// cannot be made once its parent exists is an error (ENOENT), said like any other.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** A folder that is already there is made; a file where the folder should be is not (as Node's own mkdir says). */
const notAFolder = (folder: string) => Object.assign(new Error(`EEXIST: file already exists, mkdir '${folder}'`), { code: "EEXIST", path: folder });

export function makeFolderSync(folder: string): void {
  const absolute = path.resolve(folder);
  try {
    mkdirSync(absolute);
    return;
  } catch (error) {
    const parent = path.dirname(absolute);
    if (codeOf(error) === "EEXIST") {
      if (statSync(absolute).isDirectory()) return;
      throw notAFolder(absolute);
    }
    if (codeOf(error) !== "ENOENT" || parent === absolute) throw error;
    makeFolderSync(parent);
  }
  try {
    mkdirSync(absolute);
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw error;
    if (!statSync(absolute).isDirectory()) throw notAFolder(absolute);
  }
}
