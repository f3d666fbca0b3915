// The database of the portal this test's project runs against: SQLite for the "sqlite" project, PostgreSQL for
// the "postgres" one. Global setup names both in the environment.
import { test } from "@playwright/test";
import type { Database } from "../../../app/services/database.server";
import { withDatabase } from "../../support/test-databases";

export function portalDatabaseUrl(): string {
  const name = test.info().project.name === "postgres" ? "E2E_DATABASE_URL_POSTGRES" : "E2E_DATABASE_URL_SQLITE";
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: the tests' global setup names it`);
  return url;
}

export function withPortalDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  return withDatabase(portalDatabaseUrl(), work);
}
