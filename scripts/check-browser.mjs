// `npm test` needs a Chromium for the end-to-end and accessibility tests: find one or say how to get one.
import { accessSync, constants } from "node:fs";

const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});
if (!found) {
  console.error(
    [
      "No Chromium found for the end-to-end and accessibility tests.",
      "Install one and run npm test again:",
      "  Debian or Ubuntu:  sudo apt-get install -y chromium",
      "  where downloads work:  npx playwright install chromium, then set CHROME_PATH to its executable",
      `Looked in: ${candidates.join(", ")}`,
    ].join("\n"),
  );
  process.exit(1);
}
