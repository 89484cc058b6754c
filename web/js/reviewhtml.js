// What the reviewers' panel writes: a queue row, the figures of an approval, the outcome of a batch. Pure functions
// of the API's answers; every text goes through escapeHtml.
import { classShorts, escapeHtml as e, formatDate, formatKm2, label } from './format.js';
import { changedArea } from './event.js';
import { t, term } from './i18n.js';
import { isAlreadyDecided } from './review.js';

/** "Clearance of 5 Mar 2024 by HALO": how the panel names an event. */
export function describeEvent(ev) {
  return t('ui.review.describe', { type: label(ev.type), date: formatDate(ev.date), partner: ev.partner });
}

/** One row of the queue; decide adds the checkbox, Approve, and Reject with its reason. */
export function queueRowHtml(ev, decide) {
  const name = describeEvent(ev);
  return `<li class="review-item" data-event-id="${e(ev.id)}">
    <div class="review-head">${decide ? `<input type="checkbox" class="review-pick" aria-label="${
      e(t('ui.review.select', { event: name }))}">` : ''}<strong>${e(label(ev.type))}</strong><span>${
      e(formatDate(ev.date))}</span>
      <span class="muted">${e(t('ui.review.number', { sequence: ev.sequence }))}</span></div>
    <dl class="review-facts">
      <div><dt>${e(t('ui.review.partner'))}</dt><dd>${e(ev.partner)}</dd></div>
      <div><dt>${e(t('ui.review.grant'))}</dt><dd>${ev.grant ? e(ev.grant) : `<span class="muted">${
        e(t('ui.review.noGrant'))}</span>`}</dd></div>
      <div><dt>${e(t('ui.result.footprint'))}</dt><dd class="review-km2" data-value="${e(ev.footprintKm2 ?? '')}">${
        typeof ev.footprintKm2 === 'number' ? e(formatKm2(ev.footprintKm2)) : '–'}</dd></div>
      <div><dt>${e(t('ui.review.submittedBy'))}</dt><dd class="review-by">${e(ev.submittedBy)}</dd></div>
    </dl>
    <div class="review-buttons"><button type="button" class="review-show">${e(t('ui.review.show'))}</button>${decide ? `
      <button type="button" class="review-approve primary">${e(t('ui.review.approve'))}</button>
      <button type="button" class="review-reject" aria-expanded="false">${e(t('ui.review.rejectOpen'))}</button>` : ''}</div>
    ${decide ? `<form class="review-reason" hidden novalidate>
      <label>${e(t('ui.review.reason'))}
        <input type="text" class="review-reason-text" maxlength="2000" required
          placeholder="${e(t('ui.review.reasonPlaceholder'))}"></label>
      <div class="review-buttons"><button type="submit" class="review-reject-send">${e(t('ui.review.reject'))}</button>
        <button type="button" class="review-reject-cancel">${e(t('ui.common.cancel'))}</button></div></form>` : ''}
    <p class="review-row-status" role="status"></p></li>`;
}

/** What an approval did: the land it released (or added), outside contamination, counted date, regions. */
export function approvalFiguresHtml(r, regionName) {
  const changed = changedArea(r);
  const regions = (r.byRegion ?? []).map((x) => `${e(regionName(x.code))} ${e(formatKm2(x.km2))}`).join(', ');
  return `<dl class="figures figures-compact">
      ${changed ? `<div><dt>${e(changed[0])}</dt><dd class="review-changed" data-value="${e(changed[1])}">${
        e(formatKm2(changed[1]))}</dd></div>` : ''}
      ${r.reclassifiedKm2 ? `<div><dt>${e(t('ui.result.reclassified', classShorts()))}</dt><dd>${e(formatKm2(r.reclassifiedKm2))}</dd></div>`
        : ''}
      ${typeof r.outsideContaminationKm2 === 'number' ? `<div><dt>${e(t('ui.result.outside'))}</dt><dd>${
        e(formatKm2(r.outsideContaminationKm2))}</dd></div>` : ''}
      ${r.countedOn ? `<div><dt>${e(t('ui.review.countedOn'))}</dt><dd>${e(formatDate(r.countedOn))}</dd></div>` : ''}
    </dl>${regions ? `<p>${e(t('ui.review.byRegion'))} ${regions}</p>` : ''}`;
}

/** The outcome of "approve selected": how many, the land released, and each refusal with its problem. */
export function batchHtml(out, asked, find) {
  const name = (id) => (find(id) ? describeEvent(find(id)) : id);
  const releasedKm2 = out.approved.reduce((a, x) => a + (x.result?.releasedKm2 ?? 0), 0);
  const approved = out.approved.map((x) => {
    const changed = changedArea(x.result);
    return `<li>${e(name(x.id))}${changed ? `: ${e(changed[0].toLowerCase())} ${e(formatKm2(changed[1]))}` : ''}</li>`;
  }).join('');
  const refused = out.refused.map((x) => `<li data-event-id="${e(x.id)}">${e(name(x.id))}: ${
    e(x.problem?.title ?? t('ui.review.refusedTitle'))}${x.status ? ` (${e(x.status)})` : ''} – ${e(x.problem?.detail ?? '')}${
    isAlreadyDecided(x) ? ` ${e(t('ui.review.decidedElsewhere'))}` : ''}</li>`).join('');
  return `<h3>${e(t('ui.review.approvedOf', { approved: out.approved.length, asked }))}</h3>
    <dl class="figures figures-compact"><div><dt>${e(term('released', 'ui.outcome.released'))}</dt><dd id="review-batch-released" data-value="${
      e(releasedKm2)}">${e(formatKm2(releasedKm2))}</dd></div></dl>
    ${approved ? `<ul class="review-approved">${approved}</ul>` : ''}
    ${refused ? `<div role="alert"><p>${e(t('ui.review.refused'))}</p><ul class="review-refused">${refused}</ul></div>` : ''}`;
}
