// CSV (RFC 4180) of a grant report. Pure functions: no DOM.

/**
 * One CSV field. Quotes a field holding a comma, quote or line break; doubles inner quotes. A text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe; numbers are written as they are.
 */
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays) to CSV text with CRLF line ends, the header first. */
export function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const GRANT_REPORT_HEADER = ['grant', 'donor', 'partner', 'section', 'key', 'name',
  'releasedKm2', 'cancelledKm2', 'reducedKm2', 'clearedKm2'];

/**
 * The grant report as one table: a "total" row, then one row per region and per month, each split by outcome.
 * regionNames maps a region code to its name (the name column is empty for months and unknown codes).
 */
export function grantReportCsv(report, regionNames = {}) {
  const g = report.grant ?? {};
  const base = [g.id, g.donor, g.partner];
  const rows = [[...base, 'total', 'all', '', report.releasedKm2, report.cancelledKm2, report.reducedKm2,
    report.clearedKm2]];
  for (const r of report.byRegion ?? []) {
    rows.push([...base, 'region', r.key, regionNames[r.key] ?? '', r.km2, r.cancelledKm2, r.reducedKm2,
      r.clearedKm2]);
  }
  for (const m of report.byMonth ?? []) {
    rows.push([...base, 'month', m.key, '', m.km2, m.cancelledKm2, m.reducedKm2, m.clearedKm2]);
  }
  return toCsv(GRANT_REPORT_HEADER, rows);
}

/** A safe file name for a grant's report, e.g. "grant-NL-HALO-report-2025-01-31.csv". */
export function grantReportFileName(grantId, date) {
  const id = String(grantId ?? 'grant').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `grant-${id}-report-${date}.csv`;
}
