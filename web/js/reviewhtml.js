// What the reviewers' panel writes: a queue row, the figures of an approval, the outcome of a batch. Pure functions
// of the API's answers; every text goes through escapeHtml.
import { escapeHtml as e, formatDate, formatKm2, label } from './format.js';
import { changedArea } from './event.js';
import { isAlreadyDecided } from './review.js';

/** "Clearance of 5 Mar 2024 by HALO": how the panel names an event. */
export function describeEvent(ev) {
  return `${label(ev.type)} of ${formatDate(ev.date)} by ${ev.partner}`;
}

/** One row of the queue; decide adds the checkbox, Approve, and Reject with its reason. */
export function queueRowHtml(ev, decide) {
  const name = describeEvent(ev);
  return `<li class="review-item" data-event-id="${e(ev.id)}">
    <div class="review-head">${decide ? `<input type="checkbox" class="review-pick" aria-label="Select ${e(name)}">`
      : ''}<strong>${e(label(ev.type))}</strong><span>${e(formatDate(ev.date))}</span>
      <span class="muted">no. ${e(ev.sequence)}</span></div>
    <dl class="review-facts">
      <div><dt>Partner</dt><dd>${e(ev.partner)}</dd></div>
      <div><dt>Grant</dt><dd>${ev.grant ? e(ev.grant) : '<span class="muted">none</span>'}</dd></div>
      <div><dt>Footprint</dt><dd class="review-km2" data-value="${e(ev.footprintKm2 ?? '')}">${
        typeof ev.footprintKm2 === 'number' ? e(formatKm2(ev.footprintKm2)) : '–'}</dd></div>
      <div><dt>Submitted by</dt><dd class="review-by">${e(ev.submittedBy)}</dd></div>
    </dl>
    <div class="review-buttons"><button type="button" class="review-show">Show on map</button>${decide ? `
      <button type="button" class="review-approve primary">Approve</button>
      <button type="button" class="review-reject" aria-expanded="false">Reject…</button>` : ''}</div>
    ${decide ? `<form class="review-reason" hidden novalidate>
      <label>Reason for rejecting (the field team reads it)
        <input type="text" class="review-reason-text" maxlength="2000" required></label>
      <div class="review-buttons"><button type="submit" class="review-reject-send">Reject</button>
        <button type="button" class="review-reject-cancel">Cancel</button></div></form>` : ''}
    <p class="review-row-status" role="status"></p></li>`;
}

/** What an approval did: the land it released (or added), outside contamination, counted date, regions. */
export function approvalFiguresHtml(r, regionName) {
  const changed = changedArea(r);
  const regions = (r.byRegion ?? []).map((x) => `${e(regionName(x.code))} ${e(formatKm2(x.km2))}`).join(', ');
  return `<dl class="figures figures-compact">
      ${changed ? `<div><dt>${e(changed[0])}</dt><dd class="review-changed" data-value="${e(changed[1])}">${
        e(formatKm2(changed[1]))}</dd></div>` : ''}
      ${r.reclassifiedKm2 ? `<div><dt>Confirmed (SHA → CHA)</dt><dd>${e(formatKm2(r.reclassifiedKm2))}</dd></div>`
        : ''}
      ${typeof r.outsideContaminationKm2 === 'number' ? `<div><dt>Outside contamination</dt><dd>${
        e(formatKm2(r.outsideContaminationKm2))}</dd></div>` : ''}
      ${r.countedOn ? `<div><dt>Counted on</dt><dd>${e(formatDate(r.countedOn))}</dd></div>` : ''}
    </dl>${regions ? `<p>By region: ${regions}</p>` : ''}`;
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
    e(x.problem?.title ?? 'Refused')}${x.status ? ` (${e(x.status)})` : ''} – ${e(x.problem?.detail ?? '')}${
    isAlreadyDecided(x) ? ' Already decided by someone else: taken off the queue.' : ''}</li>`).join('');
  return `<h3>Approved ${e(out.approved.length)} of ${e(asked)}</h3>
    <dl class="figures figures-compact"><div><dt>Released</dt><dd id="review-batch-released" data-value="${
      e(releasedKm2)}">${e(formatKm2(releasedKm2))}</dd></div></dl>
    ${approved ? `<ul class="review-approved">${approved}</ul>` : ''}
    ${refused ? `<div role="alert"><p>Refused:</p><ul class="review-refused">${refused}</ul></div>` : ''}`;
}
