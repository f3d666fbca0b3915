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

  it("sign with every secret during a rotation, and either secret verifies", () => {
    const other = "whsec_" + Buffer.alloc(32, 7).toString("base64");
    const header = signatureHeader([other, vector.secret], vector.id, vector.timestamp, vector.body);
    expect(header.split(" ")).toHaveLength(2);
    const headers = { id: vector.id, timestamp: String(vector.timestamp), signature: header };
    expect(verify(vector.secret, headers, vector.body, vector.timestamp)).toBe(true);
    expect(verify(other, headers, vector.body, vector.timestamp)).toBe(true);
  });
});
