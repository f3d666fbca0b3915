// The report printed to PDF by Chromium (Debian's, or CHROME_PATH), A4 as its own @page rule says, with page
// numbers, headings as the PDF's outline and a tagged structure for screen readers. The page may make no request.
export const chromiumPath = (): string => process.env.CHROME_PATH || "/usr/bin/chromium";

/** Flags for a machine with no sandbox, no GPU and no business reaching the network. */
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function printReportPdf(html: string, file: string): Promise<void> {
  // Loaded only when a PDF is asked for: it is most of the command's start-up time.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf({ path: file, format: "A4", preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
