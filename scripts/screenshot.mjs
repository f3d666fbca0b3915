import { chromium } from "@playwright/test";
const [,, url, out, width = "360", js = "on"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 800 }, javaScriptEnabled: js === "on" });
const page = await ctx.newPage();
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
console.log(await page.evaluate(() => [...document.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0,5).map(e => e.tagName + "." + e.className + " " + e.getBoundingClientRect().right)));
await browser.close();
