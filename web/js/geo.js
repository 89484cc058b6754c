// Map arithmetic and GeoJSON handling without Leaflet or the DOM: the detail zoom, the choropleth classes and styles,
// the region under a point, and reading a polygon out of an uploaded GeoJSON file.
import { t } from './i18n.js';
import { containsPoint } from './tiledata.js';

/** From this zoom on, the map draws hazards and released pieces from the vector tiles; below it the choropleth. */
export const DETAIL_ZOOM = 8;

/** Choropleth classes of remaining contamination as a share of the region's area (label: English; the legend words them per language). */
export const SHARE_CLASSES = [
  { min: 0, max: 0, color: '#f4f1ea', label: 'none' },
  { min: 0, max: 0.01, color: '#fde8c8', label: 'under 1 %' },
  { min: 0.01, max: 0.05, color: '#fdc58c', label: '1–5 %' },
  { min: 0.05, max: 0.10, color: '#fc9a5a', label: '5–10 %' },
  { min: 0.10, max: 0.25, color: '#f1683a', label: '10–25 %' },
  { min: 0.25, max: 0.50, color: '#d7301f', label: '25–50 %' },
  { min: 0.50, max: Infinity, color: '#8f0d0d', label: '50 % and more' },
];

/** The class index of a share (0 = none). */
export function shareClass(s) {
  if (!(s > 0)) return 0;
  for (let i = 1; i < SHARE_CLASSES.length; i++) {
    if (s < SHARE_CLASSES[i].max) return i;
  }
  return SHARE_CLASSES.length - 1;
}

export function shareColor(s) {
  return SHARE_CLASSES[shareClass(s)].color;
}

export const OUTCOME_COLORS = { cancelled: '#2b8cbe', reduced: '#41ab5d', cleared: '#006d2c' };
export const HAZARD_STYLES = {
  SHA: { color: '#d95f0e', fillColor: '#fec44f', dashArray: '4 3' },
  CHA: { color: '#7a0177', fillColor: '#dd3497', dashArray: null },
};

/**
 * The polygonal geometry of a GeoJSON document (a Geometry, Feature, FeatureCollection or GeometryCollection):
 * one Polygon stays a Polygon, several become a MultiPolygon. Throws an Error saying what is wrong otherwise.
 */
export function extractPolygonal(doc) {
  const polygons = [];
  const others = new Set();
  const visit = (g) => {
    if (!g || typeof g !== 'object') return;
    switch (g.type) {
      case 'FeatureCollection':
        if (!Array.isArray(g.features)) throw new Error(t('ui.geojson.noFeatures'));
        g.features.forEach(visit);
        break;
      case 'Feature':
        if (!g.geometry) throw new Error(t('ui.geojson.noGeometry'));
        visit(g.geometry);
        break;
      case 'GeometryCollection':
        (g.geometries ?? []).forEach(visit);
        break;
      case 'Polygon':
        if (!Array.isArray(g.coordinates)) throw new Error(t('ui.geojson.noCoordinates', { type: 'Polygon' }));
        polygons.push(g.coordinates);
        break;
      case 'MultiPolygon':
        if (!Array.isArray(g.coordinates)) throw new Error(t('ui.geojson.noCoordinates', { type: 'MultiPolygon' }));
        polygons.push(...g.coordinates);
        break;
      default:
        others.add(String(g.type));
    }
  };
  if (!doc || typeof doc !== 'object' || typeof doc.type !== 'string') {
    throw new Error(t('ui.geojson.noType'));
  }
  visit(doc);
  if (others.size) {
    throw new Error(t('ui.geojson.notPolygons', { types: [...others].join(', ') }));
  }
  if (!polygons.length) throw new Error(t('ui.geojson.noPolygon'));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Parses GeoJSON text and returns its polygonal geometry; a JSON syntax error becomes a readable Error. */
export function parsePolygonalGeoJson(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(t('ui.geojson.notJson', { detail: e.message }));
  }
  return extractPolygonal(doc);
}

/** Number of positions in a Polygon or MultiPolygon (closing positions included). */
export function countVertices(geometry) {
  if (!geometry) return 0;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates ?? [];
  return polys.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

/** True when the lon/lat point lies inside a Polygon or MultiPolygon (even-odd over its rings, so holes are out). */
export function geometryContains(geometry, lon, lat) {
  const polys = geometry?.type === 'Polygon' ? [geometry.coordinates]
    : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
  return containsPoint(polys.flat().map((ring) => ring.flat()), lon, lat);
}
