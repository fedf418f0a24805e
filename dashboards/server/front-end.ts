import { createHash } from 'node:crypto';
import path from 'node:path';
import { MissingPrerequisiteError } from '../../core/errors.ts';

/** One built file of the web page. */
export interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/** The bundled web page: its files by URL path, and the ones the page shell links. */
export interface FrontEnd {
  readonly assets: ReadonlyMap<string, Asset>;
  readonly scriptPath: string;
  readonly stylePath: string;
}

const WEB_ENTRY = path.resolve(import.meta.dirname, '../web/main.ts');
const STYLE_ENTRY = path.resolve(import.meta.dirname, '../web/styles.css');
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Bundles dashboards/web (plain TypeScript, uPlot) with esbuild, in memory, at
 * server start: nothing is written to the working tree, so a fresh clone runs
 * after `npm ci` alone. File names carry a content hash and are served as
 * immutable.
 * @throws MissingPrerequisiteError when esbuild is not installed.
 */
export async function buildFrontEnd(options: { readonly minify?: boolean } = {}): Promise<FrontEnd> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    throw new MissingPrerequisiteError('the dashboards need esbuild to build their page; run npm ci', {
      cause: error,
    });
  }
  const result = await esbuild.build({
    entryPoints: { app: WEB_ENTRY, style: STYLE_ENTRY },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    outdir: '/assets',
    entryNames: '[name]-[hash]',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const urlPath = `/assets/${path.basename(file.path)}`;
    const body = Buffer.from(file.contents);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(urlPath, {
      body,
      contentType: TYPES[path.extname(file.path)] ?? 'application/octet-stream',
      etag,
    });
  }
  const find = (extension: string): string => {
    const found = [...assets.keys()].find((name) => name.endsWith(extension));
    if (found === undefined) throw new Error(`dashboards: the build produced no ${extension} file`);
    return found;
  };
  return { assets, scriptPath: find('.js'), stylePath: find('.css') };
}

/**
 * The one HTML page every route serves: no inline script or style, no data;
 * the script fetches what the address asks for.
 */
export function pageShell(frontEnd: FrontEnd): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>pressmon</title>',
    `<link rel="stylesheet" href="${frontEnd.stylePath}">`,
    `<script type="module" src="${frontEnd.scriptPath}"></script>`,
    '</head>',
    '<body>',
    '<div id="app" aria-live="polite"></div>',
    '<noscript>pressmon needs JavaScript.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
