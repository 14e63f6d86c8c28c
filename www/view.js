// The app's view runtime in the page: window.umbralView, for src/ui/dom.rs.
//
// The Rust code (src/app/view/) renders each screen as HTML text. morph() brings the live DOM
// to that text changing only what differs, so keyboard focus, the caret in a box, a "¿Por qué?"
// the user opened and the scroll position stay where they are, and a screen reader is not sent
// back to the top. listen() hands the root's events to Rust as (type, action, value, on), where
// the action is the element's data-click, data-change, data-input, data-submit or data-toggle
// attribute, and `on` whether it is checked (or, for a <details>, open).
// This replaces a virtual DOM in the wasm (Yew): about 53 KB gzip less in the first load
// (BENCHMARKS.md, "Size of the first load").
//
// It also says so when a page's app cannot start at all (its code failed to download on a
// dropped connection, or the browser has no WebAssembly), instead of leaving the page on
// "Preparando Umbral…" for ever: a plain message and a button that tries again.
//
// A classic script loaded before the wasm starts (index.html, and the workspace's and the
// planner's pages); its comment lines and indentation are dropped from the built copy
// (www/sw-build.mjs).
'use strict';
(() => {
  const root = () => document.getElementById('app');
  // Until a page's app has started, #app holds the static start screen (class precarga) or a
  // loading line (p.cargando).
  const starting = (app) => app && (app.classList.contains('precarga') || app.querySelector(':scope > .cargando'));
  const fail = (why) => {
    const app = root();
    if (!starting(app) || document.getElementById('no-arranca')) return;
    const en = /^en\b/i.test(navigator.language || '');
    const box = document.createElement('div');
    box.id = 'no-arranca';
    box.className = 'aviso aviso--error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'no-arranca');
    const text = document.createElement('p');
    text.textContent = why === 'wasm'
      ? (en ? 'This browser cannot open Umbral. Please update it, or use another one such as Chrome or Firefox.'
        : 'Este navegador no puede abrir Umbral. Actualícelo o use otro, como Chrome o Firefox.')
      : (en ? 'Umbral could not finish loading. Check your internet connection and try again.'
        : 'Umbral no terminó de cargarse. Revise su conexión a internet e intente de nuevo.');
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'boton';
    again.textContent = en ? 'Try again' : 'Intentar de nuevo';
    again.onclick = () => location.reload();
    box.append(text, again);
    app.classList.add('sin-arrancar');
    (app.querySelector('main') || app).prepend(box);
  };
  // A script that failed to download (resource errors reach window on the way down), or an
  // error while starting: the wasm's download or compilation rejects the start-up module.
  addEventListener('error', (event) => {
    const target = event.target;
    if (target instanceof HTMLScriptElement || !(target instanceof Element)) fail('load');
  }, true);
  addEventListener('unhandledrejection', () => fail('load'));
  if (typeof WebAssembly !== 'object') addEventListener('DOMContentLoaded', () => fail('wasm'));
  // The app's first rule pack, fetched now, alongside the app's code: each language has its
  // own file (packs/<id>.es.txt, packs/<id>.en.txt), so the one the first screen needs is
  // chosen as src/app/driver.rs chooses it: the saved answers' country and language, else
  // Mexico and the browser's language; an embedding page's lang= first. (A share link may
  // name another country: then that pack is fetched as well. Saved answers in a language a
  // translation adds fetch its pack once the app starts; the Spanish one preloaded here is
  // mostly the service worker's copy by then.)
  if (root()?.classList.contains('precarga')) {
    let draft = null;
    try {
      draft = JSON.parse(localStorage.getItem('umbral.draft/1'));
    } catch {}
    const asked = new URLSearchParams(location.search);
    const lang = (asked.has('embed') && asked.get('lang')) || draft?.locale || navigator.language || '';
    const id = /^(MX|CL|BO)$/.test(draft?.country) ? draft.country.toLowerCase() : 'mx';
    const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = `packs/${id}.${/^en\b/i.test(lang) ? 'en' : 'es'}.txt`;
    document.head.append(link);
    // On a first visit the service worker precaches the same file when it installs (www/sw.js
    // reads it here; www/sw-register.js registers it once this is written).
    window.umbralPackNoted = navigator.serviceWorker?.controller ? null : self.caches?.open('umbral-paquete')
      .then((cache) => cache.put('primero', new Response(link.href)))
      .catch(() => {});
  }
})();

window.umbralView = {
  morph(root, html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    morphChildren(root, template.content);
  },
  listen(root, handler) {
    // toggle does not bubble: it is listened to on the way down (capture).
    for (const type of ['click', 'change', 'input', 'submit', 'toggle']) {
      root.addEventListener(type, (event) => {
        // A toggle event reports only its own <details>.
        const target = type === 'toggle' ? event.target : event.target.closest?.(`[data-${type}]`);
        if (!target?.hasAttribute(`data-${type}`) || !root.contains(target)) return;
        if (type === 'submit') event.preventDefault();
        handler(type, target.getAttribute(`data-${type}`), target.value ?? '', target.checked === true || target.open === true);
      }, type === 'toggle');
    }
  },
  // Whether a media query matches now; calls back with the new answer whenever it changes.
  media(query, handler) {
    const list = matchMedia(query);
    list.addEventListener('change', () => handler(list.matches));
    return list.matches;
  },
  // Calls back with what changes from outside the app: (true, the new fragment without its #)
  // when the address's fragment changes in this tab (a share link pasted or followed while the
  // app is open), and (false, the new text) when another tab or the installed app changes the
  // localStorage item `key`.
  outside(key, handler) {
    addEventListener('hashchange', () => handler(true, location.hash.slice(1)));
    addEventListener('storage', (event) => event.key === key && handler(false, event.newValue ?? ''));
  },
  // Runs the callback after the browser has painted what is on screen now: in a task after
  // the next frame (a timer alone can run before that frame is painted).
  later(callback) {
    requestAnimationFrame(() => setTimeout(callback, 0));
  },
};

