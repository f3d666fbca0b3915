import { describe, expect, it } from "vitest";
import { councilSettingsSchema } from "~/config/council-schema";
import { exampleCouncil } from "~/config/example-council";
import type { RoutingFlag } from "~/journeys/flags";
import { journeyById } from "~/journeys/journeys";
import { planDeliveries } from "./plan-deliveries";
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
  it("also send every advocate request to the advocacy service, and every urgent one to the duty manager, whatever the rules say", () => {
    const staff = (kind: string, service: string | null, flags: RoutingFlag[], rules = council.routing) =>
      planDeliveries({ ...council, routing: rules }, [], journeyById(kind)!, { service, flags, answers: {} }).filter((job) => job.kind === "staff-email").map((job) => job.target);
    expect(staff("complaint", "childrens-social-care", ["advocate"])).toEqual(["advocacy", "childrensComplaints"]);
    expect(staff("advocate", null, ["advocate"])).toEqual(["advocacy", "childrensComplaints"]);
    expect(staff("complaint", "public-health", ["urgent", "advocate"])).toEqual(["dutyManager", "advocacy", "publicHealthComplaints"]);
    // With no rule for it at all: the advocacy service still hears, as the person is told it has.
    expect(staff("complaint", "childrens-social-care", ["advocate"], [{ name: "everything", when: {}, to: ["standardsTeam"] }])).toEqual(["advocacy", "standardsTeam"]);
    expect(staff("complaint", "childrens-social-care", [])).toEqual(["childrensComplaints"]);
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
  it("stops on an advocacy mailbox that is not one of the mailboxes", () => {
    const result = councilSettingsSchema.safeParse({ ...exampleCouncil, advocacyMailbox: "advocates" });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[["advocacyMailbox"], 'unknown mailbox "advocates"']]);
  });
});
