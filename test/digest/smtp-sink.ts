import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the in-process SMTP server accepted, parsed by mailparser. */
export interface ReceivedMail {
  readonly envelopeTo: readonly string[];
  readonly parsed: ParsedMail;
}

/** An SMTP answer to a recipient: `null` accepts it. */
export type RcptAnswer = { readonly code: number; readonly message: string } | null;

/**
 * A real SMTP server on a random local port (smtp-server), for tests: it
 * keeps every message it accepts, parsed, and answers RCPT TO as `answer` says
 * (to play a greylisting 451 or a 550 unknown mailbox).
 */
export interface SmtpSink {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** RCPT TO commands seen per address (accepted or not). */
  readonly rcptCount: Map<string, number>;
  answer: (address: string, attempt: number) => RcptAnswer;
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const rcptCount = new Map<string, number>();
  const sink: SmtpSink = {
    port: 0,
    received,
    rcptCount,
    answer: () => null,
    to: (address) => received.filter((mail) => mail.envelopeTo.includes(address.toLowerCase())),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const email = address.address.toLowerCase();
      const attempt = (rcptCount.get(email) ?? 0) + 1;
      rcptCount.set(email, attempt);
      const answer = sink.answer(email, attempt);
      if (answer === null) return callback();
      const error = Object.assign(new Error(answer.message), { responseCode: answer.code });
      return callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            parsed,
          });
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  Object.assign(sink, { port: (server.server.address() as AddressInfo).port });
  return sink;
}
