import { describe, expect, it } from "vitest";
import { isConnectionFailure, numberPlaceholders } from "./postgres-database.server";

describe("PostgreSQL placeholders", () => {
  it("numbers each ? in order, leaving quoted text alone", () => {
    expect(numberPlaceholders("UPDATE t SET a = ?, b = 'what?' WHERE c = ? AND \"odd?\" = ?")).toBe("UPDATE t SET a = $1, b = 'what?' WHERE c = $2 AND \"odd?\" = $3");
    expect(numberPlaceholders("SELECT 1")).toBe("SELECT 1");
  });
});

describe("telling a lost database from a wrong query", () => {
  const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });
  it("treats refused connections, shutdowns and dropped sockets as unavailable", () => {
    expect(isConnectionFailure(withCode("ECONNREFUSED"))).toBe(true);
    expect(isConnectionFailure(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isConnectionFailure(withCode("08006"))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("leaves constraint and syntax errors alone", () => {
    expect(isConnectionFailure(withCode("23505"))).toBe(false);
    expect(isConnectionFailure(withCode("42601"))).toBe(false);
    expect(isConnectionFailure(withCode("08P01", "bind message supplies 2 parameters, but prepared statement requires 3"))).toBe(false);
    expect(isConnectionFailure(withCode("ERR_INVALID_ARG_TYPE"))).toBe(false);
    expect(isConnectionFailure("text")).toBe(false);
  });
});
