import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import { mailboxesFor, type RoutingFacts } from "./routing";

const council = councilSettingsSchema.parse(exampleCouncil);
const route = (facts: Partial<RoutingFacts>) =>
  mailboxesFor(council.routing, council.fallbackMailbox, { kind: "complaint", service: null, flags: [], ...facts });

describe("the default routing rules", () => {
  it("send children's social care complaints to the children's complaints mailbox", () => {
    expect(route({ service: "childrens-social-care" })).toEqual(["childrensComplaints"]);
  });
  it("send public health complaints to the public health mailbox", () => {
    expect(route({ service: "public-health" })).toEqual(["publicHealthComplaints"]);
  });
  it("send complaints about an unknown service to the standards team", () => {
    expect(route({ service: "not-sure" })).toEqual(["standardsTeam"]);
  });
  it("also send every advocate request to the advocacy service", () => {
    expect(route({ service: "childrens-social-care", flags: ["advocate"] })).toEqual(["childrensComplaints", "advocacy"]);
    expect(route({ kind: "advocate", flags: ["advocate"] })).toEqual(["advocacy", "childrensComplaints"]);
  });
  it("also send every request for another format to accessible communications", () => {
    expect(route({ service: "public-health", flags: ["another-format", "late"] })).toEqual(["publicHealthComplaints", "accessibleCommunications"]);
    expect(route({ kind: "other-format", flags: ["another-format"] })).toEqual(["accessibleCommunications"]);
  });
  it("send compliments to the standards team", () => {
    expect(route({ kind: "compliment", service: "childrens-social-care" })).toEqual(["standardsTeam"]);
  });
  it("send escalations to the service's complaints mailbox", () => {
    expect(route({ kind: "escalate", service: "public-health", flags: ["escalation"] })).toEqual(["publicHealthComplaints"]);
  });
  it("never send anything nowhere", () => {
    expect(mailboxesFor([], "standardsTeam", { kind: "complaint", service: null, flags: [] })).toEqual(["standardsTeam"]);
  });
});

describe("routing configuration", () => {
  it("stops on a rule naming an unknown mailbox, naming the rule", () => {
    const result = councilSettingsSchema.safeParse({ ...exampleCouncil, routing: [{ name: "x", when: {}, to: ["nobody"] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["routing", 0, "to", 0]);
    expect(result.error?.issues[0]?.message).toContain("nobody");
  });
});
