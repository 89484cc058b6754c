// Keeps the client usable when a field tablet reloads it without a connection: the page, its libraries and the
// last figures are answered from a cache when the network fails. Network first, so a working connection always
// gets fresh data; hazards and released pieces by bbox are not cached (too many distinct windows). Only the public
// figures are cached, which are the same for every account: grants, grant reports, funding figures (by grant or
// donor), events (the reviewers' queue among them) and /api/me depend on the token and never enter the cache, which every user of the device shares.
const CACHE = 'landrelease-v2'; // v1 held grant reports: activating v2 deletes it
const SHELL = ['/', '/index.html', '/css/app.css', '/config.js', '/favicon.svg', '/js/app.js', '/js/api.js',
  '/js/auth.js', '/js/csv.js', '/js/donors.js', '/js/event.js', '/js/form.js', '/js/format.js', '/js/geo.js',
  '/js/map.js', '/js/panels.js', '/js/popups.js', '/js/queue.js', '/js/review.js', '/js/reviewhtml.js',
  '/js/reviewpanel.js', '/js/signin.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.js', '/webjars/leaflet/1.9.4/dist/leaflet.css',
  '/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.js', '/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.css',
  '/webjars/chart.js/4.4.1/dist/chart.umd.js'];
const CACHED_API = /^\/api\/(regions|regions\/boundaries|stats\/summary|stats\/released|partners)$/;
const PRIVATE_BY = new Set(['grant', 'donor']);

self.addEventListener('install', (event) => {
  // a missing file must not stop the worker from installing: cache what answers
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(SHELL.map((url) =>
    cache.add(url).catch(() => undefined)))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE)
    .map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

function cacheable(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/api/')) {
    return CACHED_API.test(url.pathname) && !PRIVATE_BY.has(url.searchParams.get('by'));
  }
  return true;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return; // the browser handles it as usual
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => undefined);
      }
      return response;
    } catch (err) {
      const cached = await caches.match(request, { ignoreVary: true });
      if (cached) return cached;
      if (request.mode === 'navigate') {
        const shell = await caches.match('/index.html');
        if (shell) return shell;
      }
      throw err;
    }
  })());
});
