// An example receiver for the portal's webhooks: verifies the Standard Webhooks signature, drops duplicates
// by webhook-id, and answers 2xx only once the submission is safely stored.
//
//   WEBHOOK_SECRET=whsec_... node docs/webhooks/example-receiver.mjs
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = Buffer.from((process.env.WEBHOOK_SECRET ?? "").replace(/^whsec_/, ""), "base64");
const seen = new Set(); // use your case system's store in real life
const toleranceSeconds = 5 * 60;

function verified(headers, body) {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  const signatures = String(headers["webhook-signature"] ?? "").split(" ");
  if (!id || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.some((entry) => {
    const [version, value] = entry.split(",");
    const given = Buffer.from(value ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    if (!verified(request.headers, body)) {
      response.writeHead(401).end();
      return;
    }
    const id = request.headers["webhook-id"];
    if (!seen.has(id)) {
      const payload = JSON.parse(body);
      // Store it in your case system here, then remember the id.
      console.log(`${payload.type} ${payload.data.reference}`);
      seen.add(id);
    }
    response.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 8080));
