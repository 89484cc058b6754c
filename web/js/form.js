// The field-submission form: type, partner, grant, date, the fields of the type, a polygon drawn on the map or
// read from a GeoJSON file, the server's answer (a submitted event awaits review), and the offline queue's controls.
/* global L */
import {
  buildEvent, changedArea, CLASSIFICATIONS, EVENT_TYPES, fieldsFor, grantsFor, HAZARD_TYPES, LAND_USES, METHODS,
} from './event.js';
import { classShorts, escapeHtml as e, formatKm2, formatNumber, label, todayUtc } from './format.js';
import { countVertices, parsePolygonalGeoJson } from './geo.js';
import { t, tn } from './i18n.js';
import { submitEvent, uuid } from './queue.js';

export function createSubmitForm(root, { mapView, queue, auth, onSignIn, onSubmitted }) {
  const $ = (sel) => root.querySelector(sel);
  const form = $('#event-form');
  const type = $('#f-type');
  const partner = $('#f-partner');
  const grant = $('#f-grant');
  const date = $('#f-date');
  const method = $('#f-method');
  const landUse = $('#f-landUse');
  const errorsBox = $('#f-errors');
  const resultBox = $('#submit-result');
  const geometryStatus = $('#f-geometry-status');
  const drawBtn = $('#f-draw');
  const submitBtn = $('#f-submit');
  let grants = [];
  let geometry = null;
  let drawing = null;

  /** "Clearance of 2024-05-01 by HALO under NL-1 (event …, no. 7)", as HTML. */
  function describe(r) {
    const what = t(r.grant ? 'ui.result.eventUnder' : 'ui.result.event', { type: label(r.type), date: r.date,
      partner: r.partner, grant: r.grant });
    return `${e(what)}
        <span class="muted">${e(t('ui.result.eventId', { id: r.id, sequence: r.sequence }))}</span>`;
  }

  /** leaflet-draw's own tooltips, in the language shown (they are read when drawing starts). */
  function translateDrawTooltips() {
    const tip = L.drawLocal?.draw?.handlers?.polygon?.tooltip;
    if (!tip) return;
    tip.start = t('ui.form.drawTip.start');
    tip.cont = t('ui.form.drawTip.cont');
    tip.end = t('ui.form.drawTip.end');
    if (L.drawLocal.draw.handlers.polyline?.error) L.drawLocal.draw.handlers.polyline.error = t('ui.form.drawTip.error');
  }

  type.innerHTML = EVENT_TYPES.map((x) => `<option value="${x}">${e(label(x))}</option>`).join('');
  method.innerHTML = `<option value="">${e(t('ui.common.choose'))}</option>`
    + METHODS.map((m) => `<option value="${m}">${e(label(m))}</option>`).join('');
  landUse.innerHTML = `<option value="">${e(label('unknown'))}</option>`
    + LAND_USES.map((u) => `<option value="${u}">${e(label(u))}</option>`).join('');
  $('#f-classification').insertAdjacentHTML('beforeend', CLASSIFICATIONS.map((c, i) => `<label class="choice">
    <input type="radio" name="classification" value="${c}" ${i === 0 ? 'checked' : ''}> ${e(label(c))}</label>`)
    .join(''));
  $('#f-hazard-types').insertAdjacentHTML('beforeend', HAZARD_TYPES.map((x) => `<label class="choice">
    <input type="checkbox" name="hazardTypes" value="${x}"> ${e(label(x))}</label>`).join(''));
  $('#f-devices').insertAdjacentHTML('beforeend', HAZARD_TYPES.map((x) => `<div class="device">
    <label for="f-dev-${x}">${e(label(x))}</label>
    <input type="number" id="f-dev-${x}" name="devices-${x}" min="0" step="1" inputmode="numeric"></div>`).join(''));
  date.value = todayUtc();
  date.max = todayUtc();

  function showTypeFields() {
    const show = fieldsFor(type.value);
    for (const el of root.querySelectorAll('[data-for]')) el.hidden = !show[el.dataset.for];
  }

  function fillGrants() {
    const keep = grant.value;
    const list = grantsFor(grants, partner.value, date.value);
    grant.innerHTML = `<option value="">${e(t('ui.form.noGrant'))}</option>` + list.map((g) => `<option value="${e(g.id)}" ${
      g.covers ? '' : 'disabled'}>${e(g.id)} (${e(g.donor)}${g.covers ? ''
      : `, ${e(t('ui.form.grantRuns', { start: g.start, end: g.end }))}`})</option>`)
      .join('');
    if (list.some((g) => g.id === keep && g.covers)) grant.value = keep;
  }

  type.addEventListener('change', showTypeFields);
  partner.addEventListener('change', fillGrants);
  date.addEventListener('change', fillGrants);
  showTypeFields();

  // ---- the area: drawn, uploaded or pasted
  function setGeometry(g, source, layer) {
    geometry = g;
    mapView.draft.clearLayers();
    if (!g) {
      geometry = null;
      geometryStatus.textContent = t('ui.form.geometry.none');
      return;
    }
    const shown = layer ?? L.geoJSON(g, { pane: 'draft', style: { color: '#0050b3', weight: 2, fillOpacity: 0.15,
      className: 'lr-draft' } });
    mapView.draft.addLayer(shown);
    const n = countVertices(g);
    geometryStatus.textContent = t('ui.form.geometry.status', { shape: g.type === 'Polygon' ? t('ui.form.geometry.polygon')
      : tn('ui.form.geometry.polygons', g.coordinates.length), vertices: tn('ui.form.geometry.vertices', n,
      { count: formatNumber(n) }), source });
    const bounds = shown.getBounds?.();
    // a drawn polygon is already in view; a file's may be anywhere
    if (!layer && bounds?.isValid()) mapView.map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
  }
  setGeometry(null);

  function stopDrawing() {
    drawing?.disable();
    drawing = null;
    drawBtn.textContent = t('ui.form.draw');
    drawBtn.setAttribute('aria-pressed', 'false');
  }

  drawBtn.addEventListener('click', () => {
    if (drawing) return stopDrawing();
    if (!L.Draw?.Polygon) {
      geometryStatus.textContent = t('ui.form.geometry.noDrawing');
      return;
    }
    translateDrawTooltips();
    drawing = new L.Draw.Polygon(mapView.map, { allowIntersection: false, showArea: false,
      shapeOptions: { color: '#0050b3', weight: 2, fillOpacity: 0.15, className: 'lr-draft' } });
    drawing.enable();
    drawBtn.textContent = t('ui.form.cancelDraw');
    drawBtn.setAttribute('aria-pressed', 'true');
    geometryStatus.textContent = t('ui.form.geometry.drawing');
    mapView.map.getContainer().scrollIntoView({ block: 'nearest' });
  });
  mapView.map.on(L.Draw?.Event?.CREATED ?? 'draw:created', (ev) => {
    stopDrawing();
    const layer = ev.layer;
    setGeometry(layer.toGeoJSON().geometry, t('ui.form.geometry.drawn'), layer);
    // leaflet-draw's vertex editor expects the styles its edit toolbar would have stored
    layer.options.original = { ...layer.options };
    layer.options.editing = { ...layer.options, dashArray: '6 4', fillOpacity: 0.1 };
    layer.editing?.enable();
    layer.on('edit', () => {
      geometry = layer.toGeoJSON().geometry;
      const n = countVertices(geometry);
      geometryStatus.textContent = t('ui.form.geometry.status', { shape: t('ui.form.geometry.polygon'),
        vertices: tn('ui.form.geometry.vertices', n, { count: formatNumber(n) }), source: t('ui.form.geometry.edited') });
    });
  });
  mapView.map.on(L.Draw?.Event?.DRAWSTOP ?? 'draw:drawstop', () => {
    if (drawing) stopDrawing();
  });

  function readGeoJson(text, source) {
    try {
      setGeometry(parsePolygonalGeoJson(text), source);
      errorsBox.textContent = '';
    } catch (err) {
      setGeometry(null);
      geometryStatus.textContent = t('ui.form.geometry.unusable', { source, detail: err.message });
    }
  }

  $('#f-file').addEventListener('change', async (ev) => {
    const file = ev.target.files?.[0];
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      geometryStatus.textContent = t('ui.form.geometry.tooLarge', { file: file.name });
      return;
    }
    readGeoJson(await file.text(), t('ui.form.geometry.fromFile', { file: file.name }));
  });
  $('#f-paste-use').addEventListener('click', () => readGeoJson($('#f-paste').value, t('ui.form.geometry.pasted')));
  $('#f-clear').addEventListener('click', () => {
    stopDrawing();
    setGeometry(null);
    $('#f-file').value = '';
    mapView.clearProblem();
  });

  function clearArea() {
    stopDrawing();
    setGeometry(null);
    $('#f-file').value = '';
  }

  // ---- submitting
  function values() {
    const fd = new FormData(form);
    const devices = {};
    for (const x of HAZARD_TYPES) devices[x] = fd.get(`devices-${x}`);
    return { type: type.value, partner: partner.value, grant: grant.value, date: date.value,
      classification: fd.get('classification'), hazardTypes: fd.getAll('hazardTypes'), method: method.value,
      landUse: landUse.value, devicesFound: devices, notes: fd.get('notes'), geometry };
  }

  function showErrors(errors) {
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    errorsBox.innerHTML = errors.length ? `<p>${e(t('ui.form.correct'))}</p><ul>${errors.map((x) =>
      `<li>${e(x.message)}</li>`).join('')}</ul>` : '';
    for (const x of errors) {
      const el = form.querySelector(`[name="${x.field}"]`) ?? $(`#f-${x.field}`);
      el?.setAttribute('aria-invalid', 'true');
    }
    if (errors.length) {
      (form.querySelector('[aria-invalid="true"]') ?? errorsBox).focus?.();
    }
  }

  function renderSubmitted(r, status) {
    const decided = { REJECTED: t('ui.result.rejected'), WITHDRAWN: t('ui.result.withdrawn') }[r.status];
    resultBox.dataset.status = String(status);
    resultBox.dataset.eventId = r.id;
    resultBox.className = 'result result-ok';
    resultBox.innerHTML = `<h3>${e(status === 201 ? t('ui.result.submitted') : t('ui.result.alreadySubmitted'))}</h3>
      <p>${describe(r)}</p>
      <p id="result-review">${e(decided ?? t('ui.result.awaits'))}</p>
      <dl class="figures figures-compact">
        <div><dt>${e(t('ui.result.footprint'))}</dt><dd data-value="${r.footprintKm2}">${e(formatKm2(r.footprintKm2))}</dd></div>
      </dl>`;
  }

  function renderResult(r, status) {
    if (r.status !== 'APPROVED') return renderSubmitted(r, status);
    const changed = changedArea(r); // an approved result has one of the two
    const regions = (r.byRegion ?? []).map((x) => `<tr><th scope="row">${e(mapView.regionName(x.code))}</th>
      <td class="num">${e(formatKm2(x.km2, { unit: false }))}</td><td class="num">${e(formatNumber(x.km2 * 100, 2))}</td>
      </tr>`).join('');
    const hazards = (r.byHazard ?? []).map((x) => `<tr><th scope="row">#${e(x.hazardId)}</th>
      <td class="num">${e(formatKm2(x.km2, { unit: false }))}</td><td class="num">${e(formatNumber(x.km2 * 100, 2))}</td>
      </tr>`).join('');
    resultBox.dataset.status = String(status);
    resultBox.className = 'result result-ok';
    const km2 = e(t('ui.unit.km2Heading'));
    const ha = e(t('ui.unit.haHeading'));
    resultBox.innerHTML = `<h3>${e(status === 201 ? t('ui.result.recorded') : t('ui.result.alreadyApproved'))}</h3>
      <p>${describe(r)}</p>
      <dl class="figures figures-compact">
        <div><dt>${e(t('ui.result.footprint'))}</dt><dd>${e(formatKm2(r.footprintKm2))}</dd></div>
        <div><dt>${e(changed[0])}</dt><dd id="result-changed" data-value="${changed[1]}">${e(formatKm2(changed[1]))}</dd></div>
        ${r.reclassifiedKm2 ? `<div><dt>${e(t('ui.result.reclassified', classShorts()))}</dt><dd>${e(formatKm2(r.reclassifiedKm2))}</dd></div>` : ''}
        <div><dt>${e(t('ui.result.outside'))}</dt><dd>${e(formatKm2(r.outsideContaminationKm2))}</dd></div>
      </dl>
      <table class="data" id="result-regions"><caption>${e(t('ui.result.byRegion'))}</caption><thead><tr><th scope="col">${
        e(t('ui.result.region'))}</th><th scope="col" class="num">${km2}</th><th scope="col" class="num">${ha}</th></tr></thead>
        <tbody>${regions || `<tr><td colspan="3">${e(t('ui.result.noLand'))}</td></tr>`}</tbody></table>
      <table class="data" id="result-hazards"><caption>${e(t('ui.result.byHazard'))}</caption><thead><tr><th scope="col">${
        e(t('ui.result.hazard'))}</th><th scope="col" class="num">${km2}</th><th scope="col" class="num">${ha}</th></tr></thead>
        <tbody>${hazards || `<tr><td colspan="3">${e(t('ui.result.noHazard'))}</td></tr>`}</tbody></table>`;
  }

  function renderProblem(p, status) {
    const problem = p ?? { title: `HTTP ${status}`, detail: t('ui.result.noExplanation') };
    if (status === 401) {
      resultBox.dataset.status = '401';
      resultBox.className = 'result result-error';
      resultBox.innerHTML = `<div role="alert"><h3>${e(t('ui.result.signIn'))}</h3><p id="problem-detail">${
        e(t('ui.result.signInDetail'))}</p><p><button type="button" class="signin-open">${e(t('ui.signin.open'))}</button></p></div>`;
      resultBox.querySelector('.signin-open').addEventListener('click', () => onSignIn?.());
      return;
    }
    resultBox.dataset.status = String(status);
    resultBox.className = 'result result-error';
    resultBox.innerHTML = `<div role="alert"><h3>${e(t('ui.result.refused', { title: problem.title ?? `HTTP ${status}`,
      status }))}</h3>
      <p id="problem-detail">${e(problem.detail ?? '')}</p>
      ${problem.coordinate ? `<p>${e(t('ui.result.marker', { lon: problem.coordinate[0], lat: problem.coordinate[1] }))}</p>`
      : ''}</div>`;
    if (problem.coordinate) mapView.showProblem(problem.coordinate, problem.detail ?? '');
  }

  function renderQueued(reason) {
    resultBox.dataset.status = 'queued';
    resultBox.className = 'result result-queued';
    resultBox.innerHTML = `<h3>${e(t('ui.result.queued'))}</h3><p>${e(t('ui.result.queuedDetail', { reason }))}</p>`;
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    mapView.clearProblem();
    const { event, errors } = buildEvent(values(), { id: uuid(), today: todayUtc(), grants });
    showErrors(errors);
    if (!event) return;
    submitBtn.disabled = true;
    resultBox.dataset.status = 'sending';
    resultBox.className = 'result';
    resultBox.textContent = t('ui.result.sending');
    try {
      const r = await submitEvent(event, { fetch: (...a) => window.fetch(...a), queue, online: navigator.onLine,
        token: auth.token() });
      if (r.queued) {
        renderQueued(r.reason);
        clearArea();
      } else if (r.ok) {
        renderResult(r.body, r.status);
        clearArea();
        onSubmitted?.(r.body);
      } else {
        renderProblem(r.body, r.status);
      }
    } catch (err) {
      renderProblem({ title: t('ui.common.notSent'), detail: err.message }, 0);
    } finally {
      submitBtn.disabled = false;
      resultBox.focus({ preventScroll: false });
    }
  });

  // ---- the offline queue
  const queueCount = $('#queue-count');
  const queueStatus = $('#queue-status');
  const refusedBox = $('#queue-refused');

  function renderQueue() {
    const n = queue.size();
    queueCount.textContent = formatNumber(n);
    queueCount.dataset.value = String(n);
    $('#queue-flush').disabled = n === 0;
    const refused = queue.refused();
    refusedBox.hidden = !refused.length;
    refusedBox.querySelector('ul').innerHTML = refused.map((x) => `<li>${e(t('ui.queue.refusedItem', {
      type: label(x.event.type), date: x.event.date, partner: x.event.partner,
      detail: x.problem?.detail ?? t('ui.queue.refusedDefault') }))}</li>`).join('');
  }
  queue.subscribe(renderQueue);
  renderQueue();
  $('#queue-discard').addEventListener('click', () => queue.clearRefused());

  // ---- who submits: a field account sends its own partner's events only
  function showAccount() {
    const a = auth.account;
    $('#submit-signin').hidden = auth.token() !== null;
    if (a?.role === 'FIELD' && a.partner && [...partner.options].some((o) => o.value === a.partner)) {
      partner.value = a.partner;
      fillGrants();
    }
  }
  auth.subscribe(showAccount);

  return {
    setOptions(partnerList, grantList) {
      grants = grantList;
      const keep = partner.value || (auth.account?.role === 'FIELD' ? auth.account.partner : '');
      partner.innerHTML = `<option value="">${e(t('ui.common.choose'))}</option>` + partnerList.map((p) =>
        `<option value="${e(p.id)}">${e(p.name)}</option>`).join('');
      if (partnerList.some((p) => p.id === keep)) partner.value = keep;
      fillGrants();
      showAccount();
    },
    renderQueue,
    /** What the form holds (fields and area), kept across a language switch's reload; null when untouched. */
    draft() {
      const fields = {};
      for (const el of form.querySelectorAll('select[name], input[name], textarea[name]')) {
        if (el.type === 'file') continue;
        if (el.type === 'checkbox' || el.type === 'radio') fields[`${el.name}=${el.value}`] = el.checked;
        else fields[el.name] = el.value;
      }
      return { fields, geometry };
    },
    restore(d) {
      if (!d?.fields) return;
      const set = (el, v) => {
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = !!v;
        else el.value = v;
      };
      for (const el of form.querySelectorAll('select[name], input[name], textarea[name]')) {
        if (el.name === 'grant' || el.type === 'file') continue; // the grants follow the partner and date
        const key = el.type === 'checkbox' || el.type === 'radio' ? `${el.name}=${el.value}` : el.name;
        if (key in d.fields) set(el, d.fields[key]);
      }
      showTypeFields();
      fillGrants();
      if ([...grant.options].some((o) => o.value === d.fields.grant && !o.disabled)) grant.value = d.fields.grant;
      if (d.geometry) setGeometry(d.geometry, t('ui.form.geometry.kept'));
    },
    showFlush(s) {
      if (!s.sent && !s.error) return;
      const n = queue.size();
      const events = tn('ui.queue.events', n, { count: formatNumber(n) });
      queueStatus.dataset.error = s.error ?? '';
      if (s.error === 'unauthorized') {
        queueStatus.textContent = t('ui.queue.signIn', { events });
      } else if (s.error === 'forbidden') {
        queueStatus.textContent = t('ui.queue.forbidden', { events,
          detail: s.problem?.detail ?? t('ui.queue.forbiddenDefault') });
      } else if (s.error && !s.sent) {
        queueStatus.textContent = t('ui.queue.stillOffline', { error: s.error });
      } else {
        const notAllowed = s.problems.find((p) => p.status === 401 || p.status === 403)?.problem?.detail;
        const parts = [t('ui.queue.sentParts', { created: s.created, replayed: s.replayed, refused: s.refused })];
        if (s.notAllowed) {
          parts.push(t('ui.queue.notAllowed', { n: s.notAllowed, detail: notAllowed ?? t('ui.queue.forbiddenDefault') }));
        }
        if (s.kept) parts.push(t('ui.queue.kept', { n: s.kept }));
        queueStatus.textContent = t('ui.queue.sent', { sent: tn('ui.queue.sentEvents', s.sent), parts: parts.join(', ') });
      }
    },
    /** Says why the queue waits without trying to send it: nobody is signed in. */
    showSignInNeeded() {
      const n = queue.size();
      queueStatus.dataset.error = 'unauthorized';
      queueStatus.textContent = t('ui.queue.signIn', { events: tn('ui.queue.events', n, { count: formatNumber(n) }) });
    },
  };
}
