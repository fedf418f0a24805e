import { ConfigError } from '../../core/errors.ts';

/** Switches of the embedded node read from the environment (beyond Settings). */
export interface LocalNodeEnv {
  /** PRESSMON_ES_VERSION: run exactly this version instead of the newest of the client's major. */
  readonly versionOverride: string | undefined;
  /** PRESSMON_ES_SKIP_PLUGIN=1: do not build/install the analysis plugin (for diagnosis). */
  readonly skipPlugin: boolean;
  /** PRESSMON_ES_TRANSPORT_PORT: default HTTP port + 100. */
  readonly transportPort: number | undefined;
}

/** Reads the embedded node's switches; pure. */
export function readLocalNodeEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalNodeEnv {
  const transport = env.PRESSMON_ES_TRANSPORT_PORT;
  let transportPort: number | undefined;
  if (transport !== undefined && transport !== '') {
    transportPort = Number(transport);
    if (!Number.isInteger(transportPort) || transportPort < 1 || transportPort > 65_535) {
      throw new ConfigError(`PRESSMON_ES_TRANSPORT_PORT must be a port number (1-65535), got "${transport}"`);
    }
  }
  return {
    versionOverride: env.PRESSMON_ES_VERSION,
    skipPlugin: env.PRESSMON_ES_SKIP_PLUGIN === '1' || env.PRESSMON_ES_SKIP_PLUGIN === 'true',
    transportPort,
  };
}
