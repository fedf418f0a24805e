import type { Command } from 'commander';
import { printJson, printLine } from '../output.ts';

interface PreviewOptions {
  member: string;
  week?: string;
  out?: string;
  json?: boolean;
}

interface SendOptions {
  week?: string;
  member?: string;
  dryRun?: boolean;
  json?: boolean;
}

interface ResubscribeOptions {
  member: string;
  json?: boolean;
}

interface UnsubscribedOptions {
  all?: boolean;
  json?: boolean;
}

/** `pressmon digest preview|send|unsubscribed|resubscribe` (README "Weekly digests"). */
export function registerDigestCommands(program: Command): void {
  const digest = program.command('digest').description('weekly digest emails for coalition members');
  digest
    .command('preview')
    .description('write one member digest (HTML and text) to files, without sending or recording')
    .requiredOption('--member <email>', 'the member (an address from members.yaml)')
    .option('--week <YYYY-Www>', 'ISO week (default: the week that just ended)')
    .option('--out <dir>', 'folder for the files', 'digest-preview')
    .option('--json', 'print the file names and counts as JSON')
    .action(async (options: PreviewOptions) => {
      const { writeFile, mkdir } = await import('node:fs/promises');
      const path = await import('node:path');
      const { createContext } = await import('../../app/context.ts');
      const { createDigestContext } = await import('../../app/digest.ts');
      const { previewDigest } = await import('../../digest/index.ts');
      const context = await createDigestContext(createContext());
      try {
        const preview = await previewDigest(context, {
          memberEmail: options.member,
          ...(options.week === undefined ? {} : { week: options.week }),
        });
        const out = path.resolve(options.out ?? 'digest-preview');
        await mkdir(out, { recursive: true });
        const base = path.join(out, `${preview.week}-${options.member.replace(/[^A-Za-z0-9._-]+/g, '_')}`);
        const files = { html: `${base}.html`, text: `${base}.txt` };
        await writeFile(files.html, preview.message.html, 'utf8');
        await writeFile(files.text, preview.message.text, 'utf8');
        const summary = {
          week: preview.week,
          member: options.member,
          subject: preview.message.subject,
          stories: preview.model.summary.stories,
          articles: preview.model.summary.articles,
          htmlBytes: preview.message.htmlBytes,
          headers: preview.message.headers,
          files,
        };
        if (options.json) {
          printJson(summary);
          return;
        }
        printLine(`${summary.subject}`);
        printLine(
          `${summary.stories} stories from ${summary.articles} articles, HTML ${summary.htmlBytes} bytes`,
        );
        printLine(`wrote ${files.html}`);
        printLine(`wrote ${files.text}`);
      } finally {
        await context.client.close();
      }
    });

  digest
    .command('send')
    .description("compose and send the week's digests, once per member and week (--dry-run prints counts)")
    .option('--week <YYYY-Www>', 'ISO week (default: the week that just ended)')
    .option('--member <email>', 'only this member')
    .option('--dry-run', 'compose for everyone, send and record nothing')
    .option('--json', 'print the run report as JSON')
    .action(async (options: SendOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { createDigestContext } = await import('../../app/digest.ts');
      const { sendWeeklyDigests } = await import('../../digest/index.ts');
      const context = await createDigestContext(createContext());
      try {
        const report = await sendWeeklyDigests(context, {
          dryRun: options.dryRun === true,
          ...(options.week === undefined ? {} : { week: options.week }),
          ...(options.member === undefined ? {} : { memberEmail: options.member }),
        });
        if (options.json) printJson(report);
        else {
          const counts = Object.entries(report.counts)
            .map(([outcome, count]) => `${outcome} ${count}`)
            .join(', ');
          printLine(
            `digest ${report.week}${report.dryRun ? ' (dry run)' : ''}: ${report.members.length} members: ${counts || 'none'}`,
          );
          for (const member of report.members) {
            const detail = member.error === null ? '' : ` (${member.error})`;
            printLine(
              `  ${member.email} [${member.language}] ${member.outcome}: ${member.stories} stories, ${member.articles} articles${detail}`,
            );
          }
          if (report.stoppedBecause !== null) printLine(`stopped: ${report.stoppedBecause}`);
        }
        if (report.status !== 'ok') {
          process.stderr.write(
            `pressmon: digest ${report.week}: ${report.status}${report.stoppedBecause === null ? '' : ` (${report.stoppedBecause})`}\n`,
          );
          process.exitCode = 1;
        }
      } finally {
        await context.client.close();
      }
    });

  digest
    .command('unsubscribed')
    .description('list the members who unsubscribed from the digest (one-click link or its page)')
    .option('--all', 'also the members an admin has resubscribed')
    .option('--json', 'print the records as JSON')
    .action(async (options: UnsubscribedOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch } = await import('../../app/services.ts');
      const { listUnsubscriptions } = await import('../../indexer/unsubscriptions.ts');
      const { settings, logger } = createContext();
      const client = await connectElasticsearch(settings, logger);
      try {
        const records = await listUnsubscriptions(client, settings.indexPrefix, {
          includeResubscribed: options.all === true,
        });
        if (options.json) {
          printJson(records);
          return;
        }
        if (records.length === 0) printLine('no member has unsubscribed');
        for (const record of records) {
          const resubscribed =
            record.status === 'resubscribed' ? `, resubscribed ${record.resubscribedAt ?? ''}` : '';
          printLine(
            `${record.member}: unsubscribed ${record.unsubscribedAt} (${record.method})${resubscribed}`,
          );
        }
      } finally {
        await client.close();
      }
    });

  digest
    .command('resubscribe')
    .description('send the digest again to a member who unsubscribed (an admin decision)')
    .requiredOption('--member <email>', 'the address that unsubscribed')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: ResubscribeOptions) => {
      const { createContext } = await import('../../app/context.ts');
      const { connectElasticsearch } = await import('../../app/services.ts');
      const { resubscribeMember } = await import('../../indexer/unsubscriptions.ts');
      const { settings, logger } = createContext();
      const client = await connectElasticsearch(settings, logger);
      try {
        const result = await resubscribeMember(client, settings.indexPrefix, {
          member: options.member,
          now: new Date().toISOString(),
        });
        if (options.json) printJson(result);
        else if (result.ok) {
          printLine(`${result.unsubscription.member} is subscribed again: the next digest run sends to it`);
        } else {
          // Nothing to undo is not a failure: the member gets digests either way.
          printLine(`${options.member.trim().toLowerCase()} was not unsubscribed: nothing changed`);
        }
      } finally {
        await client.close();
      }
    });
}
