// The configuration for a command (npm run case, outbox, purge, rotate-key, migrate): a wrong setting is the same one line
// `npm start` gives, naming the setting, and exit code 1, not a stack trace.
import { ConfigError, loadConfig, type AppConfig } from "~/config/config.server";

export function loadCommandConfig(warn?: (message: string) => void): AppConfig {
  try {
    return warn ? loadConfig(process.env, warn) : loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
