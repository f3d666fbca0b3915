import { describe, expect, it } from "vitest";
import { sign, signatureHeader, verify } from "./webhook-signature.server";

// The published test vector from the Standard Webhooks specification's reference libraries.
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("Standard Webhooks signatures", () => {
  it("match the specification's test vector", () => {
    expect(sign(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
  });

  it("verify as a receiver would, and fail when anything changes", () => {
    const headers = { id: vector.id, timestamp: String(vector.timestamp), signature: vector.signature };
    expect(verify(vector.secret, headers, vector.body, vector.timestamp)).toBe(true);
    expect(verify(vector.secret, headers, `${vector.body} `, vector.timestamp)).toBe(false);
    expect(verify(vector.secret, { ...headers, id: "msg_other" }, vector.body, vector.timestamp)).toBe(false);
    expect(verify(vector.secret, headers, vector.body, vector.timestamp + 301)).toBe(false);
  });

  it("take a timestamp only as digits and a signature only as base64, signed as they were sent", () => {
    const headers = { id: vector.id, timestamp: String(vector.timestamp), signature: vector.signature };
    // Each of these reads as the same number, and a lenient receiver would check the signature over that number.
    const hex = `0x${vector.timestamp.toString(16)}`;
    for (const timestamp of [hex, `${vector.timestamp}.0`, "1.61426533e9", ` ${vector.timestamp}`, `+${vector.timestamp}`]) {
      expect(verify(vector.secret, { ...headers, timestamp, signature: sign(vector.secret, vector.id, Number(timestamp), vector.body) }, vector.body, vector.timestamp), timestamp).toBe(false);
    }
    // Node's base64 reading skips what is not base64; the signature must be nothing else.
    for (const signature of [`${vector.signature}!!!`, vector.signature.replace("+", "+ "), `${vector.signature},v1`]) {
      expect(verify(vector.secret, { ...headers, signature }, vector.body, vector.timestamp), signature).toBe(false);
    }
  });

  it("sign with every secret during a rotation, and either secret verifies", () => {
    const other = "whsec_" + Buffer.alloc(32, 7).toString("base64");
    const header = signatureHeader([other, vector.secret], vector.id, vector.timestamp, vector.body);
    expect(header.split(" ")).toHaveLength(2);
    const headers = { id: vector.id, timestamp: String(vector.timestamp), signature: header };
    expect(verify(vector.secret, headers, vector.body, vector.timestamp)).toBe(true);
    expect(verify(other, headers, vector.body, vector.timestamp)).toBe(true);
  });
});
