// Number, area and date formatting for the client, in the locale of the language shown (Intl: Ukrainian writes
// 1 234,5 with a non-breaking space, English 1,234.5). Pure functions: no DOM, tested in the browser from JUnit.
// Areas arrive from the API in km² (6 decimals); 1 km² = 100 ha.
import { locale, t, term } from './i18n.js';

const LOCALE = locale();
const formatters = new Map();

function numberFormat(digits) {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

function isNumber(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Decimals that keep a km² figure readable: 2 from 1 km² up, more for the small fields a team clears. */
export function km2Digits(km2) {
  const a = Math.abs(km2);
  if (a === 0 || a >= 1) return 2;
  if (a >= 0.01) return 4;
  return 6;
}

/** A plain number with grouping, e.g. formatNumber(1234.5, 1) → "1,234.5"; "–" when not a number. */
export function formatNumber(v, digits = 0) {
  if (!isNumber(v)) return '–';
  // -0.00 reads as an error to a donor: the ledger's tiny negative zeros (1e-9) print as 0
  const s = numberFormat(digits).format(v);
  return /^-0([.,]0+)?$/.test(s) ? s.slice(1) : s;
}

/** km² with the unit, e.g. "125,600.02 km²"; pass { unit: false } for the bare number. */
export function formatKm2(km2, { unit = true, digits } = {}) {
  if (!isNumber(km2)) return '–';
  const v = Math.abs(km2) < 5e-7 ? 0 : km2; // below the API's last decimal: a rounding residue of the ledger
  const s = formatNumber(v, digits ?? km2Digits(v));
  return unit ? t('ui.unit.km2', { v: s }) : s;
}

export function km2ToHa(km2) {
  return isNumber(km2) ? km2 * 100 : NaN;
}

/** Hectares with the unit, two decimals, e.g. "37.06 ha". */
export function formatHa(ha, { unit = true } = {}) {
  if (!isNumber(ha)) return '–';
  const s = formatNumber(ha, 2);
  return unit ? t('ui.unit.ha', { v: s }) : s;
}

/** "0.37 km² (37.06 ha)": the form every popup uses. */
export function formatArea(km2, ha) {
  if (!isNumber(km2)) return '–';
  return `${formatKm2(km2)} (${formatHa(isNumber(ha) ? ha : km2ToHa(km2))})`;
}

/** Share of a whole in per cent, one decimal; "<0.1 %" for a small positive share, "–" for no whole. */
export function formatShare(part, whole) {
  if (!isNumber(part) || !isNumber(whole) || whole <= 0) return '–';
  const pct = (100 * part) / whole;
  if (pct > 0 && pct < 0.05) return t('ui.unit.percentBelow', { v: formatNumber(0.1, 1) });
  return t('ui.unit.percent', { v: formatNumber(pct, 1) });
}

export function share(part, whole) {
  return isNumber(part) && isNumber(whole) && whole > 0 ? part / whole : 0;
}

const monthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2024-03" → "Mar 2024" ("бер. 2024 р." in Ukrainian); anything else is returned unchanged. */
export function formatMonth(key) {
  const m = /^(\d{4})-(\d{2})$/.exec(key ?? '');
  if (!m || +m[2] < 1 || +m[2] > 12) return String(key ?? '');
  return monthFormat.format(Date.UTC(+m[1], +m[2] - 1, 1));
}

/** "2024-03-05" → "5 Mar 2024" ("5 бер. 2024 р."); dates are kept as ISO strings everywhere else. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m || +m[2] < 1 || +m[2] > 12) return String(iso ?? '');
  return dateFormat.format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
}

/** Today's date in UTC as YYYY-MM-DD: the server refuses dates after its UTC today. */
export function todayUtc(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** Days between two ISO dates (b − a), and the date n days after an ISO date: the "as of" slider's scale. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

// the API's codes whose words are IMAS terms: the glossary's official term where the language has one
const TERMS = {
  HAZARD_REPORT: 'hazardReport', NON_TECHNICAL_SURVEY: 'nonTechnicalSurvey', TECHNICAL_SURVEY: 'technicalSurvey',
  CLEARANCE: 'clearance', SHA: 'sha', CHA: 'cha', CLUSTER_MUNITION: 'cluster', UXO: 'uxo', IED: 'ied',
  MANUAL: 'manual', MECHANICAL: 'mechanical', MDD: 'mdd', cancelled: 'cancelled', reduced: 'reduced',
  cleared: 'cleared',
};

/**
 * The abbreviation of a classification (SHA, CHA): the glossary's (glossary.shaShort) where the language has one,
 * else the client's ui.short.*. Every text that names SHA or CHA takes it from here ({short}, {sha}, {cha}).
 */
export function classShort(code) {
  return term(code === 'CHA' ? 'chaShort' : 'shaShort', `ui.short.${code === 'CHA' ? 'CHA' : 'SHA'}`);
}

/** Both abbreviations, as the placeholders {sha} and {cha} of a text. */
export function classShorts() {
  return { sha: classShort('SHA'), cha: classShort('CHA') };
}

/** A readable label for an API code (event type, classification, hazard type, outcome...); the code if unknown. */
export function label(code) {
  const key = `ui.label.${code}`;
  const args = code === 'SHA' || code === 'CHA' ? { short: classShort(code) } : undefined;
  const text = TERMS[code] ? term(TERMS[code], key, args) : t(key, args);
  return text === key ? String(code ?? '') : text;
}

/** Escapes text for HTML built with template strings (popups, tables). */
export function escapeHtml(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) =>
    ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
