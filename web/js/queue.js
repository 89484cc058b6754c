// The offline queue of field submissions. No DOM: storage (localStorage-like) and fetch are injected, so the
// logic is tested with fakes. Each event keeps the client UUID it was given when first submitted: the server
// answers a resent event with the original result (200) instead of counting it twice. A 401 or 403 is about the
// sender (no token, a revoked one, an account that may not send this partner's events), never about the event:
// such events stay queued until someone who may send them signs in.

import { lang } from './i18n.js';
import { readJson } from './response.js';

export const QUEUE_KEY = 'landrelease.offlineQueue.v1';
export const REFUSED_KEY = 'landrelease.refusedEvents.v1';
/** Statuses that mean "the service did not get to decide": a proxy or gateway in front of it is failing. */
const RETRY_STATUSES = new Set([502, 503, 504]);

/** A random (version 4) UUID; falls back to getRandomValues where randomUUID is missing (plain http on a LAN). */
export function uuid(c = globalThis.crypto) {
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True for the statuses that refuse the sender rather than the event: no valid token (401), not allowed (403). */
export function isAuthStatus(status) {
  return status === 401 || status === 403;
}

/** The JSON headers of a POST, with the bearer token when there is one. */
function postHeaders(token) {
  const h = { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang() };
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

/** True for a failure to reach the server at all: fetch's TypeError, or our own timeout. */
export function isNetworkError(e) {
  return e instanceof TypeError || e?.name === 'TimeoutError' || e?.name === 'NetworkError';
}

export function isRetryStatus(status) {
  return RETRY_STATUSES.has(status);
}

function read(storage, key) {
  try {
    const v = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return []; // a damaged entry must not stop the client from starting
  }
}

export class OfflineQueue {
  constructor({ storage, fetch, token = () => null, endpoint = '/api/events/batch', key = QUEUE_KEY,
    refusedKey = REFUSED_KEY, batchSize = 100, now = () => new Date().toISOString() } = {}) {
    if (!storage || !fetch) throw new Error('OfflineQueue needs a storage and a fetch');
    Object.assign(this, { storage, fetchFn: fetch, token, endpoint, key, refusedKey, batchSize, now });
    this.listeners = new Set();
    this.flushing = null;
  }

  /** The queued entries, oldest first: [{ event, queuedAt }]. */
  entries() {
    return read(this.storage, this.key).filter((e) => e && e.event && e.event.id);
  }

  list() {
    return this.entries().map((e) => e.event);
  }

  size() {
    return this.entries().length;
  }

  /** Events the server refused when the queue was flushed, with its problem: [{ event, problem, refusedAt }]. */
  refused() {
    return read(this.storage, this.refusedKey);
  }

  clearRefused() {
    this.storage.removeItem(this.refusedKey);
    this.changed();
  }

  /** Calls fn(size) after every change; returns a function that unsubscribes. */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed() {
    const n = this.size();
    for (const fn of this.listeners) fn(n);
  }

  /** Queues an event (needs its id). The same id queued twice is kept once, with the latest body. */
  enqueue(event) {
    if (!event || typeof event.id !== 'string' || !event.id) throw new Error('a queued event needs its client id');
    const all = this.entries().filter((e) => e.event.id !== event.id);
    all.push({ event, queuedAt: this.now() });
    this.storage.setItem(this.key, JSON.stringify(all)); // may throw QuotaExceededError: the caller shows it
    this.changed();
    return all.length;
  }

  remove(ids) {
    const drop = new Set(ids);
    const rest = this.entries().filter((e) => !drop.has(e.event.id));
    if (rest.length) this.storage.setItem(this.key, JSON.stringify(rest));
    else this.storage.removeItem(this.key);
  }

  /**
   * Sends the queue with the batch endpoint, batchSize events per request, oldest first, with the token when there is
   * one. Accepted events (201 submitted, 200 already submitted) leave the queue; refused ones (other 4xx) move to the
   * refused list; the rest stay. A network failure stops the flush and keeps what was not sent; so does a 401 or 403
   * for the whole batch (error 'unauthorized' or 'forbidden', with the problem). An event answered 401 or 403 stays
   * queued and is counted in notAllowed. Concurrent calls share one flush. Resolves to
   * { sent, created, replayed, refused, notAllowed, kept, problems: [{ id, status, problem }], error?, problem? }.
   */
  flush() {
    if (!this.flushing) {
      this.flushing = this.flushOnce().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  async flushOnce() {
    const summary = { sent: 0, created: 0, replayed: 0, refused: 0, notAllowed: 0, kept: 0, problems: [] };
    const pending = this.list();
    for (let i = 0; i < pending.length; i += this.batchSize) {
      const chunk = pending.slice(i, i + this.batchSize);
      let res;
      try {
        res = await this.fetchFn(this.endpoint, {
          method: 'POST',
          headers: postHeaders(this.token()),
          body: JSON.stringify(chunk),
        });
      } catch (e) {
        if (!isNetworkError(e)) throw e;
        summary.error = 'network';
        break;
      }
      if (isAuthStatus(res.status)) {
        summary.error = res.status === 401 ? 'unauthorized' : 'forbidden';
        summary.problem = await readJson(res);
        break;
      }
      if (res.status !== 200) {
        summary.error = `status ${res.status}`;
        break;
      }
      const answer = await res.json();
      const done = [];
      const refused = [];
      for (const r of answer.results ?? []) {
        const event = chunk[r.index];
        if (!event) continue;
        if (r.status === 200 || r.status === 201) {
          done.push(event.id);
          summary[r.status === 201 ? 'created' : 'replayed']++;
        } else if (isAuthStatus(r.status)) {
          summary.problems.push({ id: event.id, status: r.status, problem: r.problem ?? null });
          summary.notAllowed++;
        } else if (r.status >= 400 && r.status < 500) {
          done.push(event.id);
          refused.push({ event, problem: r.problem ?? null, refusedAt: this.now() });
          summary.problems.push({ id: event.id, status: r.status, problem: r.problem ?? null });
          summary.refused++;
        }
      }
      summary.sent += chunk.length;
      if (refused.length) {
        this.storage.setItem(this.refusedKey, JSON.stringify([...this.refused(), ...refused]));
      }
      this.remove(done);
      this.changed();
    }
    summary.kept = this.size();
    return summary;
  }
}

/**
 * Submits one event, with the token when there is one. Offline, on a network failure, a timeout or a gateway error
 * it is queued instead and the answer is { queued: true, reason }; otherwise { queued: false, status, ok, body }
 * with the server's JSON (the result, or the problem: a 401 or 403 the caller shows as a sign-in matter).
 */
export async function submitEvent(event, { fetch, queue, online = true, token = null, endpoint = '/api/events',
  timeoutMs = 30000 } = {}) {
  if (!online) {
    queue.enqueue(event);
    return { queued: true, reason: 'offline' };
  }
  let res;
  try {
    const signal = timeoutMs && typeof AbortSignal?.timeout === 'function' ? AbortSignal.timeout(timeoutMs)
      : undefined;
    res = await fetch(endpoint, {
      method: 'POST',
      headers: postHeaders(token),
      body: JSON.stringify(event),
      signal,
    });
  } catch (e) {
    if (!isNetworkError(e)) throw e;
    queue.enqueue(event);
    return { queued: true, reason: 'network' };
  }
  if (isRetryStatus(res.status)) {
    queue.enqueue(event);
    return { queued: true, reason: `status ${res.status}` };
  }
  return { queued: false, status: res.status, ok: res.ok, body: await readJson(res) };
}
