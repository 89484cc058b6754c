// The reviewers' side of the approval workflow: the queue of submitted events and the decisions on them, one by one
// or in a batch. No DOM: fetch and the headers (with the token) are injected, so the logic is tested with fakes.
import { ProblemError, query } from './api.js';
import { t } from './i18n.js';
import { readJson } from './response.js';

export { changedArea } from './event.js';

/** Events asked for per page of the queue. */
export const QUEUE_PAGE = 100;
/** The most decisions the service takes in one POST /api/reviews. */
export const MAX_DECISIONS = 1000;

/** 'decide' for a reviewer; 'read' for an administrator, who sees the queue but may not decide; else null. */
export function reviewAccess(account) {
  if (account?.role === 'REVIEWER') return 'decide';
  if (account?.role === 'ADMIN') return 'read';
  return null;
}

/** True when the service refused because the event is no longer SUBMITTED: someone else decided (or withdrew) it. */
export function isAlreadyDecided(err) {
  return err?.status === 409;
}

/**
 * The answers of POST /api/reviews for the ids sent, in that order: { approved: [{ id, result }], refused: [{ id,
 * status, problem }] }. An item the service did not answer (a batch that failed as a whole) is refused with err.
 */
export function sortDecisions(ids, answers, failure = null) {
  const byEvent = new Map();
  for (const a of answers) for (const r of a?.results ?? []) if (r.event) byEvent.set(r.event, r);
  const out = { approved: [], refused: [] };
  for (const id of ids) {
    const r = byEvent.get(id);
    if (r && r.status === 200) out.approved.push({ id, result: r.result });
    else {
      out.refused.push({ id, status: r?.status ?? failure?.status ?? 0,
        problem: r?.problem ?? failure?.problem ?? { detail: t('ui.review.noAnswer') } });
    }
  }
  return out;
}

/** The queue and decisions, sent with headers(extra) (which adds the bearer token). Refusals throw ProblemError. */
export function createReviewClient({ fetch, headers }) {
  async function call(method, path, body) {
    const extra = body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' };
    const init = { method, headers: headers(extra) };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(path, init);
    const json = await readJson(res);
    if (!res.ok) throw new ProblemError(json, res.status);
    return json;
  }
  const eventPath = (id, what = '') => `/api/events/${encodeURIComponent(id)}${what}`;

  return {
    /** One page of the queue, oldest first: { events, nextCursor }. */
    queue: (cursor) => call('GET', `/api/events${query({ status: 'SUBMITTED', limit: QUEUE_PAGE, cursor })}`),
    /** The event with its footprint (the queue's rows carry none). */
    event: (id) => call('GET', eventPath(id)),
    history: (id) => call('GET', eventPath(id, '/history')),
    approve: (id) => call('POST', eventPath(id, '/approve')),
    /** The service refuses a rejection without a reason; so does this, before sending. */
    async reject(id, reason) {
      const why = String(reason ?? '').trim();
      if (!why) throw new ProblemError({ title: t('ui.review.reasonRequired'), detail: t('ui.review.reasonDetail') }, 400);
      return call('POST', eventPath(id, '/reject'), { reason: why });
    },
    /** Approves the events in the order given (approval order is ledger order), in batches the service accepts. */
    async approveAll(ids) {
      const answers = [];
      for (let i = 0; i < ids.length; i += MAX_DECISIONS) {
        const decisions = ids.slice(i, i + MAX_DECISIONS).map((event) => ({ event, decision: 'APPROVE' }));
        try {
          answers.push(await call('POST', '/api/reviews', { decisions }));
        } catch (err) {
          // the batches already answered stand: say which were decided and which were not sent
          if (!answers.length) throw err;
          return sortDecisions(ids, answers, { status: err.status ?? 0,
            problem: err.problem ?? { title: t('ui.common.notSent'), detail: err.message } });
        }
      }
      return sortDecisions(ids, answers);
    },
  };
}
