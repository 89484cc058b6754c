// HTML of the map popups, built from API properties. Every value is escaped.
import { classShort, escapeHtml as e, formatArea, formatDate, formatKm2, formatShare, label } from './format.js';
import { lang, localName, t, term } from './i18n.js';

function rows(pairs) {
  return pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`).join('');
}

export function regionPopup(region, shape, asOf) {
  const name = localName(shape) || localName(region) || region?.code;
  if (!region) {
    return `<div class="popup"><h3>${e(name)}</h3><p>${e(t('ui.popup.noFigures'))}</p></div>`;
  }
  // the other language's name beside it: Ukrainian under English, English under Ukrainian
  const nameUk = shape?.nameUk ?? region.nameUk ?? '';
  const other = lang() === 'uk' ? [shape?.name ?? region.name ?? '', 'en'] : [nameUk, 'uk'];
  return `<div class="popup popup-region">
    <h3>${e(name)} <span class="muted" lang="${other[1]}">${e(other[0] === name ? '' : other[0])}</span></h3>
    <table class="kv">${rows([
    [t('ui.popup.area'), formatKm2(region.areaKm2)],
    [t('ui.popup.remaining'), `${formatKm2(region.contaminatedKm2)} <span class="muted">(${e(t('ui.popup.ofRegion',
      { share: formatShare(region.contaminatedKm2, region.areaKm2) }))})</span>`],
    [t('ui.popup.reported'), formatKm2(region.reportedKm2)],
    [term('released', 'ui.outcome.released'), formatKm2(region.releasedKm2)],
    [`– ${term('cancelled', 'ui.popup.cancelled')}`, formatKm2(region.cancelledKm2)],
    [`– ${term('reduced', 'ui.popup.reduced')}`, formatKm2(region.reducedKm2)],
    [`– ${term('cleared', 'ui.popup.cleared')}`, formatKm2(region.clearedKm2)],
  ])}</table>
    <p class="muted">${e(t('ui.popup.asOf', { date: asOf ? formatDate(asOf) : t('ui.asof.today') }))}</p></div>`;
}

export function historyTable(history, regionName = (c) => c) {
  if (!history) return `<p class="muted">${e(t('ui.popup.loadingHistory'))}</p>`;
  if (!history.length) return `<p class="muted">${e(t('ui.popup.noHistory'))}</p>`;
  const body = history.map((h) => `<tr>
    <td>${e(h.date)}</td>
    <td>${e(label(h.eventType))}</td>
    <td><span class="kind kind-${e(h.kind)}">${e(label(h.kind))}</span></td>
    <td>${e(h.partner)}${h.grant ? `<br><span class="muted">${e(h.grant)}</span>` : ''}</td>
    <td>${e(regionName(h.region))}</td>
    <td class="num">${e(formatKm2(h.km2, { unit: false }))}</td></tr>`).join('');
  const th = (k, cls = '') => `<th scope="col"${cls}>${e(t(k))}</th>`;
  return `<table class="history"><caption>${e(t('ui.popup.history'))}</caption><thead><tr>${th('ui.popup.date')}
    ${th('ui.popup.event')}${th('ui.popup.change')}${th('ui.popup.partner')}${th('ui.popup.region')}
    ${th('ui.unit.km2Heading', ' class="num"')}</tr></thead><tbody>${body}</tbody></table>`;
}

export function hazardPopup(p, history, regionName) {
  return `<div class="popup popup-hazard">
    <h3>${e(t('ui.popup.hazard', { id: p.id }))} <span class="tag tag-${e(p.classification)}">${
      e(classShort(p.classification))}</span></h3>
    <table class="kv">${rows([
    [t('ui.popup.classification'), e(label(p.classification))],
    [t('ui.popup.hazardTypes'), e((p.hazardTypes ?? []).map(label).join(', ') || '–')],
    [t('ui.popup.area'), e(formatArea(p.areaKm2, p.areaHa))],
  ])}</table>
    ${historyTable(history, regionName)}</div>`;
}

export function releasePopup(p, event, regionName) {
  const details = event === undefined ? `<p class="muted">${e(t('ui.popup.loadingEvent'))}</p>` : event === null ? ''
    : `<table class="kv">${rows([
      [t('ui.popup.footprint'), e(formatKm2(event.footprintKm2))],
      [t('ui.popup.releasedByEvent'), e(formatKm2(event.releasedKm2))],
      [t('ui.popup.outside'), e(formatKm2(event.outsideContaminationKm2))],
      [t('ui.popup.method'), event.method ? e(label(event.method)) : ''],
      [t('ui.popup.landUse'), e(label(event.landUse ?? 'unknown'))],
      [t('ui.popup.devices'), event.devicesFound ? e(Object.entries(event.devicesFound)
        .map(([type, n]) => `${label(type)}: ${n}`).join(', ')) : ''],
      [t('ui.popup.notes'), event.notes ? e(event.notes) : ''],
      [t('ui.popup.recorded'), event.recordedAt ? e(t('ui.popup.recordedAt', { at: event.recordedAt.slice(0, 19)
        .replace('T', ' ') })) : ''],
    ])}</table>`;
  return `<div class="popup popup-release">
    <h3>${e(t('ui.popup.releasedLand'))} <span class="tag tag-${e(p.outcome)}">${e(label(p.outcome))}</span></h3>
    <table class="kv">${rows([
    [t('ui.popup.area'), e(formatArea(p.areaKm2, p.areaHa))],
    [t('ui.popup.event'), e(t('ui.popup.eventOn', { type: label(p.eventType), date: p.date }))],
    [t('ui.popup.partner'), e(p.partner)],
    [t('ui.popup.grant'), p.grant ? e(p.grant) : '–'],
    [t('ui.popup.region'), e(regionName(p.region))],
    [t('ui.popup.fromHazard'), `#${e(p.hazardId)}`],
    [t('ui.popup.eventId'), `<code>${e(p.eventId)}</code>`],
  ])}</table>${details}</div>`;
}
