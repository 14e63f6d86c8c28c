// A deterministic, fictional hand-off file (umbral.handoff/3, the version the workspace writes)
// of a programme's cohort: each enterprise visited three times, three months apart, with its
// cohort tags, two steps of its first roadmap followed through and what the last visit found,
// for the planner's "Antes y después" benchmark. Built from tests/planner/generate.mjs's profiles: an enterprise's three visits
// are three generated profiles that share its state, kind of place and trade, so some rise a
// rung between visits, some stay and some fall. The same seed always gives the same bytes.
//
//   node tests/planner/cohort.mjs [--count 10000] [--seed 11] [--out cohort.json]

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { generateProfiles } from './generate.mjs';

const VISITS = 3;
const DATES = ['2026-02-10', '2026-05-12', '2026-08-11'];

export function generateCohort(count = 10_000, seed = 11) {
  const profiles = generateProfiles(count * VISITS, seed)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const hex = (n, width) => n.toString(16).padStart(width, '0');
  const enterprises = [];
  for (let i = 0; i < count; i += 1) {
    const first = profiles[i * VISITS];
    const visits = DATES.map((date, k) => {
      // generate.mjs writes umbral.profile/1; version 2 only added fields.
      const profile = { ...profiles[i * VISITS + k], schema: 'umbral.profile/2' };
      for (const shared of ['region', 'locality', 'sector']) {
        if (first[shared] === undefined) delete profile[shared];
        else profile[shared] = first[shared];
      }
      const at = `${date}T15:00:00Z`;
      const visit = {
        id: `v${hex(i, 8)}${k}`,
        date,
        profile,
        notes: '',
        updated: at,
        edits: { d0: 1 },
      };
      if (k === VISITS - 1) {
        const selling = i % 3 !== 0;
        visit.outcomes = {
          selling_online: selling,
          ...(selling ? { channels: ['whatsapp'], online_share: (i * 7) % 60 } : {}),
          tools: [{ entry: 'whatsapp-business', still_using: i % 4 !== 0 }],
        };
      }
      return visit;
    });
    const firstVisit = `v${hex(i, 8)}0`;
    const step = (entry, status, extra) => ({
      step: entry,
      visit: firstVisit,
      status,
      ...extra,
      updated: `${DATES[1]}T15:00:00Z`,
      edits: { d0: 2 },
    });
    const steps = [
      step('whatsapp-business', ['agreed', 'in_progress', 'done'][i % 3], { who: 'owner' }),
      i % 5 === 0
        ? step('celular-usado', 'dropped', { reason: 'No le alcanza por ahora.' })
        : step('celular-usado', 'agreed', { who: 'relative', follow_up: DATES[2] }),
    ];
    const enterprise = {
      id: `e${hex(i, 8)}`,
      name: `Negocio ficticio ${i + 1}`,
      country: 'MX',
      locality: '',
      created: `${DATES[0]}T15:00:00Z`,
      updated: `${DATES[0]}T15:00:00Z`,
      edits: { d0: 1 },
      programme: 'Pueblos Digitales (ficticio)',
      term: ['2026-1', '2026-2'][i % 2],
      team: `Equipo ${(i % 12) + 1}`,
      visits,
      steps,
    };
    if (first.region !== undefined) enterprise.region = first.region;
    if (first.sector !== undefined) enterprise.sector = first.sector;
    enterprises.push(enterprise);
  }
  const lines = enterprises.map((e) => JSON.stringify(e));
  return `{"schema":"umbral.handoff/3","exported_at":"2026-08-12T00:00:00Z","app_version":"0.1.0","enterprises":[\n${lines.join(',\n')}\n]}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const text = generateCohort(Number(arg('--count', 10_000)), Number(arg('--seed', 11)));
  const out = arg('--out');
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
