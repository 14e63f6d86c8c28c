// dist/ served the way a static host would serve it: like tests/e2e/server.mjs (127.0.0.1,
// no-store, same content types) but with `Content-Encoding: gzip` (level 9, as the size check
// measures) on every file whose type compresses, when the request accepts gzip.
//
// The test server sends files as they are on disk, so a load through it moves about 700 KB
// instead of the ~260 KB a compressing host moves. The load benchmarks run against both.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, MIME_TYPES } from '../e2e/server.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/** @returns {Promise<{url: string, port: number, close: () => Promise<void>}>} */
export async function startGzipServer({ root = DIST, port = 0 } = {}) {
  const base = resolve(root);
  const cache = new Map();
  const server = createServer(async (request, response) => {
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Vary: 'Accept-Encoding' };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400, headers).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base + sep) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const extension = extname(file).toLowerCase();
      let body = await readFile(file);
      headers['Content-Type'] = MIME_TYPES[extension] ?? 'application/octet-stream';
      if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!cache.has(file)) cache.set(file, gzipSync(body, { level: 9 }));
        body = cache.get(file);
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, headers).end();
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
