import { describe, expect, it } from 'vitest';
import { describeSmtp, loadSettings } from '../../config/settings.ts';
import { ConfigError } from '../../core/errors.ts';
import { classifySmtpFailure } from '../../digest/smtp-failure.ts';

const smtpError = (fields: { code?: string; responseCode?: number }): Error =>
  Object.assign(new Error('smtp'), fields);

describe('classifySmtpFailure', () => {
  it('retries 4xx answers and connection trouble, not 5xx, and stops the run on authentication', () => {
    expect(classifySmtpFailure(smtpError({ code: 'EENVELOPE', responseCode: 451 }))).toBe('transient');
    expect(classifySmtpFailure(smtpError({ code: 'ECONNECTION' }))).toBe('transient');
    expect(classifySmtpFailure(smtpError({ code: 'ETIMEDOUT' }))).toBe('transient');
    expect(classifySmtpFailure(smtpError({ code: 'EENVELOPE', responseCode: 550 }))).toBe('permanent');
    expect(classifySmtpFailure(smtpError({ code: 'EMESSAGE', responseCode: 552 }))).toBe('permanent');
    expect(classifySmtpFailure(smtpError({ code: 'EAUTH', responseCode: 535 }))).toBe('fatal');
    expect(classifySmtpFailure(new TypeError('undefined is not a function'))).toBe('unknown');
  });
});

describe('SMTP and digest settings', () => {
  it('has no SMTP server until one is set, and digest defaults', () => {
    const settings = loadSettings({});
    expect(settings.smtp).toBeNull();
    expect(settings.digest).toEqual({
      from: 'pressmon <digest@localhost>',
      publicUrl: 'http://localhost:8080',
      unsubscribeSecret: null,
      unsubscribeMailto: 'digest@localhost',
      minRelevance: 2,
    });
  });

  it('reads PRESSMON_SMTP_URL with percent-encoded credentials and never prints the password', () => {
    const settings = loadSettings({
      PRESSMON_SMTP_URL: 'smtps://digest%40ngo.org:s3cr%2Ft@mail.ngo.org',
      PRESSMON_PUBLIC_URL: 'https://pressmon.ngo.org/',
    });
    expect(settings.smtp).toEqual({
      host: 'mail.ngo.org',
      port: 465,
      secure: true,
      auth: { user: 'digest@ngo.org', password: 's3cr/t' },
    });
    expect(describeSmtp(settings.smtp)).toBe('smtps://digest@ngo.org:***@mail.ngo.org:465');
    expect(settings.digest.publicUrl).toBe('https://pressmon.ngo.org');
  });

  it('reads host, port, user and password settings, and names a wrong one', () => {
    const settings = loadSettings({
      PRESSMON_SMTP_HOST: 'smtp.example.org',
      PRESSMON_SMTP_USER: 'u',
      PRESSMON_SMTP_PASSWORD: 'p',
    });
    expect(settings.smtp).toEqual({
      host: 'smtp.example.org',
      port: 587,
      secure: false,
      auth: { user: 'u', password: 'p' },
    });
    expect(() => loadSettings({ PRESSMON_SMTP_HOST: 'h', PRESSMON_SMTP_USER: 'u' })).toThrow(ConfigError);
    expect(() => loadSettings({ PRESSMON_SMTP_URL: 'http://x' })).toThrow(
      'must start with smtp:// or smtps://',
    );
    expect(() => loadSettings({ PRESSMON_DIGEST_MIN_RELEVANCE: '-1' })).toThrow(
      'PRESSMON_DIGEST_MIN_RELEVANCE',
    );
  });
});
