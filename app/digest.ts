import type { Client } from '@elastic/elasticsearch';
import nodemailer from 'nodemailer';
import type { SmtpSettings } from '../config/settings.ts';
import type { PressmonConfig } from '../config/types.ts';
import { type DigestContext, type DigestRunReport, type Mailer, sendWeeklyDigests } from '../digest/index.ts';
import { ensureIndices } from '../indexer/ensure-indices.ts';
import type { AppContext } from './context.ts';
import type { SendWeeklyDigests } from './run-scheduler.ts';
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
 * the SMTP transport when one is configured; a config and client the caller
 * already has are reused. The caller closes the client.
 */
export async function createDigestContext(
  app: AppContext,
  ready: { readonly config?: PressmonConfig; readonly client?: Client } = {},
): Promise<DigestContext & { client: Client }> {
  const { settings, logger } = app;
  const config = ready.config ?? (await loadValidConfig(settings));
  const client = ready.client ?? (await connectElasticsearch(settings, logger));
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

/**
 * The scheduler's weekly digest job (app/run-scheduler.ts SendWeeklyDigests)
 * on top of digest/: sends the week's digest to each member of one time zone
 * in turn, each run idempotent per (member, week) by the digests' records.
 * A week another run holds the lock of counts as failed, so the job is tried
 * again; the members' records keep a retry from sending twice.
 */
export function scheduledDigestSender(context: DigestContext): SendWeeklyDigests {
  return async (week, { memberEmails, signal, logger }) => {
    const reports: DigestRunReport[] = [];
    for (const memberEmail of memberEmails) {
      if (signal.aborted) break;
      reports.push(await sendWeeklyDigests({ ...context, logger }, { week, memberEmail }));
    }
    const statuses = reports.map((report) => report.status);
    const status =
      statuses.length < memberEmails.length || statuses.includes('failed') || statuses.includes('locked')
        ? statuses.includes('ok') || statuses.includes('partial')
          ? 'partial'
          : 'failed'
        : statuses.includes('partial')
          ? 'partial'
          : 'ok';
    return {
      status,
      runs: reports.map(({ runId, status: runStatus, counts }) => ({ runId, status: runStatus, counts })),
    };
  };
}
