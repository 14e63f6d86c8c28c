// Umbral's embed loader: one line puts the app on a programme's page (see integrate.html):
//   <script src="https://APP/embed.js" data-pack="programa.toml" data-lang="es"
//     data-accent="#0a6" data-programme="Programa Impulsa"></script>
// It adds a sandboxed iframe of the app right after this script element, sizes it to the
// app's content, hands the app the programme pack (read here, on the host page), and turns
// the app's messages into DOM events on this script element (they bubble to window):
//   umbral:report      detail {profile, report}, only after the user agreed to share (the
//                      loader answers umbral:report-received, which the app waits for)
//   umbral:pack-ready  detail {diagnostics}, the pack is in use (diagnostics: warnings)
//   umbral:pack-error  detail {diagnostics}, the pack was not used (file:line:col, as the
//                      command line prints them); the app went on with the country pack
// Every message is checked: it must come from this iframe's window at the app's origin.
// It sets no cookies and stores nothing. Comment lines and indentation are dropped at build.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const data = script.dataset;
  // The app lives where this file is served from.
  const app = new URL('./', script.src);
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ embed: 1, origin: location.origin });
  for (const key of ['lang', 'accent', 'programme']) if (data[key]) query.set(key, data[key]);
  const packSelector = data.packInline;
  const packUrl = data.pack;
  if (packSelector || packUrl) query.set('pack', 1);
  frame.src = `${app.href}?${query}`;
  frame.title = data.title ||
    (data.lang == 'en' ? 'Umbral: is your business ready to sell online?' : 'Umbral: ¿su negocio está listo para vender en línea?');
  // Only what the app needs (justified in integrate.html): its scripts; its own origin (its
  // files, its saved draft, and an origin the host can check); its question forms; links and
  // print, which open outside the frame. No top navigation, no downloads.
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals');
  frame.referrerPolicy = 'no-referrer';
  // CSSOM, not a style attribute: allowed under a strict style-src. The height follows the
  // app's content; until the first report it has room for the start screen.
  frame.style.cssText = 'display:block;width:100%;border:0;height:44rem';
  script.after(frame);

  const fire = (type, detail) => {
    if (type == 'umbral:pack-error') console.error(`umbral: programme pack not used:\n${detail.diagnostics}`);
    script.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  };
  // The pack's source, read on the host page (same origin, so no CORS) while the app loads:
  // from a URL, or once the page is parsed from a <script type="text/plain"> element. Its name
  // in messages is its file name (the element's id plus .toml).
  const pack = packSelector
    ? new Promise((resolve) =>
      document.readyState == 'loading' ? addEventListener('DOMContentLoaded', resolve) : resolve(),
    ).then(() => {
      const element = document.querySelector(packSelector);
      if (!element) throw `data-pack-inline: no element matches ${packSelector}`;
      return [`${element.id || 'programa'}.toml`, element.textContent];
    })
    : packUrl && fetch(new URL(packUrl, location.href), { credentials: 'omit' }).then(
      async (response) => {
        if (!response.ok) throw `data-pack: ${packUrl}: HTTP ${response.status}`;
        return [decodeURIComponent(response.url.split(/[?#]/)[0].split('/').pop()), await response.text()];
      },
      (error) => { throw `data-pack: ${packUrl}: ${error}`; },
    );
  // Handled when the app asks for it (umbral:ready); not an unhandled rejection before then.
  pack?.catch(() => {});
  const send = (message) => frame.contentWindow.postMessage(message, app.origin);

  addEventListener('message', (event) => {
    const message = event.data;
    if (event.origin != app.origin || event.source != frame.contentWindow || !message) return;
    const type = message.type;
    if (type == 'umbral:height' && message.height > 0) frame.style.height = `${Math.ceil(message.height)}px`;
    // The app listens: hand it the pack (again, should the app have reloaded).
    if (type == 'umbral:ready' && pack) {
      pack.then(
        ([name, source]) => send({ type: 'umbral:pack', name, source }),
        (error) => send({ type: 'umbral:pack', error: String(error) }),
      );
    }
    if (type == 'umbral:pack-status') fire(message.ok ? 'umbral:pack-ready' : 'umbral:pack-error', { diagnostics: message.diagnostics });
    if (type == 'umbral:report') {
      fire(type, { profile: message.profile, report: message.report });
      // Only now does the app tell the user the result was sent.
      send({ type: 'umbral:report-received' });
    }
  });
})();
