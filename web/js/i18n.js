// The client's language: one file per language under /i18n (the same files the server reads), chosen once and kept
// on this device. The module loads its texts before any module that imports it runs (top-level await), so t() is
// synchronous everywhere, even at a module's top level. A key the language lacks falls back to English, then to the
// key itself: a missing text shows, it never breaks the page. Switching reloads the page with its view kept (resume).

import { readJson } from './response.js';

export const LANG_KEY = 'ledger.lang';
const RESUME_KEY = 'ledger.resume';
const FALLBACK = 'en';

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage switched off: the browser's language every time
  }
}

async function fetchJson(url) {
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    return res.ok ? await readJson(res) : null;
  } catch {
    return null; // offline and not cached: the keys show, the page still works
  }
}

/** A language file's nested objects as dotted keys, as Translations.flatten does on the server. */
export function flatten(node, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(node ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/** The first of the browser's languages (primary subtag) that is on offer; English otherwise. */
export function pickLanguage(preferred, offered) {
  for (const tag of preferred ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (offered.includes(primary)) return primary;
  }
  return FALLBACK;
}

const codeOk = (c) => typeof c === 'string' && /^[a-z]{2,3}$/.test(c);
const kept = storage()?.getItem(LANG_KEY);
const browser = [...(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? FALLBACK])];
// the kept choice needs no list; the first visit follows the browser among the files the service has
let offered = null;
let chosen = codeOk(kept) ? kept : null;
if (!chosen) {
  offered = await fetchJson('/api/languages');
  chosen = pickLanguage(browser, (offered ?? []).map((l) => l.code).concat(FALLBACK));
}
const [enFile, chosenFile] = await Promise.all([fetchJson(`/i18n/${FALLBACK}.json`),
  chosen === FALLBACK ? null : fetchJson(`/i18n/${chosen}.json`)]);
const english = flatten(enFile);
const texts = chosenFile ? flatten(chosenFile) : english;
if (!chosenFile && chosen !== FALLBACK) chosen = FALLBACK; // a kept language whose file is gone

/** The language shown: its code (the file's name). */
export function lang() {
  return chosen;
}

/** The locale of number and date formats: the file's _meta.locale, else its code. */
export function locale() {
  return texts['_meta.locale'] ?? english['_meta.locale'] ?? chosen;
}

/** The text of a key, with {name} placeholders filled; English when the language lacks it, else the key. */
export function t(key, args) {
  const text = texts[key] ?? english[key] ?? key;
  return args ? text.replace(/\{(\w+)\}/g, (m, k) => (k in args ? String(args[k]) : m)) : text;
}

/** True when the language or English has the key (for optional texts such as glossary terms). */
export function has(key) {
  return key in texts || key in english;
}

/** A counted text: key.one, key.few, key.many or key.other as the language's plural rules pick for n ({n} filled). */
export function tn(key, n, args = {}) {
  const form = new Intl.PluralRules(locale()).select(n);
  const k = `${key}.${form}` in texts || `${key}.${form}` in english ? `${key}.${form}` : `${key}.other`;
  return t(k, { n, ...args });
}

/** A region's name in the language shown: nameUk (or name_uk) for Ukrainian, else the English name. */
export function localName(item) {
  if (!item) return '';
  const cap = chosen[0].toUpperCase() + chosen.slice(1);
  return (chosen !== FALLBACK && (item[`name${cap}`] || item[`name_${chosen}`])) || item.name || item.code || '';
}

/**
 * Writes the static texts of the page: data-i18n="key" sets an element's text (data-i18n-term="sha" beside it takes
 * the glossary's term where the language has one), data-i18n-attr="aria-label:key;title:key2" its attributes. Also
 * <html lang> and the title.
 */
export function translatePage(doc = globalThis.document) {
  doc.documentElement.lang = chosen;
  for (const el of doc.querySelectorAll('[data-i18n]')) {
    el.textContent = el.dataset.i18nTerm ? term(el.dataset.i18nTerm, el.dataset.i18n) : t(el.dataset.i18n);
  }
  for (const el of doc.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

/** The languages on offer ([{code, name}]), as GET /api/languages lists them; the shown one alone when offline. */
export async function languages() {
  offered = offered ?? await fetchJson('/api/languages');
  return offered?.length ? offered : [{ code: chosen, name: t('_meta.name') }];
}

/**
 * Chooses a language: kept on this device, then the page reloads in it. resume() is called first; what it returns
 * (the open tab, the map's view...) is given back once after the reload by takeResume().
 */
export function setLanguage(code, resume = () => null) {
  if (!codeOk(code)) return;
  const s = storage();
  s?.setItem(LANG_KEY, code);
  try {
    globalThis.sessionStorage?.setItem(RESUME_KEY, JSON.stringify(resume() ?? null));
  } catch {
    // no session storage: the page reloads at its start
  }
  globalThis.location.reload();
}

/** The view kept across a language switch, once (null otherwise). */
export function takeResume() {
  try {
    const v = globalThis.sessionStorage?.getItem(RESUME_KEY);
    globalThis.sessionStorage?.removeItem(RESUME_KEY);
    return v ? JSON.parse(v) : null;
  } catch {
    return null;
  }
}

/** The header's switch: one button per language, named in itself; the shown one is pressed. */
export async function createLanguageSwitch(root, { resume } = {}) {
  const list = await languages();
  root.innerHTML = list.map((l) => `<button type="button" lang="${l.code}" data-lang="${l.code}"
    aria-pressed="${l.code === chosen}">${String(l.name).replace(/[&<>"']/g, '')}</button>`).join('');
  root.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-lang]');
    if (b && b.dataset.lang !== chosen) setLanguage(b.dataset.lang, resume);
  });
}

/**
 * An IMAS term: the official term of the glossary (glossary.*, with its source) in a language that has it, else the
 * client's own text. English keeps the client's text, whose wording the page was written around. The glossary writes
 * terms in lower case; where the client's text begins with a capital (a label, a heading), so does the term.
 */
export function term(glossaryKey, uiKey, args) {
  const g = texts[`glossary.${glossaryKey}`];
  const own = t(uiKey, args);
  if (chosen === FALLBACK || !g) return own;
  const first = own.charAt(0);
  const capital = first !== first.toLocaleLowerCase(locale());
  return capital ? g.charAt(0).toLocaleUpperCase(locale()) + g.slice(1) : g;
}
