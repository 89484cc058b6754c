// Keeps the client usable when a field tablet reloads it without a connection: the page, its libraries and the
// last figures are answered from a cache when the network fails. Network first, so a working connection always
// gets fresh data (tiles go through the HTTP cache, which revalidates them with their ETag). Only public answers are
// cached, which are the same for every account: grants, grant reports, funding figures (by grant or donor), events
// (the reviewers' queue among them) and /api/me depend on the token and never enter the cache, which every user of
// the device shares. Vector tiles are cached only when asked for anonymously, and only the last TILE_LIMIT of them,
// so that the map last looked at still draws offline.
const CACHE = 'landrelease-v2'; // v1 held grant reports: activating v2 deletes it
const SHELL = ['/', '/index.html', '/css/app.css', '/config.js', '/favicon.svg', '/js/app.js', '/js/api.js',
  '/js/i18n.js', '/i18n/en.json', '/i18n/uk.json', '/api/languages',
  '/js/auth.js', '/js/countries.js', '/js/csv.js', '/js/donors.js', '/js/event.js', '/js/form.js', '/js/format.js', '/js/geo.js',
  '/js/layout.js', '/js/map.js', '/js/panels.js', '/js/popups.js', '/js/queue.js', '/js/response.js',
  '/js/review.js', '/js/reviewhtml.js', '/js/reviewpanel.js', '/js/signin.js', '/js/tiledata.js', '/js/tiles.js',
  '/vendor/mapbox-vector-tile-3.0.0/index.js', '/vendor/pbf-5.2.1/index.js',
  '/vendor/mapbox-point-geometry-1.1.0/index.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.js', '/webjars/leaflet/1.9.4/dist/leaflet.css',
  '/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.js', '/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.css',
  '/webjars/chart.js/4.4.1/dist/chart.umd.js'];
const CACHED_API = /^\/api\/(regions|regions\/boundaries|stats\/summary|stats\/released|partners|languages|countries)$/;
const PRIVATE_BY = new Set(['grant', 'donor']);
const TILES = 'landrelease-tiles-v1';
const TILE_LIMIT = 3000;
const TILE_PATH = /^\/tiles\/[a-z]+(\/\d+\/\d+\/\d+\.mvt|\.json)$/;

self.addEventListener('install', (event) => {
  // a missing file must not stop the worker from installing: cache what answers
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(SHELL.map((url) =>
    cache.add(url).catch(() => undefined)))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k !== TILES)
    .map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

/** The cache a GET may be kept in, or null: the shell and public figures in CACHE, anonymous tiles in TILES. */
function cacheFor(request, url) {
  if (url.origin !== self.location.origin) return null;
  if (TILE_PATH.test(url.pathname)) return request.headers.has('Authorization') ? null : TILES;
  if (url.pathname.startsWith('/tiles/')) return null;
  return cacheable(url) ? CACHE : null;
}

function cacheable(url) {
  if (url.pathname.startsWith('/api/')) {
    return CACHED_API.test(url.pathname) && !PRIVATE_BY.has(url.searchParams.get('by'));
  }
  return true;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const name = request.method === 'GET' ? cacheFor(request, url) : null;
  if (!name) return; // the browser handles it as usual
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok) {
        const copy = response.clone();
        caches.open(name).then((cache) => cache.put(request, copy)).then(() => name === TILES && trimTilesSoon())
          .catch(() => undefined);
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

// the oldest tiles go first; trimming waits for a pause in the tile requests of a pan or zoom
let trimTimer = null;
function trimTilesSoon() {
  clearTimeout(trimTimer);
  trimTimer = setTimeout(async () => {
    const cache = await caches.open(TILES);
    const keys = await cache.keys();
    await Promise.all(keys.slice(0, Math.max(0, keys.length - TILE_LIMIT)).map((k) => cache.delete(k)));
  }, 2000);
}
