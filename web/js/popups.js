// HTML of the map popups, built from API properties. Every value is escaped.
import { escapeHtml as e, formatArea, formatDate, formatKm2, formatShare, label } from './format.js';

function rows(pairs) {
  return pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`).join('');
}

export function regionPopup(region, shape, asOf) {
  const name = shape?.name ?? region?.name ?? region?.code;
  if (!region) {
    return `<div class="popup"><h3>${e(name)}</h3><p>No figures.</p></div>`;
  }
  return `<div class="popup popup-region">
    <h3>${e(name)} <span class="muted" lang="uk">${e(shape?.nameUk ?? region.nameUk ?? '')}</span></h3>
    <table class="kv">${rows([
    ['Area', formatKm2(region.areaKm2)],
    ['Remaining contamination', `${formatKm2(region.contaminatedKm2)} <span class="muted">(${e(formatShare(
      region.contaminatedKm2, region.areaKm2))} of the region)</span>`],
    ['Reported', formatKm2(region.reportedKm2)],
    ['Released', formatKm2(region.releasedKm2)],
    ['– cancelled', formatKm2(region.cancelledKm2)],
    ['– reduced', formatKm2(region.reducedKm2)],
    ['– cleared', formatKm2(region.clearedKm2)],
  ])}</table>
    <p class="muted">As of ${e(asOf ? formatDate(asOf) : 'today')}</p></div>`;
}

export function historyTable(history, regionName = (c) => c) {
  if (!history) return '<p class="muted">Loading the history…</p>';
  if (!history.length) return '<p class="muted">No recorded history.</p>';
  const body = history.map((h) => `<tr>
    <td>${e(h.date)}</td>
    <td>${e(label(h.eventType))}</td>
    <td><span class="kind kind-${e(h.kind)}">${e(label(h.kind))}</span></td>
    <td>${e(h.partner)}${h.grant ? `<br><span class="muted">${e(h.grant)}</span>` : ''}</td>
    <td>${e(regionName(h.region))}</td>
    <td class="num">${e(formatKm2(h.km2, { unit: false }))}</td></tr>`).join('');
  return `<table class="history"><caption>Event history</caption><thead><tr><th scope="col">Date</th>
    <th scope="col">Event</th><th scope="col">Change</th><th scope="col">Partner</th><th scope="col">Region</th>
    <th scope="col" class="num">km²</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function hazardPopup(p, history, regionName) {
  return `<div class="popup popup-hazard">
    <h3>Hazard #${e(p.id)} <span class="tag tag-${e(p.classification)}">${e(p.classification)}</span></h3>
    <table class="kv">${rows([
    ['Classification', e(label(p.classification))],
    ['Hazard types', e((p.hazardTypes ?? []).map(label).join(', ') || '–')],
    ['Area', e(formatArea(p.areaKm2, p.areaHa))],
  ])}</table>
    ${historyTable(history, regionName)}</div>`;
}

export function releasePopup(p, event, regionName) {
  const details = event === undefined ? '<p class="muted">Loading the event…</p>' : event === null ? ''
    : `<table class="kv">${rows([
      ['Event footprint', e(formatKm2(event.footprintKm2))],
      ['Released by the event', e(formatKm2(event.releasedKm2))],
      ['Outside contamination', e(formatKm2(event.outsideContaminationKm2))],
      ['Method', event.method ? e(label(event.method)) : ''],
      ['Land use after release', e(label(event.landUse ?? 'unknown'))],
      ['Devices found', event.devicesFound ? e(Object.entries(event.devicesFound)
        .map(([t, n]) => `${label(t)}: ${n}`).join(', ')) : ''],
      ['Notes', event.notes ? e(event.notes) : ''],
      ['Recorded', event.recordedAt ? e(event.recordedAt.slice(0, 19).replace('T', ' ')) + ' UTC' : ''],
    ])}</table>`;
  return `<div class="popup popup-release">
    <h3>Released land <span class="tag tag-${e(p.outcome)}">${e(label(p.outcome))}</span></h3>
    <table class="kv">${rows([
    ['Area', e(formatArea(p.areaKm2, p.areaHa))],
    ['Event', `${e(label(p.eventType))} on ${e(p.date)}`],
    ['Partner', e(p.partner)],
    ['Grant', p.grant ? e(p.grant) : '–'],
    ['Region', e(regionName(p.region))],
    ['From hazard', `#${e(p.hazardId)}`],
    ['Event id', `<code>${e(p.eventId)}</code>`],
  ])}</table>${details}</div>`;
}
