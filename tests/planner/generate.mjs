// A deterministic file of varied, valid Mexican profiles (umbral.profile/1, JSON Lines) for the
// planner's tests and benchmark. The same seed always gives the same bytes.
//
//   node tests/planner/generate.mjs [--count 10000] [--seed 7] [--out file.jsonl]
//
// The spread is meant to look like a state programme's intake: more enterprises in the
// populous states, more of them urban, and worse connectivity, banking and shipping the more
// rural the place. About one answer in twelve is left out ("No sé"), as people do.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small seeded generator with a good spread. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// States with rough weights (population, in millions).
const REGIONS = [
  ['MX-MEX', 17], ['MX-CMX', 9], ['MX-JAL', 8], ['MX-VER', 8], ['MX-PUE', 7], ['MX-GUA', 6],
  ['MX-NLE', 6], ['MX-CHP', 6], ['MX-MIC', 5], ['MX-OAX', 4], ['MX-CHH', 4], ['MX-GRO', 4],
  ['MX-BCN', 4], ['MX-TAM', 4], ['MX-HID', 3], ['MX-SON', 3], ['MX-COA', 3], ['MX-SIN', 3],
  ['MX-YUC', 2], ['MX-QUE', 2], ['MX-SLP', 3], ['MX-TAB', 2], ['MX-ROO', 2], ['MX-MOR', 2],
  ['MX-DUR', 2], ['MX-ZAC', 2], ['MX-AGU', 1], ['MX-TLA', 1], ['MX-NAY', 1], ['MX-CAM', 1],
  ['MX-COL', 1], ['MX-BCS', 1],
];
// Share of rural and remote places rises in the south.
const RURAL_STATES = new Set(['MX-OAX', 'MX-CHP', 'MX-GRO', 'MX-VER', 'MX-HID', 'MX-ZAC', 'MX-SLP', 'MX-MIC', 'MX-PUE']);
const SECTORS = [
  ['food', 22], ['crafts', 12], ['apparel_footwear', 10], ['fresh_produce', 12], ['services', 16],
  ['beauty_personal_care', 7], ['beverages', 5], ['alcoholic_beverages', 4], ['furniture_home', 5], ['other', 7],
];

export function generateProfiles(count = 10_000, seed = 7) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const weighted = (list) => {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let x = r() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return list[list.length - 1][0];
  };
  const chance = (p) => r() < p;
  // Leave an answer out now and then.
  const maybe = (value) => (chance(1 / 12) ? undefined : value);
  // A level 0..n-1 pulled down by remoteness (0 urban .. 3 remote).
  const level = (n, remoteness) => {
    const x = r() * n - remoteness * 0.6 * r();
    return Math.max(0, Math.min(n - 1, Math.floor(x)));
  };

  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const region = chance(0.03) ? undefined : weighted(REGIONS);
    const rural = region && RURAL_STATES.has(region);
    const locality = weighted(
      rural
        ? [['urban', 3], ['suburban', 2], ['rural', 4], ['remote', 2]]
        : [['urban', 6], ['suburban', 3], ['rural', 2], ['remote', 0.5]],
    );
    const far = ['urban', 'suburban', 'rural', 'remote'].indexOf(locality);
    const internet = ['none', 'intermittent', 'mobile_data', 'broadband'][Math.min(3, level(4, far) + (far === 0 && chance(0.3) ? 1 : 0))];
    const devices = [];
    if (chance(0.2 + 0.1 * far)) devices.push('basic_phone');
    if (chance(0.85 - 0.12 * far)) devices.push('smartphone');
    if (chance(0.35 - 0.08 * far)) devices.push('computer');
    if (chance(0.1)) devices.push('tablet');
    if (chance(0.05 + 0.05 * far)) devices.push('public_access');
    const accepts = ['cash'];
    if (chance(0.5 - 0.1 * far)) accepts.push('transfer');
    if (chance(0.3 - 0.07 * far)) accepts.push('card');
    if (chance(0.2)) accepts.push('wallet');
    if (chance(0.1)) accepts.push('payment_link');
    const channels = [];
    for (const [c, p] of [['whatsapp', 0.7], ['whatsapp_business', 0.25], ['facebook', 0.5], ['instagram', 0.25],
      ['tiktok', 0.1], ['google_business', 0.12], ['marketplace', 0.08], ['own_store', 0.04]]) {
      if (chance(p - 0.04 * far)) channels.push(c);
    }
    const profile = {
      schema: 'umbral.profile/1',
      label: `Negocio ${i + 1}`,
      country: 'MX',
      region,
      locality,
      sector: weighted(SECTORS),
      size: maybe(weighted([['solo', 5], ['micro', 4], ['small', 1], ['medium', 0.2]])),
      goal: pick(['get_found', 'grow_local', 'sell_nationally', 'export']),
      connectivity: { internet: maybe(internet), devices: maybe(devices) },
      skills: {
        digital_level: maybe(level(5, far)),
        helper: maybe(pick(['none', 'none', 'family_youth', 'staff', 'external'])),
        hours_per_week: maybe(pick([0, 1, 2, 3, 5, 8, 10, 20])),
      },
      logistics: {
        shipping_access: maybe(['none', 'post_office', 'courier_dropoff', 'courier_pickup'][level(4, far)]),
        delivers_locally: maybe(chance(0.6)),
        packaging: maybe(chance(0.4)),
        perishable: maybe(chance(0.2)),
      },
      payments: {
        bank_account: maybe(chance(0.7 - 0.12 * far)),
        accepts: maybe(accepts),
        monthly_budget: maybe(pick([0, 50, 100, 200, 300, 500, 1000, 2500])),
      },
      formalisation: {
        tax_id: maybe(['none', 'registered', 'can_invoice'][level(3, far)]),
        permits: maybe(pick(['not_needed', 'pending', 'complete'])),
      },
      presence: {
        channels: maybe(channels),
        product_photos: maybe(chance(0.5)),
        online_sales_share: maybe(pick([0, 0, 5, 10, 25, 50])),
        inventory: maybe(['none', 'paper', 'spreadsheet', 'app'][level(4, far)]),
      },
      motivation: { level: maybe(1 + level(5, 0)) },
      network: {
        association: maybe(chance(0.2)),
        intermediary: maybe(chance(0.15)),
        programme: maybe(chance(0.1)),
      },
    };
    lines.push(JSON.stringify(profile));
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const text = generateProfiles(Number(option('count', 10_000)), Number(option('seed', 7)));
  const out = option('out');
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
