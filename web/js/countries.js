// The country selector: with several countries in the ledger, the figures, the region table and the map show one
// country or all of them. Hidden when the ledger has one country. The choice is kept on this device.
import { getJson } from './api.js';
import { localName, t } from './i18n.js';

export const COUNTRY_KEY = 'ledger.country';

/**
 * Fills the select with the ledger's countries (names in the language shown) and "all countries"; returns the code
 * chosen before (or null for all), and calls onChange(code or null) when the reader picks another.
 */
export async function createCountrySelect(select, { onChange, storage = globalThis.localStorage } = {}) {
  const countries = await getJson('/api/countries');
  const wrap = select.closest('.country') ?? select;
  if (countries.length < 2) {
    wrap.hidden = true;
    return { code: null, countries };
  }
  select.replaceChildren(new Option(t('ui.country.all'), ''),
    ...countries.map((c) => new Option(c.synthetic ? t('ui.country.synthetic', { name: localName(c) })
      : localName(c), c.code)));
  const saved = storage?.getItem(COUNTRY_KEY);
  select.value = countries.some((c) => c.code === saved) ? saved : '';
  wrap.hidden = false;
  select.addEventListener('change', () => {
    storage?.setItem(COUNTRY_KEY, select.value);
    onChange(select.value || null);
  });
  return { code: select.value || null, countries };
}
