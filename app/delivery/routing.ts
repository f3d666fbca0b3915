// Routing rules decide which team mailboxes receive a submission; the council configures them.
import type { RoutingRule } from "~/config/council-schema";
import type { RoutingFlag } from "~/journeys/flags";

export interface RoutingFacts {
  /** The journey's id. */
  kind: string;
  service: string | null;
  flags: readonly RoutingFlag[];
}

export function ruleMatches(rule: RoutingRule, facts: RoutingFacts): boolean {
  const { types, services, flags } = rule.when;
  if (types && !types.includes(facts.kind)) return false;
  if (services && (facts.service === null || !services.includes(facts.service))) return false;
  if (flags && !flags.every((flag) => facts.flags.includes(flag))) return false;
  return true;
}

/** Every mailbox of every matching rule, once each, in rule order; the fallback when nothing matches. */
export function mailboxesFor(rules: readonly RoutingRule[], fallback: string, facts: RoutingFacts): string[] {
  const names = rules.filter((rule) => ruleMatches(rule, facts)).flatMap((rule) => rule.to);
  const unique = [...new Set(names)];
  return unique.length ? unique : [fallback];
}
