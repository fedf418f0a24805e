import type { Client } from '@elastic/elasticsearch';
import type { Settings } from '../../config/settings.ts';
import type { PressmonConfig } from '../../config/types.ts';
import type { Logger } from '../../core/logger.ts';

/** What the dashboards need from their host: injected, never created here. */
export interface DashboardDeps {
  readonly client: Client;
  readonly settings: Settings;
  readonly config: PressmonConfig;
  readonly logger: Logger;
}

/** A user as the API knows them after authentication. */
export interface AuthenticatedUser {
  readonly name: string;
  readonly email: string | null;
  readonly via: 'session' | 'token';
}

/** The user name requests made with the API token act as (saved searches' owner). */
export const API_TOKEN_USER = 'api-token';
