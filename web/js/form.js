// The field-submission form: type, partner, grant, date, the fields of the type, a polygon drawn on the map or
// read from a GeoJSON file, the server's answer (a submitted event awaits review), and the offline queue's controls.
/* global L */
import {
  buildEvent, changedArea, CLASSIFICATIONS, EVENT_TYPES, fieldsFor, grantsFor, HAZARD_TYPES, LAND_USES, METHODS,
} from './event.js';
import { escapeHtml as e, formatKm2, formatNumber, label, todayUtc } from './format.js';
import { countVertices, parsePolygonalGeoJson } from './geo.js';
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

  type.innerHTML = EVENT_TYPES.map((t) => `<option value="${t}">${e(label(t))}</option>`).join('');
  method.innerHTML = '<option value="">Choose…</option>'
    + METHODS.map((m) => `<option value="${m}">${e(label(m))}</option>`).join('');
  landUse.innerHTML = '<option value="">Not recorded</option>'
    + LAND_USES.map((u) => `<option value="${u}">${e(label(u))}</option>`).join('');
  $('#f-classification').insertAdjacentHTML('beforeend', CLASSIFICATIONS.map((c, i) => `<label class="choice">
    <input type="radio" name="classification" value="${c}" ${i === 0 ? 'checked' : ''}> ${e(label(c))}</label>`)
    .join(''));
  $('#f-hazard-types').insertAdjacentHTML('beforeend', HAZARD_TYPES.map((t) => `<label class="choice">
    <input type="checkbox" name="hazardTypes" value="${t}"> ${e(label(t))}</label>`).join(''));
  $('#f-devices').insertAdjacentHTML('beforeend', HAZARD_TYPES.map((t) => `<div class="device">
    <label for="f-dev-${t}">${e(label(t))}</label>
    <input type="number" id="f-dev-${t}" name="devices-${t}" min="0" step="1" inputmode="numeric"></div>`).join(''));
  date.value = todayUtc();
  date.max = todayUtc();

  function showTypeFields() {
    const show = fieldsFor(type.value);
    for (const el of root.querySelectorAll('[data-for]')) el.hidden = !show[el.dataset.for];
  }

  function fillGrants() {
    const keep = grant.value;
    const list = grantsFor(grants, partner.value, date.value);
    grant.innerHTML = '<option value="">No grant</option>' + list.map((g) => `<option value="${e(g.id)}" ${
      g.covers ? '' : 'disabled'}>${e(g.id)} (${e(g.donor)}${g.covers ? '' : `, runs ${e(g.start)} – ${e(g.end)}`})</option>`)
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
      geometryStatus.textContent = 'No area yet: draw it on the map, or upload or paste a GeoJSON polygon.';
      return;
    }
    const shown = layer ?? L.geoJSON(g, { pane: 'draft', style: { color: '#0050b3', weight: 2, fillOpacity: 0.15,
      className: 'lr-draft' } });
    mapView.draft.addLayer(shown);
    const n = countVertices(g);
    geometryStatus.textContent = `${g.type === 'Polygon' ? 'Polygon' : `${g.coordinates.length} polygons`}, ${
      formatNumber(n)} vertices, ${source}.`;
    const bounds = shown.getBounds?.();
    // a drawn polygon is already in view; a file's may be anywhere
    if (!layer && bounds?.isValid()) mapView.map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
  }
  setGeometry(null);

  function stopDrawing() {
    drawing?.disable();
    drawing = null;
    drawBtn.textContent = 'Draw on the map';
    drawBtn.setAttribute('aria-pressed', 'false');
  }

  drawBtn.addEventListener('click', () => {
    if (drawing) return stopDrawing();
    if (!L.Draw?.Polygon) {
      geometryStatus.textContent = 'Drawing is not available; upload or paste a GeoJSON file instead.';
      return;
    }
    drawing = new L.Draw.Polygon(mapView.map, { allowIntersection: false, showArea: false,
      shapeOptions: { color: '#0050b3', weight: 2, fillOpacity: 0.15, className: 'lr-draft' } });
    drawing.enable();
    drawBtn.textContent = 'Cancel drawing';
    drawBtn.setAttribute('aria-pressed', 'true');
    geometryStatus.textContent = 'Click on the map to place each corner; click the first corner to close.';
    mapView.map.getContainer().scrollIntoView({ block: 'nearest' });
  });
  mapView.map.on(L.Draw?.Event?.CREATED ?? 'draw:created', (ev) => {
    stopDrawing();
    const layer = ev.layer;
    setGeometry(layer.toGeoJSON().geometry, 'drawn on the map (drag its corners to adjust)', layer);
    // leaflet-draw's vertex editor expects the styles its edit toolbar would have stored
    layer.options.original = { ...layer.options };
    layer.options.editing = { ...layer.options, dashArray: '6 4', fillOpacity: 0.1 };
    layer.editing?.enable();
    layer.on('edit', () => {
      geometry = layer.toGeoJSON().geometry;
      geometryStatus.textContent = `Polygon, ${formatNumber(countVertices(geometry))} vertices, drawn and edited.`;
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
      geometryStatus.textContent = `Could not use ${source}: ${err.message}`;
    }
  }

  $('#f-file').addEventListener('change', async (ev) => {
    const file = ev.target.files?.[0];
    if (!file) return;
    if (file.size > 10 * 1024 * 1024) {
      geometryStatus.textContent = `${file.name} is over 10 MB, the service's limit.`;
      return;
    }
    readGeoJson(await file.text(), `from ${file.name}`);
  });
  $('#f-paste-use').addEventListener('click', () => readGeoJson($('#f-paste').value, 'pasted GeoJSON'));
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
    for (const t of HAZARD_TYPES) devices[t] = fd.get(`devices-${t}`);
    return { type: type.value, partner: partner.value, grant: grant.value, date: date.value,
      classification: fd.get('classification'), hazardTypes: fd.getAll('hazardTypes'), method: method.value,
      landUse: landUse.value, devicesFound: devices, notes: fd.get('notes'), geometry };
  }

  function showErrors(errors) {
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    errorsBox.innerHTML = errors.length ? `<p>Please correct:</p><ul>${errors.map((x) =>
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
    const decided = { REJECTED: 'A reviewer rejected it.', WITHDRAWN: 'It was withdrawn.' }[r.status];
    resultBox.dataset.status = String(status);
    resultBox.dataset.eventId = r.id;
    resultBox.className = 'result result-ok';
    resultBox.innerHTML = `<h3>${status === 201 ? 'Submitted, awaiting review'
      : 'Already submitted: nothing was sent twice'}</h3>
      <p>${e(label(r.type))} of ${e(r.date)} by ${e(r.partner)}${r.grant ? ` under ${e(r.grant)}` : ''}
        <span class="muted">(event ${e(r.id)}, no. ${e(r.sequence)})</span></p>
      <p id="result-review">${decided ? e(decided) : `It counts once a reviewer approves it: until then the figures
        and the map do not change.`}</p>
      <dl class="figures figures-compact">
        <div><dt>Footprint</dt><dd data-value="${r.footprintKm2}">${e(formatKm2(r.footprintKm2))}</dd></div>
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
    resultBox.innerHTML = `<h3>${status === 201 ? 'Recorded' : 'Already approved: nothing was counted twice'}</h3>
      <p>${e(label(r.type))} of ${e(r.date)} by ${e(r.partner)}${r.grant ? ` under ${e(r.grant)}` : ''}
        <span class="muted">(event ${e(r.id)}, no. ${e(r.sequence)})</span></p>
      <dl class="figures figures-compact">
        <div><dt>Footprint</dt><dd>${e(formatKm2(r.footprintKm2))}</dd></div>
        <div><dt>${changed[0]}</dt><dd id="result-changed" data-value="${changed[1]}">${e(formatKm2(changed[1]))}</dd></div>
        ${r.reclassifiedKm2 ? `<div><dt>Confirmed (SHA → CHA)</dt><dd>${e(formatKm2(r.reclassifiedKm2))}</dd></div>` : ''}
        <div><dt>Outside contamination</dt><dd>${e(formatKm2(r.outsideContaminationKm2))}</dd></div>
      </dl>
      <table class="data" id="result-regions"><caption>By region</caption><thead><tr><th scope="col">Region</th>
        <th scope="col" class="num">km²</th><th scope="col" class="num">ha</th></tr></thead>
        <tbody>${regions || '<tr><td colspan="3">No land changed.</td></tr>'}</tbody></table>
      <table class="data" id="result-hazards"><caption>By hazard</caption><thead><tr><th scope="col">Hazard</th>
        <th scope="col" class="num">km²</th><th scope="col" class="num">ha</th></tr></thead>
        <tbody>${hazards || '<tr><td colspan="3">No hazard touched.</td></tr>'}</tbody></table>`;
  }

  function renderProblem(p, status) {
    const problem = p ?? { title: `HTTP ${status}`, detail: 'the service gave no explanation' };
    if (status === 401) {
      resultBox.dataset.status = '401';
      resultBox.className = 'result result-error';
      resultBox.innerHTML = `<div role="alert"><h3>Sign in to submit</h3><p id="problem-detail">The service takes
        events from a field or administrator account only: sign in with your token, then submit again (the form keeps
        what you entered).</p><p><button type="button" class="signin-open">Sign in</button></p></div>`;
      resultBox.querySelector('.signin-open').addEventListener('click', () => onSignIn?.());
      return;
    }
    resultBox.dataset.status = String(status);
    resultBox.className = 'result result-error';
    resultBox.innerHTML = `<div role="alert"><h3>Refused: ${e(problem.title ?? `HTTP ${status}`)} (${e(status)})</h3>
      <p id="problem-detail">${e(problem.detail ?? '')}</p>
      ${problem.coordinate ? `<p>The marker on the map shows where: ${e(problem.coordinate[0])}, ${
      e(problem.coordinate[1])} (lon, lat).</p>` : ''}</div>`;
    if (problem.coordinate) mapView.showProblem(problem.coordinate, problem.detail ?? '');
  }

  function renderQueued(reason) {
    resultBox.dataset.status = 'queued';
    resultBox.className = 'result result-queued';
    resultBox.innerHTML = `<h3>Saved on this device</h3><p>The service could not be reached (${e(reason)}). The
      event is in the offline queue and will be sent when the connection returns; it keeps its id, so it cannot be
      counted twice.</p>`;
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
    resultBox.textContent = 'Sending…';
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
      renderProblem({ title: 'Not sent', detail: err.message }, 0);
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
    refusedBox.querySelector('ul').innerHTML = refused.map((x) => `<li>${e(label(x.event.type))} of ${
      e(x.event.date)} (${e(x.event.partner)}): ${e(x.problem?.detail ?? 'refused')}</li>`).join('');
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
      partner.innerHTML = '<option value="">Choose…</option>' + partnerList.map((p) =>
        `<option value="${e(p.id)}">${e(p.name)}</option>`).join('');
      if (partnerList.some((p) => p.id === keep)) partner.value = keep;
      fillGrants();
      showAccount();
    },
    renderQueue,
    showFlush(s) {
      if (!s.sent && !s.error) return;
      const n = queue.size();
      const events = `${formatNumber(n)} queued event${n === 1 ? '' : 's'}`;
      queueStatus.dataset.error = s.error ?? '';
      if (s.error === 'unauthorized') {
        queueStatus.textContent = `Sign in to send ${events}: they stay on this device until then.`;
      } else if (s.error === 'forbidden') {
        queueStatus.textContent = `The signed-in account may not send the ${events} (${s.problem?.detail ?? 'forbidden'}`
          + '); they stay on this device: sign in with a field or administrator account.';
      } else if (s.error && !s.sent) {
        queueStatus.textContent = `Still offline (${s.error}); will try again.`;
      } else {
        const notAllowed = s.problems.find((p) => p.status === 401 || p.status === 403)?.problem?.detail;
        queueStatus.textContent = `Sent ${s.sent} queued event${s.sent === 1 ? '' : 's'}: ${s.created} submitted for `
          + `review, ${s.replayed} already submitted, ${s.refused} refused${s.notAllowed ? `, ${s.notAllowed} not `
          + `allowed for this account (${notAllowed ?? 'forbidden'})` : ''}${s.kept ? `, ${s.kept} still waiting` : ''}.`;
      }
    },
    /** Says why the queue waits without trying to send it: nobody is signed in. */
    showSignInNeeded() {
      const n = queue.size();
      queueStatus.dataset.error = 'unauthorized';
      queueStatus.textContent = `Sign in to send ${formatNumber(n)} queued event${n === 1 ? '' : 's'}: they stay on `
        + 'this device until then.';
    },
  };
}