// An element's identity across renders: its id, else its data-key.
function key(node) {
  return node.nodeType === 1 ? node.id || node.getAttribute('data-key') || '' : '';
}

function same(a, b) {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && key(a) === key(b) &&
    (a.nodeType !== 1 || a.getAttribute('type') === b.getAttribute('type'));
}

// Makes the children of `into` those of `from` (a parsed template), reusing nodes that match in
// order or by key; the unmatched new nodes are moved over as they are.
function morphChildren(into, from) {
  let old = into.firstChild;
  for (let node = from.firstChild; node;) {
    const next = node.nextSibling;
    let match = old && same(old, node) ? old : null;
    if (!match && key(node)) {
      for (let candidate = old; candidate; candidate = candidate.nextSibling) {
        if (same(candidate, node)) {
          match = candidate;
          break;
        }
      }
    }
    if (!match) {
      into.insertBefore(node, old);
    } else {
      if (match === old) old = old.nextSibling;
      else into.insertBefore(match, old);
      morphNode(match, node);
    }
    node = next;
  }
  while (old) {
    const next = old.nextSibling;
    old.remove();
    old = next;
  }
}

function morphNode(live, wanted) {
  if (live.nodeType !== 1) {
    if (live.nodeValue !== wanted.nodeValue) live.nodeValue = wanted.nodeValue;
    return;
  }
  const want = wanted.attributes;
  for (let i = 0; i < want.length; i += 1) {
    const { name, value } = want[i];
    if (live.getAttribute(name) !== value) live.setAttribute(name, value);
  }
  const have = live.attributes;
  for (let i = have.length - 1; i >= 0; i -= 1) {
    const { name } = have[i];
    // A <details> the user opened stays open.
    if (!wanted.hasAttribute(name) && !(name === 'open' && live.localName === 'details')) {
      live.removeAttribute(name);
    }
  }
  // What the user changes lives in properties, which attributes set only at first. Each is
  // set only when it differs: setting one is not free, and a check box's value is its
  // attribute (synced above), not something typed.
  if (live.localName === 'input') {
    const checked = wanted.hasAttribute('checked');
    if (live.checked !== checked) live.checked = checked;
    const value = wanted.getAttribute('value') ?? '';
    // Never rewrite the box being typed in: "12," is on its way to "12,5".
    if (live.type !== 'checkbox' && live.type !== 'radio' && live !== document.activeElement && live.value !== value) {
      live.value = value;
    }
  } else if (live.localName === 'option') {
    const selected = wanted.hasAttribute('selected');
    if (live.selected !== selected) live.selected = selected;
  }
  morphChildren(live, wanted);
}

// Read aloud (issue 15): a button with data-escuchar (a language such as es-MX) reads its
// question (text, help, options in order), or the elements its data-escuchar-de selector
// names, with the device's own voices: never a network voice, so nothing leaves the device and
// it works offline. The page gets the class voz-es or voz-en while the device has such a voice;
// without one the buttons stay hidden (styles.css). A second tap on the same button stops it.
(() => {
  const synth = window.speechSynthesis;
  if (!synth || !window.SpeechSynthesisUtterance) return;
  const own = () => synth.getVoices().filter((voice) => voice.localService);
  const tag = (voice) => voice.lang.toLowerCase().replace('_', '-');
  const mark = () => {
    const voices = own();
    for (const language of ['es', 'en']) {
      document.documentElement.classList.toggle(`voz-${language}`, voices.some((voice) => tag(voice).startsWith(language)));
    }
  };
  mark();
  synth.addEventListener?.('voiceschanged', mark);
  // The country's voice (es-CL), else any voice of the language.
  const best = (lang) => {
    const voices = own();
    const wanted = lang.toLowerCase();
    return voices.find((voice) => tag(voice) === wanted) ?? voices.find((voice) => tag(voice).startsWith(wanted.slice(0, 2)));
  };
  const parts = (button) => {
    const from = button.getAttribute('data-escuchar-de');
    if (from) return [...document.querySelectorAll(from)].flatMap((element) => element.innerText.split('\n'));
    const question = button.closest('.pregunta');
    const readable = '.pregunta__texto, .ayuda, .indicacion, .opcion span, select option:not([value=""]), .unidad';
    return question ? [...question.querySelectorAll(readable)].map((element) => element.textContent) : [];
  };
  let reading = null;
  addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-escuchar]');
    if (!button) return;
    const again = reading === button && synth.speaking;
    synth.cancel();
    reading = null;
    if (again) return;
    const lang = button.getAttribute('data-escuchar');
    const voice = best(lang);
    if (!voice) return;
    reading = button;
    for (const text of parts(button).map((part) => part.trim()).filter(Boolean)) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.voice = voice;
      synth.speak(utterance);
    }
  });
})();

