// Embed mode, inside the iframe (the app on a programme's page; see integrate.html). The
// iframe's address selects it: ?embed=1&origin=<host origin>&lang=es&accent=%230a6
// &programme=<name>&pack=1. Only then does sw-register.js load this file, so the app's first
// load everywhere else carries none of it; the app's wasm keeps only a small hook
// (src/app/embed.rs) that waits on window.umbralPack for the host's programme pack.
//
// - Everything is posted to the host's origin only (never '*'): the content's height, so the
//   loader sizes the iframe; and the profile and report, only after the user presses
//   "Compartir mi resultado con …". Without a valid origin nothing is posted, and the results
//   say why sharing is off.
// - With pack=1 the host sends the programme pack's TOML (umbral:pack), accepted only from the
//   parent window at that origin. The pack checker (umbral-packs, a Web Worker: the same code
//   and diagnostics as `umbral validate`) compiles it. If it fails, the diagnostics go to the
//   console and to the host (umbral:pack-status), and the app goes on with the country pack,
//   with a note to the user.
// - The accent becomes CSS custom properties set through CSSOM, which the Content-Security-
//   Policy allows (style attributes in markup it does not); links open in a new tab.
// Text from the host or a pack is only ever set as textContent, never as HTML.
(() => {
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  // The host's origin, normalised as browsers report origins (lower case, no default port):
  // https, or http on this machine (a host page being developed). Anything more than an
  // origin (a path, a user name, a query) is refused, not trimmed.
  const origin = (() => {
    const given = params.get('origin') ?? '';
    try {
      const url = new URL(given);
      const local = url.protocol == 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      const bare = given.replace(/\/$/, '').toLowerCase() == url.href.replace(/\/$/, '').toLowerCase() && url.pathname == '/';
      return (url.protocol == 'https:' || local) && bare && !url.username && !url.password ? url.origin : null;
    } catch {
      return null;
    }
  })();
  const programme = (params.get('programme') ?? '').trim().slice(0, 120);
  const es = () => root.lang != 'en';
  const say = (spanish, english) => (es() ? spanish : english);
  const post = (message) => origin && parent.postMessage(message, origin);
  // Only when it changes: a needless change would be a mutation, and mutations repaint.
  const setText = (node, value) => node.textContent != value && (node.textContent = value);
  const element = (tag, props, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  root.classList.add('embebido');

  // The host's accent, darkened (same hue) until white text on it reaches WCAG AA, 4.5:1.
  const accent = params.get('accent');
  if (accent) {
    const hex = accent.match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i)?.[1];
    if (hex) {
      let rgb = (hex.length == 3 ? [...hex].map((d) => d + d) : hex.match(/../g)).map((d) => parseInt(d, 16));
      const linear = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const contrast = (c) => 1.05 / (0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]) + 0.05);
      while (contrast(rgb) < 4.5) rgb = rgb.map((c) => Math.floor(c * 0.92));
      const css = (c) => `rgb(${c.join(' ')})`;
      root.style.setProperty('--marca', css(rgb));
      root.style.setProperty('--marca-oscura', css(rgb.map((c) => Math.floor(c * 0.75))));
    } else {
      console.warn(`umbral: accent '${accent}' is not a hex colour (#rgb or #rrggbb); kept Umbral's`);
    }
  }
  // Links (tools, programmes, WhatsApp) open in a new tab, never inside the frame.
  document.head.append(element('base', { target: '_blank' }));

  // Above the app: the programme's name, and a note when its pack could not be used.
  const top = element('aside', { className: 'embebido__arriba' });
  const named = element('p', { className: 'programa' });
  named.dataset.testid = 'programa';
  const note = element('p', { role: 'status' });
  note.dataset.testid = 'programa-no-disponible';
  let packName = '';
  const name = () => programme || packName;
  let failed = false;
  const paintTop = () => {
    setText(named, name());
    named.hidden = !name();
    setText(note, failed
      ? say(
        `No pudimos cargar la información de ${name() || 'el programa'}. Le mostramos las recomendaciones generales de Umbral; sus respuestas no cambian.`,
        `We could not load the information from ${name() || 'the programme'}. You see Umbral's general recommendations; your answers are not affected.`,
      )
      : '');
    note.className = failed ? 'aviso' : '';
    top.setAttribute('aria-label', say('Programa', 'Programme'));
    top.hidden = !name() && !failed;
  };
  top.append(named, note);
  document.body.prepend(top);

  // The host's programme pack, for the app (window.umbralPack, set up by sw-register.js):
  // the compiled pack and its country, or null for the country pack.
  let settled = false;
  let programmePack = null;
  const settle = (pack) => {
    if (settled) return;
    settled = true;
    programmePack = pack;
    // For tests/bench/embed-pack.mjs: when the app got its answer about the pack.
    performance.mark('umbral:pack-settled');
    window.umbralPackResolve?.(pack);
  };
  if (!params.has('pack')) settle(null);
  const fail = (diagnostics) => {
    if (settled) return;
    worker?.terminate();
    console.error(`umbral: the programme pack was not used:\n${diagnostics}`);
    post({ type: 'umbral:pack-status', ok: false, diagnostics });
    failed = true;
    paintTop();
    settle(null);
  };
  // The checker starts at once, while the host reads its pack; it says 'ready' when it listens.
  let request;
  let worker;
  let listening = false;
  // Limits on what the host can make the checker do: the pack's size (also checked by the
  // checker itself, src/packs/runtime.rs) and the time the check may take.
  const MAX_PACK_BYTES = 256 * 1024;
  const CHECK_SECONDS = 20;
  const check = (name, source) => {
    const bytes = new Blob([source]).size;
    if (bytes > MAX_PACK_BYTES) {
      return fail(`the programme pack is ${Math.ceil(bytes / 1024)} KB; a programme pack may be at most ${MAX_PACK_BYTES / 1024} KB`);
    }
    request = { name, source };
    if (listening) worker.postMessage(request);
    setTimeout(() => fail(`the pack checker did not finish within ${CHECK_SECONDS} seconds; the pack was not used`), CHECK_SECONDS * 1000);
  };
  if (!settled && origin) {
    worker = new Worker('umbral-packs_loader.js');
    worker.onerror = () => fail('the pack checker (umbral-packs) could not be loaded');
    worker.onmessage = ({ data }) => {
      if (data == 'ready') return (listening = true) && request && worker.postMessage(request);
      worker.terminate();
      if (!data.ok) return fail(data.diagnostics);
      if (data.diagnostics) console.warn(`umbral: programme pack:\n${data.diagnostics}`);
      post({ type: 'umbral:pack-status', ok: true, diagnostics: data.diagnostics });
      packName = data.name[es() ? 'es' : 'en'];
      paintTop();
      settle({ country: data.country, json: data.pack });
    };
  }
  if (!settled && !origin) fail('no valid origin= in the app\'s address, so no pack can be accepted');
  if (!settled) setTimeout(() => request || fail('no programme pack arrived from the host page in 15 seconds'), 15000);
  addEventListener('message', (event) => {
    const message = event.data;
    if (event.source != parent || event.origin != origin || message?.type != 'umbral:pack' || settled || request) return;
    if (typeof message.source == 'string') check(String(message.name ?? ''), message.source);
    else fail(String(message.error ?? 'the host sent a pack message with no source'));
  });
  if (!origin) console.warn('umbral: embed mode without a valid origin= parameter: nothing is posted to the host page');

  // Below the app, on the results: the choice to send them to the programme.
  const consent = element('aside', { className: 'contenido compartir no-imprimir', hidden: true });
  consent.dataset.testid = 'compartir-programa';
  consent.setAttribute('aria-labelledby', 'compartir-programa-titulo');
  const heading = element('h3', { id: 'compartir-programa-titulo' });
  const text = element('p');
  const button = element('button', { type: 'button', className: 'boton' });
  button.dataset.testid = 'compartir-programa-boton';
  const status = element('p', { role: 'status' });
  status.dataset.testid = 'compartir-programa-estado';
  consent.append(heading, text, button, status);
  document.body.append(consent);
  let sent = null;
  // Pressed once where the browser cannot tell whether the button is visible: press again.
  let confirming = false;
  const draft = () => {
    try {
      return JSON.parse(localStorage.getItem('umbral.draft/1'));
    } catch {
      return null;
    }
  };
  const paintConsent = () => {
    const results = document.querySelector('#app [data-testid=resultados]');
    consent.hidden = !results;
    if (!results) return;
    const who = name() || say('este programa', 'this programme');
    setText(heading, say(`Compartir su resultado con ${who}`, `Share your result with ${who}`));
    if (!origin) {
      text.dataset.testid = 'compartir-programa-apagado';
      setText(text, say(
        'No se puede compartir el resultado desde aquí: la página que muestra Umbral no indicó bien su dirección. Sus respuestas se quedan en este dispositivo.',
        'Your result cannot be shared from here: the page showing Umbral did not give its address correctly. Your answers stay on this device.',
      ));
      button.remove();
      return;
    }
    const host = origin.split('//')[1];
    setText(text, say(
      `Si usted acepta, la página de ${who} (${host}) recibirá sus respuestas y su resultado. Sin su permiso no se envía nada.`,
      `If you agree, the page of ${who} (${host}) receives your answers and your result. Nothing is sent without your permission.`,
    ));
    const done = sent != null && sent == JSON.stringify(draft()?.profile);
    button.hidden = done;
    setText(button, confirming
      ? say(`Sí, enviar mi resultado a ${who}`, `Yes, send my result to ${who}`)
      : say(`Compartir mi resultado con ${who}`, `Share my result with ${who}`));
    if (!done && status.dataset.keep == null) setText(status, '');
  };
  // Whether the button is on screen, whole and uncovered, now: IntersectionObserver v2 where
  // the browser has it (null where it cannot tell). A page that frames the app invisibly, or
  // lays a decoy over the button, gets no click through it.
  const visible = () => new Promise((resolve) => {
    try {
      const observer = new IntersectionObserver(([entry]) => {
        observer.disconnect();
        resolve('isVisible' in entry ? entry.isVisible : null);
      }, { trackVisibility: true, delay: 100 });
      observer.observe(button);
    } catch {
      resolve(null);
    }
  });
  // The host page says it received the result (umbral:report-received); until then nothing
  // says it was sent.
  let received = null;
  addEventListener('message', (event) => {
    if (event.source == parent && event.origin == origin && event.data?.type == 'umbral:report-received') received?.();
  });
  const ACK_SECONDS = 5;
  button.onclick = async () => {
    const saved = draft();
    const bindings = window.wasmBindings;
    delete status.dataset.keep;
    const who = name() || say('el programa', 'the programme');
    const seen = await visible();
    if (seen === false) {
      status.dataset.keep = '';
      status.textContent = say(
        'Para compartir, el botón tiene que verse completo en la pantalla. No se envió nada.',
        'To share, the button must be fully visible on the screen. Nothing was sent.',
      );
      return;
    }
    if (seen === null && !confirming) {
      // Where the browser cannot tell, a second, deliberate press.
      confirming = true;
      setText(button, say(`Sí, enviar mi resultado a ${who}`, `Yes, send my result to ${who}`));
      status.dataset.keep = '';
      status.textContent = say('Pulse otra vez para confirmar.', 'Press again to confirm.');
      return;
    }
    confirming = false;
    try {
      if (!saved?.profile || !bindings) throw new Error('no answers saved on this device');
      // The pack the app scores with: the programme's for its country, else the country's own.
      const country = saved.country;
      // The country's whole compact pack (both languages: the report is in the draft's).
      const json = programmePack?.country == country
        ? programmePack.json
        : await (await fetch(`packs/${country.toLowerCase()}.txt`)).text();
      const id = bindings.umbralLoadPack(json);
      const profile = JSON.stringify(saved.profile);
      const report = JSON.parse(bindings.umbralAssess(id, profile, saved.locale));
      status.dataset.keep = '';
      status.textContent = say('Enviando…', 'Sending…');
      const acknowledged = new Promise((resolve) => {
        received = () => resolve(true);
        setTimeout(() => resolve(false), ACK_SECONDS * 1000);
      });
      post({ type: 'umbral:report', profile: saved.profile, report });
      if (!(await acknowledged)) throw new Error(`the host page did not confirm receipt within ${ACK_SECONDS} s`);
      sent = profile;
      delete status.dataset.keep;
      status.textContent = say(`Listo: su resultado se envió a ${who}.`, `Done: your result was sent to ${who}.`);
    } catch (error) {
      console.warn(`umbral: the result was not sent: ${error}`);
      status.dataset.keep = '';
      status.textContent = say(
        `No hubo confirmación de que ${who} recibiera su resultado. Intente de nuevo.`,
        `There was no confirmation that ${who} received your result. Please try again.`,
      );
    }
    paintConsent();
  };
  // The app renders into #app; follow its screens and its language (<html lang>).
  const repaint = new MutationObserver(() => {
    paintTop();
    paintConsent();
  });
  repaint.observe(document.getElementById('app'), { subtree: true, childList: true });
  repaint.observe(root, { attributeFilter: ['lang'] });
  paintTop();
  paintConsent();

  // The content's height, whenever it changes, so the loader sizes the iframe to it.
  let height = 0;
  new ResizeObserver(() => {
    const now = Math.ceil(root.getBoundingClientRect().height);
    if (now != height) post({ type: 'umbral:height', height: (height = now) });
  }).observe(root);
  post({ type: 'umbral:ready' });
})();
