// The donor → grant view: a grant's released land by outcome, region and month, and its CSV, PDF, XLSX and IATI file
// (the last three written by the service); the map then shows that grant's released land only (onGrant). Grants are
// not public: signed out, the view asks for a sign-in instead.
import { api } from './api.js';
import { grantReportCsv, grantReportFileName } from './csv.js';
import { escapeHtml as e, formatDate, formatKm2, formatNumber, todayUtc } from './format.js';
import { localName, t, term, tn } from './i18n.js';
import { createMonthChart, monthTableHtml, outcomeHeadings } from './panels.js';

export function createDonorView(root, { regionName, onError, onGrant }) {
  const donorSel = root.querySelector('#donor');
  const grantSel = root.querySelector('#grant');
  const out = root.querySelector('#grant-report');
  const csvBtn = root.querySelector('#grant-csv');
  const iatiBtn = root.querySelector('#grant-iati');
  const docBtns = [...root.querySelectorAll('.grant-doc')];
  const downloadNote = root.querySelector('#grant-download');
  const signInNeeded = root.querySelector('#donors-signin');
  const fields = root.querySelector('#donors-fields');
  const byCountryOut = root.querySelector('#donor-countries');
  let grants = [];
  let byDonor = new Map();
  let report = null;
  let chart = null;
  let visible = false;

  function fillDonors() {
    const donors = [...new Set(grants.map((g) => g.donor))].sort((a, b) => a.localeCompare(b));
    const keep = donorSel.value;
    donorSel.innerHTML = `<option value="">${e(t('ui.donors.chooseDonor'))}</option>` + donors.map((d) => {
      const km2 = byDonor.get(d);
      return `<option value="${e(d)}">${e(d)}${km2 !== undefined ? ` (${e(t('ui.donors.released', { km2: formatKm2(km2) }))})`
        : ''}</option>`;
    }).join('');
    if (donors.includes(keep)) donorSel.value = keep;
  }

  function fillGrants() {
    const list = grants.filter((g) => g.donor === donorSel.value);
    grantSel.innerHTML = `<option value="">${e(list.length ? t('ui.donors.chooseGrant') : t('ui.donors.chooseDonorFirst'))}</option>`
      + list.map((g) => `<option value="${e(g.id)}">${e(g.id)}: ${e(g.title)} (${e(g.partner)})</option>`).join('');
    grantSel.disabled = !list.length;
    if (list.length === 1) {
      grantSel.value = list[0].id;
      load();
    } else {
      clear();
    }
  }

  function clear() {
    onGrant?.(null);
    report = null;
    csvBtn.disabled = true;
    iatiBtn.disabled = true;
    for (const b of docBtns) b.disabled = true;
    downloadNote.textContent = '';
    out.innerHTML = '';
  }

  async function load() {
    const id = grantSel.value;
    if (!id) return clear();
    onGrant?.(id);
    out.setAttribute('aria-busy', 'true');
    try {
      const r = await api.grantReport(id);
      if (grantSel.value !== id) return; // the user chose another grant meanwhile
      report = r;
      render();
      csvBtn.disabled = false;
      iatiBtn.disabled = false;
      for (const b of docBtns) b.disabled = false;
    } catch (err) {
      out.innerHTML = `<p class="error" role="alert">${e(err.message)}</p>`;
      onError?.(err);
    } finally {
      out.removeAttribute('aria-busy');
    }
  }

  function render() {
    const g = report.grant;
    const regionRows = [...report.byRegion].sort((a, b) => b.km2 - a.km2).map((r) => `<tr>
      <th scope="row">${e(regionName(r.key))}</th><td class="num">${e(formatKm2(r.cancelledKm2, { unit: false, digits: 2 }))}</td>
      <td class="num">${e(formatKm2(r.reducedKm2, { unit: false, digits: 2 }))}</td>
      <td class="num">${e(formatKm2(r.clearedKm2, { unit: false, digits: 2 }))}</td>
      <td class="num">${e(formatKm2(r.km2, { unit: false, digits: 2 }))}</td></tr>`).join('');
    out.innerHTML = `
      <h3>${e(g.title)}</h3>
      <p class="muted">${e(g.id)} · ${e(g.donor)} → ${e(g.partner)} · ${e(formatNumber(g.amount))} ${e(g.currency)}
        · ${e(formatDate(g.start))} – ${e(formatDate(g.end))} · ${e(tn('ui.donors.events', report.events.length,
        { count: formatNumber(report.events.length) }))}</p>
      <dl class="figures figures-compact" id="grant-figures">
        <div><dt>${e(term('released', 'ui.outcome.released'))}</dt><dd data-value="${report.releasedKm2}">${e(formatKm2(report.releasedKm2))}</dd></div>
        <div><dt>${e(term('cancelled', 'ui.outcome.cancelled'))}</dt><dd data-value="${report.cancelledKm2}">${e(formatKm2(report.cancelledKm2))}</dd></div>
        <div><dt>${e(term('reduced', 'ui.outcome.reduced'))}</dt><dd data-value="${report.reducedKm2}">${e(formatKm2(report.reducedKm2))}</dd></div>
        <div><dt>${e(term('cleared', 'ui.outcome.cleared'))}</dt><dd data-value="${report.clearedKm2}">${e(formatKm2(report.clearedKm2))}</dd></div>
      </dl>
      <div class="chart-box chart-small"><canvas id="grant-chart" role="img"
        aria-label="${e(t('ui.donors.chartLabel', { grant: g.id }))}"></canvas></div>
      <details><summary>${e(t('ui.donors.byMonth'))}</summary><div class="table-scroll">${monthTableHtml(report.byMonth,
        t('ui.donors.monthCaption', { grant: g.id }))}</div></details>
      <div class="table-scroll"><table class="data"><caption>${e(t('ui.donors.regionCaption'))}</caption><thead><tr>
        <th scope="col">${e(t('ui.regions.region'))}</th>${outcomeHeadings()}</tr></thead>
        <tbody>${regionRows || `<tr><td colspan="5">${e(t('ui.donors.nothing'))}</td></tr>`}</tbody></table></div>`;
    chart?.chart?.destroy();
    chart = createMonthChart(out.querySelector('#grant-chart'), {});
    chart.setData(report.byMonth);
    if (visible) chart.show();
  }

  function save(blob, fileName) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  function downloadCsv() {
    if (!report) return;
    const names = {};
    for (const r of report.byRegion) names[r.key] = regionName(r.key);
    save(new Blob([grantReportCsv(report, names)], { type: 'text/csv;charset=utf-8' }),
      grantReportFileName(report.grant.id, todayUtc()));
  }

  /** The IATI file of the grant shown, as the service writes it (the partner must have an IATI identifier). */
  async function downloadIati() {
    if (!report) return;
    const id = report.grant.id;
    downloadNote.textContent = t('ui.donors.preparingIati');
    try {
      const { blob } = await api.grantIati(id);
      const name = `grant-${id.replace(/[^A-Za-z0-9._-]/g, '_')}-iati-${todayUtc()}.xml`;
      save(blob, name);
      downloadNote.textContent = t('ui.donors.downloadedIati', { name, bytes: formatNumber(blob.size) });
    } catch (err) {
      downloadNote.textContent = t('ui.donors.noIati', { detail: err.message });
      onError?.(err);
    }
  }

  /** The grant report as a document the service makes (PDF or XLSX), saved under the name the service gives. */
  async function downloadDocument(btn) {
    if (!report) return;
    const format = btn.dataset.format;
    const id = report.grant.id;
    btn.disabled = true;
    btn.setAttribute('aria-busy', 'true');
    downloadNote.textContent = t('ui.donors.preparing', { format: format.toUpperCase() });
    try {
      const { blob, fileName } = await api.grantDocument(id, format);
      const name = fileName ?? `grant-${id}.${format}`;
      save(blob, name);
      downloadNote.textContent = t('ui.donors.downloaded', { name, bytes: formatNumber(blob.size) });
    } catch (err) {
      downloadNote.textContent = t('ui.donors.noReport', { format: format.toUpperCase(), detail: err.message });
      onError?.(err);
    } finally {
      btn.removeAttribute('aria-busy');
      btn.disabled = !report;
    }
  }

  /**
   * What the chosen donor's money released in each country, across all its grants (a ledger of one country shows
   * nothing here: the grant report says it all).
   */
  async function loadCountries() {
    const donor = donorSel.value;
    byCountryOut.innerHTML = '';
    if (!donor) return;
    try {
      const [rows, countries] = await Promise.all([api.releasedForDonor('country', donor), api.countries()]);
      if (donorSel.value !== donor || countries.length < 2) return;
      const names = new Map(countries.map((c) => [c.code, c.synthetic
        ? t('ui.country.synthetic', { name: localName(c) }) : localName(c)]));
      const sum = (f) => rows.reduce((a, r) => a + r[f], 0);
      const line = (name, r) => `<tr><th scope="row">${e(name)}</th>
        <td class="num">${e(formatKm2(r.cancelledKm2, { unit: false, digits: 2 }))}</td>
        <td class="num">${e(formatKm2(r.reducedKm2, { unit: false, digits: 2 }))}</td>
        <td class="num">${e(formatKm2(r.clearedKm2, { unit: false, digits: 2 }))}</td>
        <td class="num" data-value="${r.km2}">${e(formatKm2(r.km2, { unit: false, digits: 2 }))}</td></tr>`;
      const total = { cancelledKm2: sum('cancelledKm2'), reducedKm2: sum('reducedKm2'), clearedKm2: sum('clearedKm2'),
        km2: sum('km2') };
      byCountryOut.innerHTML = `<div class="table-scroll"><table class="data" id="donor-country-table">
        <caption>${e(t('ui.country.byCountry'))}: ${e(donor)}</caption><thead><tr>
        <th scope="col">${e(t('ui.country.label'))}</th>${outcomeHeadings()}</tr></thead>
        <tbody>${rows.map((r) => line(names.get(r.key) ?? r.key, r)).join('')}</tbody>
        <tfoot>${line(t('ui.country.total'), total)}</tfoot></table></div>`;
    } catch (err) {
      onError?.(err);
    }
  }

  donorSel.addEventListener('change', loadCountries);
  donorSel.addEventListener('change', fillGrants);
  grantSel.addEventListener('change', load);
  csvBtn.addEventListener('click', downloadCsv);
  iatiBtn.addEventListener('click', downloadIati);
  for (const b of docBtns) b.addEventListener('click', () => downloadDocument(b));

  return {
    /** The grants and released km² per donor this account may read; signedIn false shows the sign-in request. */
    setGrants(list, donorTotals, signedIn = true) {
      grants = signedIn ? list : [];
      byDonor = new Map((donorTotals ?? []).map((d) => [d.key, d.km2]));
      signInNeeded.hidden = signedIn;
      fields.hidden = !signedIn;
      fillDonors();
      loadCountries();
      if (!signedIn) {
        grantSel.value = '';
        fillGrants();
      }
    },
    show() {
      visible = true;
      chart?.show();
    },
    reload() {
      if (grantSel.value) load();
    },
    get report() {
      return report;
    },
  };
}
