// A private copy of dist/ for a benchmark run: other work on the machine may rebuild dist/
// (new hashed file names) while a benchmark is loading it, which would break or skew a run.

import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from '../e2e/server.mjs';

/** Copies dist/ to a temporary folder; returns its path, the wasm's name and a remover. */
export async function snapshotDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html missing: build the app first (`make build`)');
  }
  const root = await mkdtemp(join(tmpdir(), 'umbral-dist-'));
  await cp(DIST, root, { recursive: true });
  // The app's own module (the pack checker's, umbral-packs_bg.wasm, sits beside it).
  const wasm = (await readdir(root)).find((name) => /^umbral-web-.*_bg\.wasm$/.test(name)) ?? '(no wasm)';
  return { root, wasm, remove: () => rm(root, { recursive: true, force: true }) };
}
