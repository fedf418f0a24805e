import type { Logger } from '../../core/logger.ts';

/**
 * Builds and installs pressmon's analysis plugin into `<esHome>/plugins`
 * (analysis-plugin.ts). Loaded lazily so that PRESSMON_ES_SKIP_PLUGIN=1, or a
 * node that is already running, never loads the plugin build.
 */
export async function installAnalysisPlugin(options: {
  esHome: string;
  esVersion: string;
  jdkHome: string;
  cacheDir: string;
  logger: Logger;
}): Promise<void> {
  const { ensureAnalysisPlugin } = await import('./analysis-plugin.ts');
  await ensureAnalysisPlugin(options);
}
