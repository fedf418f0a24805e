import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../crawlers/decode-body.ts';

const ROMANIAN = 'Refugiații și migranții în România: ăâîșț ĂÂÎȘȚ';
const POLISH = 'Uchodźcy w Łodzi: zażółć gęślą jaźń';
const RUSSIAN = 'Беженцы из Украины получили временную защиту';

describe('decodeBody', () => {
  it('uses the charset of the Content-Type header (windows-1251)', () => {
    const bytes = iconv.encode(`<html><body>${RUSSIAN}</body></html>`, 'windows-1251');
    const decoded = decodeBody(bytes, 'text/html; charset=windows-1251');
    expect(decoded).toMatchObject({ charset: 'windows-1251', source: 'header' });
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('falls back to <meta http-equiv> and <meta charset> (windows-1250, ISO-8859-2)', () => {
    const httpEquiv = iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head><body>${POLISH}</body></html>`,
      'windows-1250',
    );
    expect(decodeBody(httpEquiv, 'text/html')).toMatchObject({ charset: 'windows-1250', source: 'meta' });
    expect(decodeBody(httpEquiv, 'text/html').text).toContain(POLISH);

    const metaCharset = iconv.encode(
      `<html><head><meta charset="ISO-8859-2"></head><body>${POLISH}</body></html>`,
      'iso-8859-2',
    );
    expect(decodeBody(metaCharset, undefined).text).toContain(POLISH);
  });

  it('reads KOI8-R and an XML declaration', () => {
    const xml = iconv.encode(
      `<?xml version="1.0" encoding="KOI8-R"?><rss><title>${RUSSIAN}</title></rss>`,
      'koi8-r',
    );
    expect(decodeBody(xml, 'application/xml')).toMatchObject({
      charset: 'koi8-r',
      source: 'xml-declaration',
    });
    expect(decodeBody(xml, 'application/xml').text).toContain(RUSSIAN);
  });

  it('lets a byte-order mark win and strips it; defaults to UTF-8', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROMANIAN, 'utf8')]);
    expect(decodeBody(withBom, 'text/html; charset=iso-8859-1')).toEqual({
      text: ROMANIAN,
      charset: 'utf-8',
      source: 'bom',
    });
    expect(decodeBody(Buffer.from(ROMANIAN, 'utf8'), 'text/html')).toEqual({
      text: ROMANIAN,
      charset: 'utf-8',
      source: 'default',
    });
  });

  it('ignores an unknown charset label', () => {
    expect(decodeBody(Buffer.from(ROMANIAN), 'text/html; charset=x-unknown-9')).toMatchObject({
      text: ROMANIAN,
      source: 'default',
    });
  });
});
