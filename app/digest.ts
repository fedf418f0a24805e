import type { Client } from '@elastic/elasticsearch';
import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../config/settings.ts';
import type { DigestContext, Mailer } from '../digest/index.ts';
import { ensureIndices } from '../indexer/ensure-indices.ts';
import type { AppContext } from './context.ts';
import { connectElasticsearch, loadValidConfig } from './services.ts';

/** Per-connection SMTP timeouts (ms): a stuck server fails the try instead of hanging the run. */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

/**
 * The nodemailer transport for the SMTP settings. One connection per message
 * (no pool), so a failed message never leaves a half-used connection behind.
 */
export function createSmtpMailer(smtp: SmtpSettings): Mailer {
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.auth === null ? {} : { auth: { user: smtp.auth.user, pass: smtp.auth.password } }),
    ...SMTP_TIMEOUTS,
  });
}

/**
 * Everything `sendWeeklyDigests` and `previewDigest` need, from the app's
 * settings: validated config, an Elasticsearch client (indices ensured) and
 * the SMTP transport when one is configured. The caller closes the client.
 */
export async function createDigestContext(app: AppContext): Promise<DigestContext & { client: Client }> {
  const { settings, logger } = app;
  const config = await loadValidConfig(settings);
  const client = await connectElasticsearch(settings, logger);
  await ensureIndices(client, settings.indexPrefix);
  return {
    client,
    indexPrefix: settings.indexPrefix,
    config,
    settings: settings.digest,
    defaultTimeZone: settings.timeZone,
    mailer: settings.smtp === null ? null : createSmtpMailer(settings.smtp),
    logger,
  };
}
