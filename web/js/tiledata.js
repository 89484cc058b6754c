// What the vector-tile layer computes without Leaflet or the DOM: tile URLs, polygon rings in tile pixels, the edges
// the server's clipping made, hit tests, and the tile properties turned back into the API's shapes.

/** A tile URL: the template's {z}/{x}/{y} filled in, and the query parameters that have a value, in a stable order. */
export function tileUrl(template, { x, y, z }, params = {}) {
  const path = template.replace('{z}', z).replace('{x}', x).replace('{y}', y);
  const q = new URLSearchParams();
  for (const k of Object.keys(params).sort()) {
    const v = params[k];
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The x of a tile folded back into the world (Leaflet asks for tiles of the world copies beside it). */
export function wrapTileX(x, z) {
  const n = 2 ** z;
  return ((x % n) + n) % n;
}

/**
 * The tile whose data draws tile {x, y, z}: itself up to maxDataZoom, else its ancestor at maxDataZoom (overzoom),
 * with k, how many times the drawn tile is smaller, and ox, oy, which of the k × k parts of the ancestor it is.
 */
export function sourceTile({ x, y, z }, maxDataZoom) {
  if (maxDataZoom === undefined || maxDataZoom === null || z <= maxDataZoom) return { x, y, z, k: 1, ox: 0, oy: 0 };
  const k = 2 ** (z - maxDataZoom);
  const sx = Math.floor(x / k);
  const sy = Math.floor(y / k);
  return { x: sx, y: sy, z: maxDataZoom, k, ox: x - sx * k, oy: y - sy * k };
}

/** The part of the source tile that a drawn tile shows, in the source tile's pixels: [minX, minY, maxX, maxY]. */
export function sourceWindow(source, size) {
  const w = size / source.k;
  return [source.ox * w, source.oy * w, (source.ox + 1) * w, (source.oy + 1) * w];
}

/** A point in a drawn tile's pixels as a point in its source tile's pixels. */
export function toSourcePixels(source, size, x, y) {
  return [(x + source.ox * size) / source.k, (y + source.oy * size) / source.k];
}

/**
 * The rings of a decoded MVT polygon (Points in tile units, 0..extent) as flat [x0, y0, x1, y1, ...] arrays in tile
 * pixels (0..size), with their bounding box [minX, minY, maxX, maxY].
 */
export function toTilePixels(rings, extent, size) {
  const k = size / extent;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const out = rings.map((ring) => {
    const a = new Float64Array(ring.length * 2);
    for (let i = 0; i < ring.length; i++) {
      const x = ring[i].x * k;
      const y = ring[i].y * k;
      a[2 * i] = x;
      a[2 * i + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    return a;
  });
  return { rings: out, bbox: [minX, minY, maxX, maxY] };
}

/**
 * True for an edge that lies along (or beyond) one side of the tile: the server's clipping made it, and it is no
 * boundary of the polygon, so it is not stroked (else every tile would outline its own square).
 */
export function isClipEdge(ax, ay, bx, by, size) {
  return (ax <= 0 && bx <= 0) || (ax >= size && bx >= size) || (ay <= 0 && by <= 0) || (ay >= size && by >= size);
}

/**
 * Even-odd point in polygon over all rings of a feature (flat [x0, y0, x1, y1, ...] arrays), so that holes and the
 * parts of a multipolygon count.
 */
export function containsPoint(rings, x, y) {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xi = r[i];
      const yi = r[i + 1];
      const xj = r[j];
      const yj = r[j + 1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from (x, y) to the nearest drawn edge of the rings (clip edges left out), in tile pixels. */
export function distanceToEdges(rings, x, y, size) {
  let best = Infinity;
  for (const r of rings) {
    for (let i = 2; i < r.length; i += 2) {
      if (isClipEdge(r[i - 2], r[i - 1], r[i], r[i + 1], size)) continue;
      const d = segmentDistance(x, y, r[i - 2], r[i - 1], r[i], r[i + 1]);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * The features of one tile at a point in its pixels, topmost (drawn last) first: those that contain it, or else the
 * one whose outline passes within tolerance pixels (a field of a few pixels is hard to hit).
 */
export function featuresAtPoint(features, x, y, size, tolerance = 0) {
  const hits = [];
  for (let i = features.length - 1; i >= 0; i--) {
    const f = features[i];
    const [x0, y0, x1, y1] = f.bbox;
    if (x < x0 || x > x1 || y < y0 || y > y1) continue;
    if (containsPoint(f.rings, x, y)) hits.push(f);
  }
  if (hits.length || !(tolerance > 0)) return hits;
  let nearest = null;
  let best = tolerance;
  for (let i = features.length - 1; i >= 0; i--) {
    const f = features[i];
    const [x0, y0, x1, y1] = f.bbox;
    if (x < x0 - tolerance || x > x1 + tolerance || y < y0 - tolerance || y > y1 + tolerance) continue;
    const d = distanceToEdges(f.rings, x, y, size);
    if (d <= best) {
      best = d;
      nearest = f;
    }
  }
  return nearest ? [nearest] : [];
}

/** True when the box [minX, minY, maxX, maxY] overlaps the other one. */
export function boxesOverlap(a, b) {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The X-Tile-Dropped-Features header as a count: 0 when absent or not a number. */
export function droppedCount(header) {
  const n = Number.parseInt(header ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** A comma-separated tile property as a list ('' and absent give []). */
export function splitList(v) {
  if (v === undefined || v === null || v === '') return [];
  return String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The properties of a hazards-tile feature in the shape of /api/hazards, which the popups read. The hazard id is the
 * feature id; a property "id" serves as well (ST_AsMVT moves it into the feature id, other encoders may keep both).
 */
export function hazardFromTile(p, featureId) {
  return { ...p, id: Number(p.id ?? featureId), hazardTypes: splitList(p.hazardTypes), regions: splitList(p.regions) };
}

/** The properties of a releases-tile feature in the shape of /api/releases (hazardId a number, no empty grant). */
export function releaseFromTile(p) {
  const out = { ...p, hazardId: Number(p.hazardId) };
  if (out.grant === '' || out.grant === null) delete out.grant;
  return out;
}

/** A key that tells the pieces of released land apart when a tile feature carries no id. */
export function releaseKey(f) {
  const p = f.properties;
  return f.id ?? p.id ?? `${p.eventId}/${p.hazardId}/${p.region}/${p.outcome}`;
}

/** A Leaflet dashArray ("4 3") as the canvas line dash ([4, 3]); none gives []. */
export function dashPattern(dashArray) {
  if (!dashArray) return [];
  return String(dashArray).split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n) && n >= 0);
}
