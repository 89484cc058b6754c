// The field-submission event: building the API body from the form's values and checking what the browser can
// check before sending. No DOM. The server stays the judge (grant rules, geometry validity).
import { classShorts } from './format.js';
import { t } from './i18n.js';

export const EVENT_TYPES = ['HAZARD_REPORT', 'NON_TECHNICAL_SURVEY', 'TECHNICAL_SURVEY', 'CLEARANCE'];
export const HAZARD_TYPES = ['AP_MINE', 'AT_MINE', 'CLUSTER_MUNITION', 'UXO', 'IED', 'OTHER'];
export const CLASSIFICATIONS = ['SHA', 'CHA'];
export const METHODS = ['MANUAL', 'MECHANICAL', 'MDD', 'COMBINED'];
/** The land's use after release, as the completion report records it (releases only; none sent = unknown). */
export const LAND_USES = ['AGRICULTURE', 'RESIDENTIAL', 'INFRASTRUCTURE', 'FOREST', 'WATER', 'OTHER'];
const RELEASES = ['NON_TECHNICAL_SURVEY', 'TECHNICAL_SURVEY', 'CLEARANCE'];

/** Which optional parts of the form a type shows. */
export function fieldsFor(type) {
  return {
    classification: type === 'HAZARD_REPORT',
    hazardTypes: type === 'HAZARD_REPORT',
    method: type === 'CLEARANCE',
    devicesFound: type === 'CLEARANCE',
    landUse: RELEASES.includes(type),
  };
}

/** The grants of a partner, each with covers: whether its period holds the date (ISO strings compare as dates). */
export function grantsFor(grants, partner, date) {
  return (grants ?? []).filter((g) => g.partner === partner)
    .map((g) => ({ ...g, covers: !date || (g.start <= date && date <= g.end) }));
}

/**
 * The API body from the form's values, or the errors that stop it: { event, errors: [{ field, message }] }.
 * values: { type, partner, grant, date, classification, hazardTypes[], method, devicesFound {TYPE: count}, landUse,
 * notes, geometry }. Only the fields of the chosen type are sent; an empty landUse is not sent (not recorded).
 */
export function buildEvent(values, { id, today, grants = null } = {}) {
  const errors = [];
  const v = values ?? {};
  const need = (field, ok, message) => {
    if (!ok) errors.push({ field, message });
  };
  need('type', EVENT_TYPES.includes(v.type), t('ui.form.error.type'));
  need('partner', !!v.partner, t('ui.form.error.partner'));
  need('date', /^\d{4}-\d{2}-\d{2}$/.test(v.date ?? ''), t('ui.form.error.date'));
  if (v.date && today && v.date > today) errors.push({ field: 'date', message: t('ui.form.error.future', { today }) });
  const show = fieldsFor(v.type);
  if (show.classification) {
    need('classification', CLASSIFICATIONS.includes(v.classification), t('ui.form.error.classification', classShorts()));
  }
  if (show.method) need('method', METHODS.includes(v.method), t('ui.form.error.method'));
  if (show.landUse && v.landUse) need('landUse', LAND_USES.includes(v.landUse), t('ui.form.error.landUse'));
  if (v.grant && grants) {
    const g = grants.find((x) => x.id === v.grant);
    if (!g || g.partner !== v.partner) {
      errors.push({ field: 'grant', message: t('ui.form.error.grantPartner') });
    } else if (v.date && (v.date < g.start || v.date > g.end)) {
      errors.push({ field: 'grant', message: t('ui.form.error.grantPeriod', { start: g.start, end: g.end }) });
    }
  }
  const geometryOk = v.geometry && (v.geometry.type === 'Polygon' || v.geometry.type === 'MultiPolygon');
  need('geometry', geometryOk, t('ui.form.error.geometry'));

  const event = { id, type: v.type, date: v.date, partner: v.partner };
  if (v.grant) event.grant = v.grant;
  if (show.classification) event.classification = v.classification;
  if (show.hazardTypes && v.hazardTypes?.length) {
    event.hazardTypes = HAZARD_TYPES.filter((t) => v.hazardTypes.includes(t));
  }
  if (show.method) event.method = v.method;
  if (show.landUse && v.landUse) event.landUse = v.landUse;
  if (show.devicesFound) {
    const devices = {};
    for (const [type, n] of Object.entries(v.devicesFound ?? {})) {
      if (n === '' || n === null || n === undefined) continue;
      const count = Number(n);
      if (!HAZARD_TYPES.includes(type) || !Number.isInteger(count) || count < 0) {
        errors.push({ field: `devices-${type}`, message: t('ui.form.error.devices') });
      } else if (count > 0) {
        devices[type] = count;
      }
    }
    if (Object.keys(devices).length) event.devicesFound = devices;
  }
  const notes = (v.notes ?? '').trim();
  if (notes) event.notes = notes;
  event.geometry = v.geometry;
  return { event: errors.length ? null : event, errors };
}

/** What an approval changed: ['Released', km²] for a release or reversal, ['Added', km²] for a hazard report. */
export function changedArea(result) {
  if (typeof result?.releasedKm2 === 'number') return [t('ui.result.released'), result.releasedKm2];
  if (typeof result?.addedKm2 === 'number') return [t('ui.result.added'), result.addedKm2];
  return null;
}
