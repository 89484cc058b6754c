// Reading the API: JSON with problem+json errors, and "latest request wins" channels for the map layers. Every
// request carries the signed-in account's token (auth.js).
import { createAuth, isInvalidToken } from './auth.js';
import { readJson } from './response.js';

function pageStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage switched off
  }
}

/** The client's one sign-in state. */
export const auth = createAuth({ storage: pageStorage(), fetch: (...a) => globalThis.fetch(...a) });

/** A refusal by the service: the RFC 9457 problem it sent. */
export class ProblemError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`); // the server wrote them in the language asked
    this.name = 'ProblemError';
    this.problem = problem ?? { status };
    this.status = status;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function getJson(path, { signal } = {}) {
  const sent = auth.token();
  const res = await fetch(path, { headers: auth.headers({ Accept: 'application/json' }), signal });
  const body = await readJson(res);
  if (sent && res.status === 401 && isInvalidToken(body)) {
    // a revoked token must not hide the public figures: forget it (and say so), then ask again anonymously, or
    // with the token someone signed in with meanwhile
    auth.forgetIfRevoked(res.status, body, sent);
    if (auth.token() !== sent) return getJson(path, { signal });
  }
  if (!res.ok) throw new ProblemError(body, res.status);
  return body;
}

/**
 * A file the service writes (IATI XML, the grant report's PDF and XLSX), fetched with the account's token, since a
 * plain link cannot send it: { blob, fileName } with the name the service gives (Content-Disposition), or null. A
 * refusal is a ProblemError; a revoked token signs out as for JSON.
 */
export async function getFile(path, accept) {
  const sent = auth.token();
  const res = await fetch(path, { headers: auth.headers({ Accept: accept }) });
  if (!res.ok) {
    const body = await readJson(res);
    auth.forgetIfRevoked(res.status, body, sent);
    throw new ProblemError(body, res.status);
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '');
  return { blob: await res.blob(), fileName: named ? named[1] : null };
}

/** True when the error is the service asking for a token (401) or refusing this account (403). */
export function isAuthError(err) {
  return err?.status === 401 || err?.status === 403;
}

export const api = {
  summary: (asOf) => getJson(`/api/stats/summary${query({ asOf })}`),
  regions: (asOf) => getJson(`/api/regions${query({ asOf })}`),
  boundaries: (simplify) => getJson(`/api/regions/boundaries${query({ simplify })}`),
  releasedBy: (by, from, to) => getJson(`/api/stats/released${query({ by, from, to })}`),
  partners: () => getJson('/api/partners'),
  grants: () => getJson('/api/grants'),
  releasedForDonor: (by, donor) => getJson(`/api/stats/released${query({ by, donor })}`),
  countries: () => getJson('/api/countries'),
  grantReport: (id) => getJson(`/api/grants/${encodeURIComponent(id)}/report`),
  grantIati: (id) => getFile(`/api/grants/${encodeURIComponent(id)}/iati`, 'application/xml'),
  grantDocument: (id, format) => getFile(`/api/grants/${encodeURIComponent(id)}/report?format=${encodeURIComponent(format)}`,
    format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  hazard: (id) => getJson(`/api/hazards/${encodeURIComponent(id)}`),
  event: (id) => getJson(`/api/events/${encodeURIComponent(id)}`),
  firstEvents: () => getJson('/api/events?limit=1'),
};

/**
 * A channel where only the latest request counts: starting one aborts the previous one. run(fn) calls
 * fn(signal) and resolves to its value, or to undefined when a newer request superseded it.
 */
export function latestOnly() {
  let controller = null;
  return {
    async run(fn) {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      try {
        const value = await fn(mine.signal);
        return mine.signal.aborted ? undefined : value;
      } catch (e) {
        if (e?.name === 'AbortError' || mine.signal.aborted) return undefined;
        throw e;
      } finally {
        if (controller === mine) controller = null;
      }
    },
    cancel() {
      controller?.abort();
      controller = null;
    },
  };
}

/** Calls fn at most once per wait ms, after the calls stop (trailing edge). */
export function debounce(fn, wait) {
  let timer = null;
  const d = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
  d.cancel = () => clearTimeout(timer);
  return d;
}
