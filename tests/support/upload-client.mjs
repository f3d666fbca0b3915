// A client in its own process, so that a test measuring the server's memory does not count the client's:
// posts a multipart form with a `csrf` field and one generated file of SIZE bytes, starting with HEAD, and
// prints {status, text, written} as JSON. Usage: node upload-client.mjs URL COOKIE CSRF FILENAME SIZE HEAD
import http from "node:http";

const [url, cookie, csrf, filename, size, head] = process.argv.slice(2);
const boundary = "----PortalTestClientBoundary";
const total = Number(size);
let answered = false;
let written = 0;

const request = http.request(url, { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: cookie } });
request.on("response", (response) => {
  answered = true;
  const chunks = [];
  response.on("data", (c) => chunks.push(c));
  response.on("end", () => {
    process.stdout.write(JSON.stringify({ status: response.statusCode, text: Buffer.concat(chunks).toString("utf8"), written }));
    process.exit(0);
  });
});
request.on("error", (error) => {
  if (!answered) setImmediate(() => !answered && (console.error(String(error)), process.exit(1)));
});

async function* body() {
  yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n`);
  yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`);
  yield Buffer.from(head);
  for (let sent = head.length; sent < total; sent += 65536) yield Buffer.alloc(Math.min(65536, total - sent), 0x41);
  yield Buffer.from(`\r\n--${boundary}--\r\n`);
}

for await (const piece of body()) {
  if (answered || request.destroyed) break;
  written += piece.length;
  if (!request.write(piece)) await new Promise((resolve) => request.once("drain", resolve).once("close", resolve));
}
if (!answered && !request.destroyed) request.end();
