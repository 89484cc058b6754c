// The reviewers' panel: the queue of submitted events, each with Show on map, Approve and Reject (with a reason
// typed in the row), and "approve selected" through the batch endpoint. A reviewer decides; an administrator sees
// the queue read-only (the service lets reviewers alone decide); any other account never sees the tab.
/* global L */
import { escapeHtml as e, formatDate } from './format.js';
import { t, tn } from './i18n.js';
import { isPhoneLayout } from './layout.js';
import { createReviewClient, isAlreadyDecided, reviewAccess } from './review.js';
import { approvalFiguresHtml, batchHtml, describeEvent as describe, queueRowHtml } from './reviewhtml.js';

const FOOTPRINT_STYLE = { color: '#6a1b9a', weight: 3, dashArray: '6 4', fillColor: '#6a1b9a', fillOpacity: 0.15 };

export function createReviewPanel(root, { auth, tab, map, regionName, onDecided, onHidden }) {
  const client = createReviewClient({ fetch: (...a) => window.fetch(...a), headers: (x) => auth.headers(x) });
  const $ = (sel) => root.querySelector(sel);
  const list = $('#review-list');
  const statusEl = $('#review-status');
  const resultBox = $('#review-result');
  const bulk = $('#review-bulk');
  const selectAll = $('#review-select-all');
  const approveSelected = $('#review-approve-selected');
  const more = $('#review-more');
  const footprint = L.geoJSON(null, { style: FOOTPRINT_STYLE }).addTo(map);
  let queue = []; // the events listed, oldest first
  let nextCursor = null;
  let access = null;
  let generation = 0; // a newer load (or a sign-out) makes an older answer stale
  let shownId = null; // the event whose footprint the map shows

  const find = (id) => queue.find((x) => x.id === id);
  const rowOf = (id) => [...list.children].find((li) => li.dataset.eventId === id);

  function picks() {
    return [...list.querySelectorAll('.review-pick')];
  }

  function updateSelection() {
    const all = picks();
    const chosen = all.filter((c) => c.checked).length;
    selectAll.checked = all.length > 0 && chosen === all.length;
    selectAll.indeterminate = chosen > 0 && chosen < all.length;
    approveSelected.disabled = chosen === 0;
    approveSelected.textContent = chosen ? t('ui.review.approveSelectedN', { n: chosen }) : t('ui.review.approveSelected');
  }

  function showCount() {
    const n = queue.length;
    const plus = nextCursor ? '+' : '';
    tab.textContent = n ? t('ui.review.tabN', { n: `${n}${plus}` }) : t('ui.tabs.review');
    root.dataset.count = String(n);
    statusEl.className = '';
    statusEl.textContent = n ? tn('ui.review.awaiting', n, { count: `${n}${plus}` })
      : t('ui.review.none');
    more.hidden = !nextCursor;
    updateSelection();
  }

  function remove(id) {
    queue = queue.filter((x) => x.id !== id);
    rowOf(id)?.remove();
    if (shownId === id) footprint.clearLayers();
    showCount();
  }

  async function load({ next = false } = {}) {
    const gen = ++generation;
    root.setAttribute('aria-busy', 'true');
    try {
      const page = await client.queue(next ? nextCursor : undefined);
      if (gen !== generation) return;
      const known = new Set(next ? queue.map((x) => x.id) : []);
      const fresh = (page.events ?? []).filter((x) => !known.has(x.id));
      if (!next) {
        queue = [];
        list.innerHTML = '';
      }
      queue.push(...fresh);
      list.insertAdjacentHTML('beforeend', fresh.map((x) => queueRowHtml(x, access === 'decide')).join(''));
      nextCursor = page.nextCursor ?? null;
      showCount();
      root.dataset.loaded = 'true';
    } catch (err) {
      if (gen !== generation) return;
      refused(err);
      statusEl.className = 'error';
      statusEl.textContent = t('ui.review.loadFailed', { detail: problemText(err) });
    } finally {
      if (gen === generation) root.removeAttribute('aria-busy');
    }
  }

  function problemText(err) {
    if (err instanceof TypeError) return t('ui.review.unreachable');
    return err?.problem?.detail ?? err?.message ?? String(err);
  }

  /** A revoked token is forgotten, as everywhere in the client. */
  function refused(err) {
    auth.forgetIfRevoked(err?.status, err?.problem);
  }

  function show(kind, html, id = '') {
    resultBox.dataset.status = kind;
    resultBox.dataset.eventId = id;
    resultBox.className = `result ${kind === 'approved' || kind === 'rejected' || kind === 'batch' ? 'result-ok'
      : 'result-error'}`;
    resultBox.innerHTML = html;
  }

  /** The event is no longer in the queue: say who decided it, as its history tells. */
  async function showAlreadyDecided(ev, err) {
    remove(ev.id);
    let now = '';
    try {
      const h = await client.history(ev.id);
      const last = h.history?.[h.history.length - 1];
      const at = last?.at ? `${formatDate(last.at.slice(0, 10))}, ${last.at.slice(11, 16)} UTC` : '';
      if (last) {
        now = t(last.reason ? 'ui.review.nowReason' : 'ui.review.now', { status: t(`ui.status.${last.to}`), by: last.by,
          at, reason: last.reason });
      }
    } catch {
      now = ''; // the problem's detail already says its status
    }
    show('conflict', `<div role="alert"><h3>${e(t('ui.review.alreadyDecided'))}</h3>
      <p>${e(describe(ev))}: <span class="review-problem-detail">${e(err.problem?.detail ?? err.message)}</span></p>
      ${now ? `<p class="review-now">${e(now)}</p>` : ''}
      <p>${e(t('ui.review.nothingChanged'))}</p></div>`, ev.id);
    onDecided?.(); // someone else's decision may have changed the figures
  }

  function showRefusal(ev, err, row) {
    refused(err);
    const detail = problemText(err);
    show('error', `<div role="alert"><h3>${e(t(err.status ? 'ui.result.refused' : 'ui.result.refusedNoStatus', {
      title: err.problem?.title ?? `HTTP ${err.status ?? '–'}`, status: err.status }))}</h3><p>${e(describe(ev))}:
      <span class="review-problem-detail">${e(detail)}</span></p></div>`, ev.id);
    if (row) row.querySelector('.review-row-status').textContent = detail;
  }

  /** Runs one decision on a row: its buttons wait, and the answer (or refusal) is shown above the queue. */
  async function decide(ev, row, send, done) {
    row.setAttribute('aria-busy', 'true');
    for (const b of row.querySelectorAll('button, input')) b.disabled = true;
    try {
      done(await send());
      remove(ev.id);
    } catch (err) {
      if (isAlreadyDecided(err)) return showAlreadyDecided(ev, err);
      for (const b of row.querySelectorAll('button, input')) b.disabled = false;
      showRefusal(ev, err, row);
    } finally {
      row.removeAttribute('aria-busy');
    }
    return undefined;
  }

  function approve(ev, row) {
    return decide(ev, row, () => client.approve(ev.id), (r) => {
      show('approved', `<h3>${e(t('ui.review.approved', { event: describe(ev) }))}</h3>${approvalFiguresHtml(r, regionName)}`, ev.id);
      onDecided?.();
    });
  }

  function reject(ev, row) {
    const form = row.querySelector('.review-reason');
    const input = form.querySelector('.review-reason-text');
    const reason = input.value.trim();
    if (!reason) {
      input.setAttribute('aria-invalid', 'true');
      row.querySelector('.review-row-status').textContent = t('ui.review.giveReason');
      input.focus();
      return undefined;
    }
    input.removeAttribute('aria-invalid');
    return decide(ev, row, () => client.reject(ev.id, reason), () => {
      show('rejected', `<h3>${e(t('ui.review.rejected', { event: describe(ev) }))}</h3><p>${e(t('ui.review.reasonGiven'))}
        <span class="review-reason-shown">${e(reason)}</span>. ${e(t('ui.review.neverCounts'))}</p>`, ev.id);
    });
  }

  async function approveChosen() {
    const ids = picks().filter((c) => c.checked).map((c) => c.closest('li').dataset.eventId);
    const events = ids.map(find).filter(Boolean);
    if (!events.length) return;
    approveSelected.disabled = true;
    statusEl.textContent = t('ui.review.approving', { n: events.length });
    let out;
    try {
      out = await client.approveAll(events.map((x) => x.id));
    } catch (err) {
      refused(err);
      show('error', `<div role="alert"><h3>${e(t('ui.review.nothingApproved'))}${err.status ? ` (${e(err.status)})` : ''}</h3>
        <p class="review-problem-detail">${e(problemText(err))}</p></div>`);
      showCount();
      return;
    }
    show('batch', batchHtml(out, events.length, find));
    for (const x of out.approved) remove(x.id);
    for (const x of out.refused) {
      if (isAlreadyDecided(x)) remove(x.id);
      else if (rowOf(x.id)) rowOf(x.id).querySelector('.review-row-status').textContent = x.problem?.detail ?? '';
    }
    showCount();
    if (out.approved.length || out.refused.some(isAlreadyDecided)) onDecided?.();
  }

  async function showOnMap(ev) {
    try {
      const full = await client.event(ev.id);
      footprint.clearLayers();
      shownId = ev.id;
      footprint.addData({ type: 'Feature', geometry: full.geometry, properties: {} });
      footprint.eachLayer((l) => l.bindPopup(`<strong>${e(t('ui.review.awaitingPopup'))}</strong><br>${e(describe(ev))}`));
      const bounds = footprint.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
      root.dataset.shown = ev.id;
      if (isPhoneLayout()) map.getContainer().scrollIntoView({ behavior: 'smooth' });
    } catch (err) {
      showRefusal(ev, err, rowOf(ev.id));
    }
  }

  list.addEventListener('click', (ev) => {
    const row = ev.target.closest('li.review-item');
    const item = row && find(row.dataset.eventId);
    if (!item) return;
    const form = row.querySelector('.review-reason');
    if (ev.target.closest('.review-show')) showOnMap(item);
    else if (ev.target.closest('.review-approve')) approve(item, row);
    else if (ev.target.closest('.review-reject')) {
      form.hidden = !form.hidden;
      row.querySelector('.review-reject').setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) form.querySelector('input').focus();
    } else if (ev.target.closest('.review-reject-cancel')) {
      form.hidden = true;
      row.querySelector('.review-reject').setAttribute('aria-expanded', 'false');
      row.querySelector('.review-reject').focus();
    }
  });
  list.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const row = ev.target.closest('li.review-item');
    const item = row && find(row.dataset.eventId);
    if (item) reject(item, row);
  });
  list.addEventListener('change', (ev) => {
    if (ev.target.matches('.review-pick')) updateSelection();
  });
  selectAll.addEventListener('change', () => {
    for (const c of picks()) c.checked = selectAll.checked;
    updateSelection();
  });
  approveSelected.addEventListener('click', approveChosen);
  $('#review-reload').addEventListener('click', () => load());
  more.addEventListener('click', () => load({ next: true }));

  function setAccount(account) {
    const was = access;
    access = reviewAccess(account);
    tab.hidden = !access;
    bulk.hidden = access !== 'decide';
    $('#review-readonly').hidden = access !== 'read';
    if (access && access === was) return;
    generation++;
    queue = [];
    nextCursor = null;
    list.innerHTML = '';
    resultBox.innerHTML = '';
    footprint.clearLayers();
    delete root.dataset.loaded;
    tab.textContent = t('ui.tabs.review');
    if (access) load();
    else if (was) onHidden?.(); // signed out (or another account) while the queue was open
  }
  auth.subscribe((account) => setAccount(account));
  setAccount(auth.account);

  return { reload: () => (access ? load() : undefined), get queue() { return queue; } };
}
