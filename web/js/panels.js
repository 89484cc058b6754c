// The figure panels: national summary, the sortable region table and the chart of released land per month.
/* global Chart */
import { escapeHtml as e, formatDate, formatKm2, formatMonth, formatNumber, formatShare, share } from './format.js';
import { OUTCOME_COLORS } from './geo.js';
import { lang, locale, localName, t, term } from './i18n.js';

export const SUMMARY_FIELDS = ['reportedKm2', 'contaminatedKm2', 'releasedKm2', 'cancelledKm2', 'reducedKm2',
  'clearedKm2'];

/** Writes the summary: each figure formatted, its exact API value kept in data-value. */
export function renderSummary(root, s, asOf) {
  for (const k of SUMMARY_FIELDS) {
    const dd = root.querySelector(`#sum-${k}`);
    dd.textContent = formatKm2(s[k]);
    dd.dataset.value = String(s[k]);
  }
  const events = root.querySelector('#sum-events');
  events.textContent = formatNumber(s.events);
  events.dataset.value = String(s.events);
  root.querySelector('#sum-asof').textContent = asOf ? t('ui.summary.asOf', { date: formatDate(asOf) })
    : t('ui.asof.today');
  const share = root.querySelector('#sum-share');
  share.textContent = s.reportedKm2 > 0 ? t('ui.summary.share', { share: formatShare(s.releasedKm2, s.reportedKm2) })
    : '';
}

const COLUMNS = [
  { key: 'name', label: t('ui.regions.region'), num: false, value: (r) => localName(r) },
  { key: 'areaKm2', label: t('ui.regions.area'), num: true, value: (r) => r.areaKm2, title: t('ui.regions.areaTitle') },
  { key: 'contaminatedKm2', label: t('ui.regions.remaining'), num: true, value: (r) => r.contaminatedKm2,
    title: t('ui.regions.remainingTitle') },
  { key: 'releasedKm2', label: t('ui.regions.released'), num: true, value: (r) => r.releasedKm2,
    title: t('ui.regions.releasedTitle') },
  { key: 'share', label: t('ui.regions.share'), num: true, value: (r) => share(r.contaminatedKm2, r.areaKm2),
    title: t('ui.regions.shareTitle') },
];

/** Sorts region rows by a column; the "unassigned" row (no area) always comes last. */
export function sortRegions(rows, key, dir) {
  const col = COLUMNS.find((c) => c.key === key) ?? COLUMNS[2];
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if ((a.code === 'unassigned') !== (b.code === 'unassigned')) return a.code === 'unassigned' ? 1 : -1;
    const va = col.value(a);
    const vb = col.value(b);
    const c = col.num ? va - vb : String(va).localeCompare(String(vb), lang());
    return sign * c || a.code.localeCompare(b.code);
  });
}

export function createRegionTable(table, { onSelect }) {
  const state = { rows: [], key: 'contaminatedKm2', dir: 'descending' };
  table.querySelector('thead').innerHTML = `<tr>${COLUMNS.map((c) => `<th scope="col" data-key="${c.key}"
    class="${c.num ? 'num' : ''}" aria-sort="none"><button type="button" ${c.title ? `title="${e(c.title)}"` : ''}>${
    e(c.label)}<span class="sort-mark" aria-hidden="true"></span></button></th>`).join('')}</tr>`;
  table.querySelector('thead').addEventListener('click', (ev) => {
    const th = ev.target.closest('th[data-key]');
    if (!th) return;
    const key = th.dataset.key;
    state.dir = state.key === key && state.dir === 'descending' ? 'ascending'
      : state.key === key ? 'descending' : (key === 'name' ? 'ascending' : 'descending');
    state.key = key;
    draw();
  });
  const tbody = table.querySelector('tbody');
  const choose = (ev) => {
    const tr = ev.target.closest('tr[data-code]');
    if (tr && tr.dataset.code !== 'unassigned') onSelect(tr.dataset.code);
  };
  tbody.addEventListener('click', choose);
  tbody.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      choose(ev);
    }
  });

  function draw() {
    for (const th of table.querySelectorAll('th[data-key]')) {
      const on = th.dataset.key === state.key;
      th.setAttribute('aria-sort', on ? state.dir : 'none');
      th.querySelector('.sort-mark').textContent = on ? (state.dir === 'ascending' ? ' ▲' : ' ▼') : '';
    }
    const visible = state.rows.filter((r) => r.code !== 'unassigned' || Math.abs(r.reportedKm2) > 1e-6);
    tbody.innerHTML = sortRegions(visible, state.key, state.dir).map((r) => {
      const link = r.code !== 'unassigned';
      return `<tr data-code="${e(r.code)}" ${link ? 'tabindex="0" class="link"' : ''}
        ${link ? `aria-label="${e(t('ui.regions.zoomTo', { region: localName(r) }))}"` : ''}>
        <th scope="row">${e(localName(r))}</th>
        <td class="num">${e(formatKm2(r.areaKm2, { unit: false, digits: 0 }))}</td>
        <td class="num" data-value="${r.contaminatedKm2}">${e(formatKm2(r.contaminatedKm2, { unit: false, digits: 2 }))}</td>
        <td class="num" data-value="${r.releasedKm2}">${e(formatKm2(r.releasedKm2, { unit: false, digits: 2 }))}</td>
        <td class="num">${e(formatShare(r.contaminatedKm2, r.areaKm2))}</td></tr>`;
    }).join('');
    const sum = (k) => state.rows.reduce((a, r) => a + (r[k] || 0), 0);
    table.querySelector('tfoot').innerHTML = `<tr><th scope="row">${e(t('ui.regions.all'))}</th>
      <td class="num">${e(formatKm2(sum('areaKm2'), { unit: false, digits: 0 }))}</td>
      <td class="num">${e(formatKm2(sum('contaminatedKm2'), { unit: false, digits: 2 }))}</td>
      <td class="num">${e(formatKm2(sum('releasedKm2'), { unit: false, digits: 2 }))}</td>
      <td class="num">${e(formatShare(sum('contaminatedKm2'), sum('areaKm2')))}</td></tr>`;
  }

  return {
    setRows(rows) {
      state.rows = rows;
      draw();
    },
  };
}

