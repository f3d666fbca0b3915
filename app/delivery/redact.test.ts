import { describe, expect, it } from "vitest";
import { redactRemoteText } from "./redact";

describe("redactRemoteText", () => {
  it("keeps the shape of a mail server's refusal but not the address it quotes", () => {
    const text = "SMTP 550: 550 5.1.1 <jamie.young@example.com>: Recipient address rejected: User unknown in virtual mailbox table";
    const redacted = redactRemoteText(text);
    expect(redacted).not.toContain("jamie.young");
    expect(redacted).toContain("SMTP 550");
    expect(redacted).toContain("Recipient address rejected");
  });
  it("hides bare addresses, phone numbers, quoted words and anything it is told to", () => {
    const redacted = redactRemoteText("550 no such user jamie@example.org; call 07700 900982 or +44 (0)20 7946 0999; rejected 'My foster carer reads my emails' from Jamie Young", ["Jamie Young"]);
    for (const personal of ["jamie@example.org", "07700 900982", "7946 0999", "My foster carer", "Jamie Young"]) expect(redacted).not.toContain(personal);
    expect(redacted).toContain("550");
  });
  it("keeps status codes, ports and short numbers that say what went wrong", () => {
    expect(redactRemoteText("HTTP 503")).toBe("HTTP 503");
    expect(redactRemoteText("ECONNREFUSED 127.0.0.1:2525")).toContain("2525");
  });
});
