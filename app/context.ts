import { loadSettings, type Settings } from '../config/settings.ts';
import { createLogger, type Logger } from '../core/logger.ts';

/** What every command starts from: settings from the environment and one logger. */
export interface AppContext {
  readonly settings: Settings;
  readonly logger: Logger;
}

export function createContext(env: NodeJS.ProcessEnv = process.env): AppContext {
  const settings = loadSettings(env);
  return { settings, logger: createLogger(settings.logLevel) };
}
