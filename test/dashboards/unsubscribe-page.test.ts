import { describe, expect, it } from 'vitest';
import { parseMultipartFields } from '../../dashboards/server/form-body.ts';
import { pageLanguage, renderUnsubscribePage } from '../../dashboards/server/unsubscribe-page.ts';

describe('the unsubscribe page language', () => {
  it("is the member's digest language when the member is known", () => {
    expect(pageLanguage('pl', 'en-US,en;q=0.9')).toBe('pl');
    expect(pageLanguage('ro', undefined)).toBe('ro');
  });

  it("is the browser's most preferred of en/ro/pl otherwise, by weight", () => {
    expect(pageLanguage(null, 'ro-RO,ro;q=0.9,en;q=0.8')).toBe('ro');
    expect(pageLanguage(null, 'de-DE, en;q=0.5, pl;q=0.7')).toBe('pl');
    expect(pageLanguage(null, 'pl;q=0, en')).toBe('en');
  });

  it('is English when nothing else fits', () => {
    expect(pageLanguage(null, 'de, fr;q=0.8')).toBe('en');
    expect(pageLanguage(null, undefined)).toBe('en');
    expect(pageLanguage('uk', '*')).toBe('en');
  });
});

describe('renderUnsubscribePage', () => {
  const style = '/assets/style-ABC.css';

  it('asks for confirmation with a plain form that POSTs the RFC 8058 body, no script', () => {
    const html = renderUnsubscribePage(
      {
        kind: 'confirm',
        email: 'ana@example.org',
        action: '/digest/unsubscribe?member=ana%40example.org&token=t',
      },
      'ro',
      style,
    );
    expect(html).toContain('<html lang="ro">');
    expect(html).toContain('Nu mai trimitem revista presei săptămânală la <strong>ana@example.org</strong>?');
    expect(html).toContain(
      '<form method="post" action="&#x2F;digest&#x2F;unsubscribe?member=ana%40example.org&amp;token=t">',
    );
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).toContain('<button type="submit">Dezabonare</button>');
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it('escapes the address it shows', () => {
    const html = renderUnsubscribePage({ kind: 'done', email: '"<b>x</b>"@example.org' }, 'en', style);
    expect(html).toContain(
      '<strong>&quot;&lt;b&gt;x&lt;&#x2F;b&gt;&quot;@example.org</strong> is unsubscribed',
    );
  });

  it('says in each language when a link is not valid', () => {
    expect(renderUnsubscribePage({ kind: 'bad-link' }, 'en', style)).toContain('link is not valid');
    expect(renderUnsubscribePage({ kind: 'bad-link' }, 'ro', style)).toContain('nu este valid');
    expect(renderUnsubscribePage({ kind: 'bad-link' }, 'pl', style)).toContain('jest nieprawidłowy');
  });
});

describe('parseMultipartFields', () => {
  it('reads the fields of a multipart/form-data body as mail clients send it', () => {
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      '',
      'One-Click',
      '--XyZ--',
      '',
    ].join('\r\n');
    const fields = parseMultipartFields(body, 'multipart/form-data; boundary=XyZ');
    expect(fields?.get('List-Unsubscribe')).toBe('One-Click');
  });

  it('accepts a quoted boundary and several parts', () => {
    const body =
      '--a b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--a b\r\ncontent-disposition: form-data; name="y"\r\n\r\n2\r\n--a b--\r\n';
    const fields = parseMultipartFields(body, 'multipart/form-data; boundary="a b"');
    expect([...(fields ?? [])]).toEqual([
      ['x', '1'],
      ['y', '2'],
    ]);
  });

  it('is null without a boundary or without parts', () => {
    expect(parseMultipartFields('List-Unsubscribe=One-Click', 'multipart/form-data')).toBeNull();
    expect(parseMultipartFields('nothing here', 'multipart/form-data; boundary=q')).toBeNull();
  });
});
