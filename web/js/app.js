// Starts the client: the map and the panels, the "as of" replay, the tabs, the sign-in and the offline queue's
// triggers.
import config from '../config.js';
import { api, auth, debounce, getJson, isAuthError, latestOnly, query } from './api.js';
import { createCountrySelect } from './countries.js';
import { createDonorView } from './donors.js';
import { createSubmitForm } from './form.js';
import { addDays, daysBetween, formatDate, formatNumber, todayUtc } from './format.js';
import { createLanguageSwitch, t, takeResume, tn, translatePage } from './i18n.js';
import { isPhoneLayout } from './layout.js';
import { createMap } from './map.js';
import { createMonthChart, createRegionTable, monthTableHtml, renderSummary } from './panels.js';
import { OfflineQueue } from './queue.js';
import { createReviewPanel } from './reviewpanel.js';
import { createSignIn } from './signin.js';

const $ = (id) => document.getElementById(id);
const app = { errors: [], firstRenderMs: null };
window.landrelease = app;

function notice(text, kind = 'error') {
  const box = $('notice');
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = !text;
}

function reportError(err) {
  const unreachable = !navigator.onLine || err instanceof TypeError;
  if (unreachable) {
    const net = $('net-state');
    net.textContent = navigator.onLine ? t('ui.net.unreachable') : t('ui.net.offline');
    net.dataset.state = 'offline';
    notice(t('ui.notice.unreachable'), 'offline');
  } else if (err?.status === 401) {
    notice(t('ui.notice.signIn', { detail: err.message }));
  } else if (err?.status === 403) {
    notice(t('ui.notice.forbidden', { detail: err.message }));
  } else {
    app.errors.push(String(err?.message ?? err));
    notice(t('ui.notice.loadFailed', { detail: err?.message ?? err }));
  }
}

window.addEventListener('error', (ev) => app.errors.push(String(ev.message)));
window.addEventListener('unhandledrejection', (ev) => app.errors.push(String(ev.reason?.message ?? ev.reason)));

function setUpTabs(onShow) {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    onShow(tab.id);
  };
  tabs.forEach((t) => {
    t.addEventListener('click', () => select(t, false));
    t.addEventListener('keydown', (ev) => {
      const shown = tabs.filter((x) => !x.hidden); // the review tab shows for reviewers only
      const i = shown.indexOf(t);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: shown.length - 1 }[ev.key];
      if (next === undefined) return;
      ev.preventDefault();
      select(shown[(next + shown.length) % shown.length], true);
    });
  });
  return (id) => select($(id), false);
}

/** The value, or fallback when the service wants a token (or another account) for it. */
function unlessRefused(promise, fallback) {
  return promise.catch((err) => {
    if (isAuthError(err)) return fallback;
    throw err;
  });
}

