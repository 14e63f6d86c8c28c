// A small static file server for the built app in dist/ (node:http, no dependencies).
//
//   import { startServer } from './server.mjs';
//   const server = await startServer({ root: 'dist', headers: { 'Content-Security-Policy': '…' } });
//   … server.url …
//   await server.close();
//
// Or by hand: `node tests/e2e/server.mjs [--port 8081] [--root dist] [--gzip]`.
// It listens on 127.0.0.1 only, on an ephemeral port unless one is given.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(REPO_ROOT, 'dist');

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Starts serving `root` on 127.0.0.1.
 * @param {{root?: string, port?: number, headers?: Record<string, string>, gzip?: boolean}} [options]
 *   headers: extra response headers on every response (e.g. a Content-Security-Policy).
 *   gzip: send compressible files gzip-encoded (level 9, as the size check measures) when the
 *   request accepts it, the way a static host would; the benchmarks load through both.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
/** File types a static host would compress. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

export async function startServer({ root = DIST, port = 0, headers = {}, gzip = false } = {}) {
  const base = resolve(root);
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      send(400, 'bad request\n');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      send(403, 'forbidden\n');
      return;
    }
    try {
      const info = await stat(file);
      // A page's folder without its slash (/taller): redirect, as static hosts do, so the
      // page's relative addresses resolve inside it.
      if (info.isDirectory()) {
        const url = new URL(request.url, 'http://localhost');
        send(301, 'moved\n', 'text/plain; charset=utf-8', { Location: `${url.pathname}/${url.search}` });
        return;
      }
      if (!info.isFile()) throw new Error('not a file');
      const extension = extname(file).toLowerCase();
      const type = MIME_TYPES[extension] ?? 'application/octet-stream';
      const body = await readFile(file);
      if (gzip && COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        send(200, compressed.get(file), type, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      } else {
        send(200, body, type);
      }
    } catch {
      send(404, 'not found\n');
    }
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', resolveListen);
  });
  const actualPort = server.address().port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections?.();
        server.close(() => resolveClose());
      }),
  };
}

// `node tests/e2e/server.mjs [--port N] [--root DIR] [--gzip]` (`make serve` gzips, as a
// static host would, so the app arrives at the size the budget measures).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
  };
  const server = await startServer({
    root: argument('--root', DIST),
    port: Number(argument('--port', '0')),
    gzip: process.argv.includes('--gzip'),
  });
  const gzip = process.argv.includes('--gzip') ? ', gzip-encoded' : '';
  console.log(`serving ${argument('--root', DIST)} at ${server.url}${gzip} (Ctrl-C stops)`);
}
