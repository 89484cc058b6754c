// Who the client speaks as: the bearer token kept on this device and the account the service says it is. No DOM:
// the storage and fetch are injected (the page uses localStorage and window.fetch), so the logic is tested with fakes.

import { lang, t } from './i18n.js';
import { readJson } from './response.js';

export const TOKEN_KEY = 'ledger.token';

/** What the user reads when the service refused the kept token and the client forgot it. */
export const INVALID_TOKEN_NOTE = t('ui.signin.invalidToken');

/** "field-halo (FIELD, HALO)": the account as the sign-in control names it. */
export function describeAccount(a) {
  if (!a) return '';
  const bound = a.partner ?? a.donor;
  const role = t(`ui.role.${a.role}`);
  return `${a.name} (${role.startsWith('ui.role.') ? a.role : role}${bound ? `, ${bound}` : ''})`;
}

/** True when the problem says the token sent was not valid (unknown or revoked), not that one is missing. */
export function isInvalidToken(problem) {
  return typeof problem?.type === 'string' && problem.type.endsWith('/invalid-token');
}

export function createAuth({ storage, fetch }) {
  const listeners = new Set();
  let account = null;
  let note = '';
  const read = () => {
    try {
      return storage?.getItem(TOKEN_KEY) || null;
    } catch {
      return null; // storage switched off: nobody is signed in
    }
  };
  const changed = () => {
    for (const fn of listeners) fn(account, note);
  };

  const auth = {
    token: read,
    /** The account GET /api/me answered for the token, or null (signed out, or not checked yet). */
    get account() {
      return account;
    },
    /** Why the state last changed, when the user should know (a rejected token, no connection to check it). */
    get note() {
      return note;
    },
    /** The headers given plus Authorization when a token is kept, and the language shown (problems come in it). */
    headers(extra = {}) {
      const kept = read();
      const h = { 'Accept-Language': lang(), ...extra };
      return kept ? { ...h, Authorization: `Bearer ${kept}` } : h;
    },
    /** Calls fn(account, note) after every change; returns a function that unsubscribes. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /**
     * Asks the service who the token is. A valid token is kept and resolves to { account }; a refused one is not
     * kept and resolves to { problem, status }. A network failure keeps the token (checked again later): { offline }.
     */
    async signIn(token) {
      const tok = String(token ?? '').trim();
      if (!tok) return { status: 0, problem: { detail: t('ui.signin.enterToken') } };
      let res;
      try {
        res = await fetch('/api/me', { headers: { Accept: 'application/json', 'Accept-Language': lang(),
          Authorization: `Bearer ${tok}` } });
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        storage?.setItem(TOKEN_KEY, tok);
        account = null;
        note = t('ui.signin.unreachable');
        changed();
        return { offline: true };
      }
      const body = await readJson(res);
      if (!res.ok) return { status: res.status, problem: body };
      storage?.setItem(TOKEN_KEY, tok);
      account = body;
      note = '';
      changed();
      return { account };
    },
    /** Checks the kept token again (at start-up); forgets it when the service says it is not valid. */
    async check() {
      const kept = read();
      if (!kept) return null;
      const r = await auth.signIn(kept);
      auth.forgetIfRevoked(r.status, r.problem, kept);
      return r;
    },
    /**
     * The client's one rule for a refused token: a 401 whose problem says the token sent is not valid (unknown or
     * revoked) signs out, with INVALID_TOKEN_NOTE. sent is the token the refused request carried (by default the
     * kept one); if another token was kept meanwhile (someone signed in again), that one stays. True when it
     * signed out.
     */
    forgetIfRevoked(status, problem, sent = read()) {
      if (status !== 401 || !isInvalidToken(problem) || !sent || read() !== sent) return false;
      auth.signOut(INVALID_TOKEN_NOTE);
      return true;
    },
    signOut(why = '') {
      try {
        storage?.removeItem(TOKEN_KEY);
      } catch {
        // nothing kept
      }
      account = null;
      note = why;
      changed();
    },
  };
  return auth;
}
