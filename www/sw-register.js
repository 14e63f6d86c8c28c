// Registers the service worker (sw.js: Umbral works offline after the first visit) and offers
// a new version once it is ready. Every page loads this one file (the workspace as
// ../sw-register.js), so the worker's address is taken from this script's own: one worker,
// scoped to the whole site. A new version never takes over on its own: only the button
// activates it (SKIP_WAITING), then the page reloads. Answers are saved after every change
// (the app's draft in localStorage, the workspace's visits in IndexedDB), so the reload loses none. Comment lines are dropped at build (www/sw-build.mjs).
(() => {
  // Embed mode (the app inside a programme's page, ?embed=1): www/embed-frame.js does the rest,
  // and no service worker: an update notice or reload must never come up inside someone else's
  // page. The app waits on umbralPack for the host's programme pack (null: none, or unusable).
  if (/[?&]embed=/.test(location.search)) {
    window.umbralPack = new Promise((resolve) => (window.umbralPackResolve = resolve));
    const script = document.createElement('script');
    script.src = 'embed-frame.js';
    script.onerror = () => umbralPackResolve(null);
    document.head.append(script);
    return;
  }
  const sw = navigator.serviceWorker;
  const script = new URL('sw.js', document.currentScript.src);
  if (!sw) return;
  let offered, updating;
  sw.oncontrollerchange = () => updating && location.reload();
  const offer = (worker) => {
    if (!sw.controller || offered) return;
    offered = true;
    const box = document.createElement('div');
    box.className = 'aviso';
    box.role = 'status';
    // Fixed at the bottom, where it stays in view while the app scrolls to each question.
    box.style.cssText = 'position:fixed;bottom:0;left:0;right:0;margin:0;z-index:9;box-shadow:0 -2px 8px #0004';
    document.body.append(box);
    // Filled once the status region is in the page, so screen readers announce it; in the
    // page's language (the app keeps <html lang> up to date).
    // It says the answers are saved only when they are: while saving fails, the app says so
    // in a notice of class sin-guardar.
    setTimeout(() => {
      const saved = !document.querySelector('.sin-guardar');
      box.innerHTML = document.documentElement.lang == 'en'
        ? `<p>A new version of Umbral is ready.${saved ? ' Your answers are saved.' : ''}</p><button class=boton data-testid=actualizar>Update now</button>`
        : `<p>Hay una versión nueva de Umbral.${saved ? ' Sus respuestas están guardadas.' : ''}</p><button class=boton data-testid=actualizar>Actualizar ahora</button>`;
      // The page can scroll past the notice, and focus is never scrolled under it.
      document.body.style.paddingBottom = document.documentElement.style.scrollPaddingBottom = box.offsetHeight + 'px';
      box.lastChild.onclick = () => {
        updating = box.lastChild.disabled = true;
        worker.postMessage('SKIP_WAITING');
      };
    }, 99);
  };
  addEventListener('load', async () => {
    // Without a worker (a browser that refuses it, such as some private modes) the app still
    // works, online only; the failure is logged, not left unhandled (view.js would take an
    // unhandled one, while the app starts, for the app's own).
    // Once view.js has told the worker which rule pack to keep (it installs with it).
    await window.umbralPackNoted;
    const registration = await sw.register(script).catch((error) => console.warn(`umbral: no offline use: ${error}`));
    if (!registration) return;
    if (registration.waiting) offer(registration.waiting);
    registration.onupdatefound = () => {
      const worker = registration.installing;
      worker.onstatechange = () => worker.state == 'installed' && offer(worker);
    };
  });
})();
