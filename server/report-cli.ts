// `npm run report -- --year 2025 [--suppress-below N] [--pdf] [--out DIR]`: the statutory annual report, from the
// anonymous records in the database DATABASE_URL names, with the council's names from COUNCIL_CONFIG.
// Exit codes: 0 written, 2 bad input (nothing read or written), 1 anything else (nothing written).
import { existsSync } from "node:fs";
import { parseReportArguments, ReportError, reportUsage, writeReport } from "~/annual-report/report-command.server";
import { printReportPdf } from "~/annual-report/report-pdf.server";
import { loadReportInput, markQuotationsReported } from "~/annual-report/report-source.server";
import { reportTimetable } from "~/cases/timetable";
import { loadReadOnlyConfig } from "~/config/config.server";
import { councilIn } from "~/config/council-schema";
import { Sealer } from "~/services/encryption.server";
import { isPostgresUrl, openDatabaseUrl, sqliteFileFromUrl } from "~/services/database.server";
import { checkSchema } from "~/services/migrations.server";
import { londonDate } from "~/working-days";

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim();

async function markReported(databaseUrl: string, period: { from: string; to: string }): Promise<void> {
  const db = openDatabaseUrl(databaseUrl, { poolSize: 1 });
  try {
    await markQuotationsReported(db, period, Date.now());
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const today = londonDate(new Date());
  const parsed = parseReportArguments(argv, today);
  if (parsed.kind === "help") {
    console.log(reportUsage);
    return 0;
  }
  if (parsed.kind === "problem") {
    console.error(`report: ${parsed.message}`);
    return 2;
  }
  let config;
  try {
    config = loadReadOnlyConfig(process.env);
  } catch (error) {
    console.error(`report: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
  const databaseUrl = config.env.DATABASE_URL;
  try {
    const { written, smallNumbersNote } = await writeReport(parsed.options, {
      // The report is written in English, as the council publishes it.
      council: { councilName: councilIn(config.council, "en").councilName, serviceName: councilIn(config.council, "en").serviceName },
      timetable: reportTimetable(config.council.timetable),
      today,
      printPdf: printReportPdf,
      loadReportInput: async (period) => {
        // Reading must not make an empty SQLite file where the portal has never run.
        if (!isPostgresUrl(databaseUrl) && !existsSync(sqliteFileFromUrl(databaseUrl))) {
          throw new Error(`there is no database at ${sqliteFileFromUrl(databaseUrl)}: start the portal once (npm start), or set DATABASE_URL`);
        }
        const db = openDatabaseUrl(databaseUrl, { poolSize: 1 });
        try {
          await checkSchema(db);
          return await loadReportInput(db, config.keyring ? new Sealer(config.keyring) : null, config.council.timetable, period);
        } finally {
          await db.close();
        }
      },
    });
    // The quotations this report used have served their purpose: from now they go with the rest of the personal data.
    await markReported(databaseUrl, parsed.options.period);
    console.log(`Wrote ${written.join(", ")}`);
    if (smallNumbersNote) console.log(`Note: ${smallNumbersNote}`);
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      console.error(`report: ${oneLine(error.message)}`);
      return error.exitCode;
    }
    console.error(`report: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
