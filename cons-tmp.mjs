import { chromium } from "playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const url of process.argv.slice(2)) {
  const page = await (await browser.newContext()).newPage();
  page.on("console", (m) => console.log(url, "console", m.type(), m.text()));
  page.on("pageerror", (e) => console.log(url, "pageerror", e.message));
  const words = [];
  page.on("request", (r) => { if (/assets\/(common|complaint|start|progress|pages|[a-z-]+-start|emails|advocate|compliment|escalate|other-format)-[A-Za-z0-9_-]+\.js/.test(r.url())) words.push(r.url().split("/").pop()); });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-portal-enhanced]", { timeout: 5000 }).catch(() => console.log(url, "not enhanced"));
  console.log(url, "words fetched:", words.join(" ") || "none");
}
await browser.close();