const OUTCOMES = [['cancelled', 'cancelledKm2', term('cancelled', 'ui.outcome.cancelled')],
  ['reduced', 'reducedKm2', term('reduced', 'ui.outcome.reduced')], ['cleared', 'clearedKm2', term('cleared', 'ui.outcome.cleared')]];
const RELEASED = term('released', 'ui.outcome.released');

/** A stacked bar chart of released km² per month by outcome; months after asOf are drawn faded. */
export function createMonthChart(canvas, { title }) {
  let chart = null;
  let data = [];
  let asOf = null;

  function colors(color) {
    const month = asOf?.slice(0, 7);
    return data.map((d) => (month && d.key > month ? `${color}40` : color));
  }

  function build() {
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: OUTCOMES.map(([k, , label]) => ({ label, data: [], backgroundColor: [],
        stack: 'released' })) },
      options: {
        animation: false,
        locale: locale(), // the axis ticks in the language's number format
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          title: { display: !!title, text: title },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatKm2(c.parsed.y)}`,
            footer: (items) => `${RELEASED}: ${formatKm2(items.reduce((a, i) => a + i.parsed.y, 0))}` } },
        },
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 }, title: { display: true, text: t('ui.chart.month') } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: t('ui.chart.yAxis') } },
        },
      },
    });
  }

  function draw() {
    if (!chart) return;
    chart.data.labels = data.map((d) => formatMonth(d.key));
    OUTCOMES.forEach(([k, field], i) => {
      chart.data.datasets[i].data = data.map((d) => d[field]);
      chart.data.datasets[i].backgroundColor = colors(OUTCOME_COLORS[k]);
    });
    chart.update();
  }

  return {
    setData(rows) {
      data = [...rows].sort((a, b) => a.key.localeCompare(b.key));
      draw();
    },
    setAsOf(date) {
      asOf = date;
      draw();
    },
    /** Builds the chart the first time its panel is shown, so that the first render does not wait for it. */
    show() {
      if (!chart && typeof Chart !== 'undefined') build();
      draw();
    },
    get chart() {
      return chart;
    },
  };
}

/** The month table that stands beside a chart for keyboard and screen-reader users. */
export function monthTableHtml(rows, caption) {
  const body = rows.map((r) => `<tr><th scope="row">${e(formatMonth(r.key))}</th>${OUTCOMES.map(([, f]) =>
    `<td class="num">${e(formatKm2(r[f], { unit: false, digits: 2 }))}</td>`).join('')}<td class="num">${
    e(formatKm2(r.km2, { unit: false, digits: 2 }))}</td></tr>`).join('');
  return `<table class="data"><caption>${e(caption)}</caption><thead><tr><th scope="col">${e(t('ui.chart.month'))}</th>
    ${outcomeHeadings()}</tr></thead>
    <tbody>${body}</tbody></table>`;
}

/** The headings of the outcome columns: cancelled, reduced, cleared, released. */
export function outcomeHeadings() {
  return [...OUTCOMES.map(([, , l]) => l), RELEASED].map((l) => `<th scope="col" class="num">${e(l)}</th>`).join('');
}