async function main() {
  translatePage();
  const resume = takeResume(); // the view kept across a language switch
  const checked = auth.check().catch(() => null); // who the kept token is; requests carry it meanwhile
  const signIn = createSignIn($('account'), { auth });
  document.addEventListener('click', (ev) => {
    if (ev.target.closest?.('.signin-open')) signIn.open();
  });
  app.auth = auth;
  const mapView = createMap($('map'), { config, statusEl: $('map-status'), onError: reportError });
  const regionTable = createRegionTable($('region-table'), {
    onSelect: (code) => {
      mapView.zoomToRegion(code);
      if (isPhoneLayout()) $('map').scrollIntoView({ behavior: 'smooth' });
    },
  });
  const monthChart = createMonthChart($('month-chart'), {});
  const donors = createDonorView($('panel-donors'), { regionName: mapView.regionName, onError: reportError,
    onGrant: (id) => mapView.setGrant(id) });
  const queue = new OfflineQueue({ storage: window.localStorage, fetch: (...a) => window.fetch(...a),
    token: () => auth.token() });
  const badge = $('queue-badge');
  const net = $('net-state');
  const showNet = () => {
    net.textContent = navigator.onLine ? t('ui.net.online') : t('ui.net.offline');
    net.dataset.state = navigator.onLine ? 'online' : 'offline';
    const n = queue.size();
    badge.hidden = n === 0;
    badge.textContent = tn('ui.net.queued', n, { count: formatNumber(n) });
    badge.setAttribute('aria-label', tn('ui.net.queuedLabel', n, { count: formatNumber(n) }));
  };
  queue.subscribe(showNet);
  showNet();
  // a submission or a review decision changes today's ledger: leave the replay to show it, and read it again
  const showChange = () => {
    if (asOf) $('asof-today').click();
    refreshAll();
  };
  const form = createSubmitForm($('panel-submit'), {
    mapView, queue, auth, onSignIn: () => signIn.open(), onSubmitted: showChange,
  });
  const review = createReviewPanel($('panel-review'), {
    auth, tab: $('tab-review'), map: mapView.map, regionName: mapView.regionName, onDecided: showChange,
    onHidden: () => {
      if ($('tab-review').getAttribute('aria-selected') === 'true') showTab('tab-regions');
    },
  });
  const showTab = setUpTabs((id) => {
    if (id === 'tab-chart') monthChart.show();
    if (id === 'tab-donors') donors.show();
    if (id === 'tab-review') review.reload();
  });
  app.showTab = showTab;
  // the language switch reloads the page in the chosen language, and this view comes back (restore below)
  createLanguageSwitch($('lang-switch'), {
    resume: () => ({
      tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? null,
      center: mapView.map.getCenter(), zoom: mapView.map.getZoom(),
      donor: $('donor').value, grant: $('grant').value, form: form.draft(),
    }),
  }).catch((err) => app.errors.push(`language switch: ${err.message}`));
  app.map = mapView.map;
  app.tiles = mapView.detailLayers;
  app.queue = queue;
  app.review = review;

  // ---- figures, replayed through time with asOf, of one country or all of them
  let asOf = null;
  let country = null;
  const figures = latestOnly();
  async function loadFigures() {
    const when = asOf;
    const of = country ?? undefined;
    const got = await figures.run((signal) => Promise.all([
      getJson(`/api/stats/summary${query({ asOf: when, country: of })}`, { signal }),
      getJson(`/api/regions${query({ asOf: when, country: of })}`, { signal }),
    ]));
    if (!got) return false;
    const [summary, regions] = got;
    renderSummary($('summary'), summary, when);
    regionTable.setRows(regions);
    mapView.setRegions(regions, when);
    $('dataset').textContent = summary.dataset ?? '';
    $('summary').dataset.asof = when ?? '';
    return true;
  }

  async function loadMonths() {
    const months = await api.releasedBy('month');
    monthChart.setData(months);
    $('month-table').innerHTML = monthTableHtml(months, t('ui.chart.tableCaption'));
    return months;
  }

  // grants and funding figures are not public: asked for only with a token; offline, the partners (cached) still fill
  // the form
  async function loadFunding() {
    const withToken = auth.token() !== null;
    const [partners, grants, donorTotals] = await Promise.allSettled([api.partners(),
      withToken ? unlessRefused(api.grants(), null) : null,
      withToken ? unlessRefused(api.releasedBy('donor'), []) : []]);
    if (partners.status === 'rejected') throw partners.reason;
    const value = (r, fallback) => (r.status === 'fulfilled' ? r.value : fallback);
    const refused = grants.status === 'fulfilled' && grants.value === null;
    form.setOptions(partners.value, value(grants, null) ?? []);
    donors.setGrants(value(grants, null) ?? [], value(donorTotals, []), auth.token() !== null && !refused);
    for (const r of [grants, donorTotals]) if (r.status === 'rejected') throw r.reason;
  }

  async function refreshAll() {
    try {
      await Promise.all([loadFigures(), loadMonths(), loadFunding(), mapView.refreshDetail()]);
      donors.reload();
      notice('');
      showNet();
    } catch (err) {
      reportError(err);
    }
  }
  app.refresh = refreshAll;

  // ---- first meaningful render: boundaries, choropleth, summary and the region table
  try {
    const chosen = await createCountrySelect($('country'), {
      onChange: (code) => {
        country = code;
        mapView.fitCountry(code);
        loadFigures().catch(reportError);
      },
    }).catch(() => ({ code: null }));
    country = chosen.code;
    const [boundaries] = await Promise.all([api.boundaries(0.01), loadFigures()]);
    mapView.setBoundaries(boundaries);
    if (country) mapView.fitCountry(country);
    app.firstRenderMs = Math.round(performance.now());
    performance.mark('landrelease-first-render');
    document.documentElement.dataset.ready = 'true';
  } catch (err) {
    reportError(err);
  }

  // ---- then the rest
  let months = [];
  try {
    [months] = await Promise.all([loadMonths(), loadFunding(), mapView.refreshDetail()]);
  } catch (err) {
    reportError(err);
  }
  let first = null;
  try {
    first = (await api.firstEvents()).events?.[0]?.date ?? null;
  } catch (err) {
    reportError(err);
  }
  setUpSlider(months, first);
  if (resume) await restore(resume);
  document.documentElement.dataset.loaded = 'true';
  // reloading without a connection then still shows the client and the last figures (see sw.js)
  if (config.offlineCache && 'serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('/sw.js').catch((err) => app.errors.push(`service worker: ${err.message}`));
  }

  // ---- the view as it was before a language switch: map, tab, donor and grant
  async function restore(view) {
    form.restore(view.form); // before the map's view: an area from a file moves the map to itself
    if (view.center && Number.isFinite(view.zoom)) mapView.map.setView(view.center, view.zoom, { animate: false });
    await checked; // the review tab shows once the account is known
    const tab = view.tab && $(view.tab);
    if (tab && !tab.hidden) showTab(view.tab);
    const pick = (id, value) => {
      const sel = $(id);
      if (!value || ![...sel.options].some((o) => o.value === value)) return false;
      sel.value = value;
      sel.dispatchEvent(new Event('change'));
      return true;
    };
    if (pick('donor', view.donor)) pick('grant', view.grant);
  }

  // ---- "as of" slider
  function setUpSlider(monthRows, firstDate) {
    const today = todayUtc();
    const candidates = [firstDate, monthRows[0] ? `${monthRows[0].key}-01` : null].filter(Boolean).sort();
    const start = candidates[0] ?? addDays(today, -365);
    const range = $('asof-range');
    const out = $('asof-value');
    const max = Math.max(1, daysBetween(start, today));
    range.min = '0';
    range.dataset.start = start;
    range.max = String(max);
    range.value = String(max);
    range.disabled = false;
    const dateAt = (v) => (Number(v) >= max ? null : addDays(start, Number(v)));
    const show = () => {
      const d = dateAt(range.value);
      out.value = d ? formatDate(d) : t('ui.asof.today');
      range.setAttribute('aria-valuetext', d ? formatDate(d) : t('ui.asof.today'));
    };
    const apply = debounce(async () => {
      asOf = dateAt(range.value);
      mapView.setAsOf(asOf);
      monthChart.setAsOf(asOf);
      try {
        await loadFigures();
      } catch (err) {
        reportError(err);
      }
    }, 150);
    range.addEventListener('input', () => {
      show();
      apply();
    });
    let timer = null;
    const play = $('asof-play');
    const stop = () => {
      clearInterval(timer);
      timer = null;
      play.setAttribute('aria-pressed', 'false');
      play.textContent = t('ui.asof.play');
    };
    play.addEventListener('click', () => {
      if (timer) return stop();
      if (Number(range.value) >= max) range.value = '0';
      play.setAttribute('aria-pressed', 'true');
      play.textContent = t('ui.asof.pause');
      timer = setInterval(() => {
        range.value = String(Math.min(max, Number(range.value) + 30));
        show();
        apply();
        if (Number(range.value) >= max) stop();
      }, 900);
    });
    play.disabled = false;
    $('asof-today').addEventListener('click', () => {
      stop();
      range.value = String(max);
      show();
      apply();
    });
    $('asof-today').disabled = false;
    show();
  }

  // ---- the offline queue: flush when the connection returns, on a timer, and now
  badge.addEventListener('click', () => {
    showTab('tab-submit');
    $('queue-panel').scrollIntoView({ block: 'nearest' });
  });

  async function flush() {
    if (!queue.size()) return null;
    if (!auth.token()) {
      form.showSignInNeeded(); // the service would answer 401: the events wait for a sign-in
      return null;
    }
    try {
      const s = await queue.flush();
      if (s.error === 'unauthorized') auth.forgetIfRevoked(401, s.problem);
      form.showFlush(s);
      form.renderQueue();
      if (s.created || s.replayed) refreshAll();
      return s;
    } catch (err) {
      reportError(err);
      return null;
    }
  }
  app.flush = flush;
  $('queue-flush').addEventListener('click', flush);
  window.addEventListener('online', () => {
    showNet();
    flush();
  });
  window.addEventListener('offline', showNet);
  setInterval(() => {
    if (queue.size() && navigator.onLine) flush();
  }, config.queueRetrySeconds * 1000);
  flush();

  // ---- signing in or out changes what may be read and sent
  await checked;
  auth.subscribe(() => {
    refreshAll();
    flush();
  });
}

main();
