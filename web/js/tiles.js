// A Leaflet grid layer that draws the polygons of Mapbox Vector Tiles on one canvas per tile and finds the features
// under a point. Written for this client instead of leaflet.vectorgrid, whose clicks fail on Leaflet ≥ 1.8 and which
// is no longer released: it draws polygons only, with the styles of the GeoJSON layers it replaced, and keeps what
// it decoded for the hit tests that open the popups. Tiles are fetched with the browser's HTTP cache as it is
// (the service revalidates today's tiles with an ETag), so redraw() after an approval costs a 304 per unchanged tile.
// Beyond maxDataZoom (the service's last zoom with new detail) a tile is drawn from its ancestor's data, magnified:
// outlines stay sharp and one request serves the 4 or 16 tiles under it.
/* global L */
import { PbfReader } from '../vendor/pbf-5.2.1/index.js';
import { VectorTile } from '../vendor/mapbox-vector-tile-3.0.0/index.js';
import { ProblemError } from './api.js';
import { readJson } from './response.js';
import { boxesOverlap, dashPattern, droppedCount, featuresAtPoint, isClipEdge, sourceTile, sourceWindow, tileUrl,
  toSourcePixels, toTilePixels, wrapTileX } from './tiledata.js';

const EMPTY = Object.freeze({ features: [], dropped: 0, bytes: 0 });

/** The features of one MVT layer of a tile, polygons only, in tile pixels. */
export function decodeTile(buffer, layerName, size) {
  const tile = new VectorTile(new PbfReader(new Uint8Array(buffer)));
  const layer = tile.layers[layerName];
  if (!layer) return [];
  const features = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    if (f.type !== 3) continue;
    const { rings, bbox } = toTilePixels(f.loadGeometry(), layer.extent, size);
    features.push({ id: f.id, properties: f.properties, rings, bbox });
  }
  return features;
}

/**
 * Fills a feature's rings (even-odd, so holes stay open) and strokes its edges except those the clipping made;
 * unit is one screen pixel in the rings' pixels (1, or less when a tile is magnified).
 */
function drawFeature(ctx, f, style, size, unit) {
  ctx.beginPath();
  for (const r of f.rings) {
    ctx.moveTo(r[0], r[1]);
    for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i], r[i + 1]);
    ctx.closePath();
  }
  ctx.globalAlpha = style.fillOpacity ?? 0.2;
  ctx.fillStyle = style.fillColor ?? style.color;
  ctx.fill('evenodd');
  if (!(style.weight > 0)) return;
  ctx.beginPath();
  for (const r of f.rings) {
    let down = false;
    for (let i = 2; i < r.length; i += 2) {
      if (isClipEdge(r[i - 2], r[i - 1], r[i], r[i + 1], size)) {
        down = false;
      } else {
        if (!down) ctx.moveTo(r[i - 2], r[i - 1]);
        ctx.lineTo(r[i], r[i + 1]);
        down = true;
      }
    }
  }
  ctx.globalAlpha = style.opacity ?? 1;
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.weight * unit;
  ctx.setLineDash(dashPattern(style.dashArray).map((d) => d * unit));
  ctx.stroke();
}

let LayerClass = null;

function layerClass() {
  if (LayerClass) return LayerClass;
  LayerClass = L.GridLayer.extend({
    options: {
      layerName: '',
      template: '',
      params: {},
      /** properties → { color, fillColor, fillOpacity, weight, dashArray, opacity } */
      style: () => ({}),
      /** the request headers (the bearer token when signed in) */
      headers: () => ({}),
      /** what tells two features apart across tiles, for the count in view */
      featureKey: (f) => f.id,
      /** pixels around an outline that still hit a feature too small to click inside */
      tolerance: 4,
      /** the last zoom the service adds detail at; deeper tiles are drawn from their ancestor there */
      maxDataZoom: undefined,
      updateWhenZooming: false,
    },

    initialize(options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this.options.params = { ...(options?.params ?? {}) };
      this._states = new Map(); // wrapped "x:y:z" → { coords, source, canvas, data, controller, done }
      this._shared = new Map(); // URL → the pending request that magnified tiles share
      this._pending = 0;
      this.timing = { tiles: 0, bytes: 0, fetchMs: 0, decodeMs: 0, paintMs: 0 };
      this.on('tileunload', this._onTileUnload, this);
    },

    onAdd(map) {
      L.GridLayer.prototype.onAdd.call(this, map);
      this._watchPixelRatio();
    },

    onRemove(map) {
      this._unwatchPixelRatio();
      L.GridLayer.prototype.onRemove.call(this, map);
      for (const s of this._states.values()) s.controller?.abort();
      this._states.clear();
      this.fire('datachange');
    },

    createTile(coords, done) {
      const canvas = L.DomUtil.create('canvas', 'lr-tile');
      canvas.width = 0; // pixels come with the first features to draw
      canvas.height = 0;
      canvas.dataset.tile = `${coords.z}/${coords.x}/${coords.y}`;
      const state = { coords, source: sourceTile(coords, this.options.maxDataZoom), canvas, data: null,
        controller: null, done };
      this._states.set(this._key(coords), state);
      this._load(state);
      return canvas;
    },

    /** Merges query parameters of the tile URL (asOf, grant, ...) and, when they changed, fetches the tiles again. */
    setParams(params) {
      const next = { ...this.options.params, ...params };
      const same = tileUrl('', { x: 0, y: 0, z: 0 }, next) === tileUrl('', { x: 0, y: 0, z: 0 }, this.options.params);
      this.options.params = next;
      if (!same) this.redraw();
      return this;
    },

    /**
     * Fetches every tile on the map again and repaints it in place: the old drawing stays until the new one arrives,
     * so the as-of slider and an approval do not blank the map.
     */
    redraw() {
      this._shared.clear(); // a request sent before the change must not answer for after it
      if (this._map) for (const s of this._states.values()) this._load(s);
      return this;
    },

    /** True while tiles are being fetched or decoded. */
    isBusy() {
      return this._pending > 0;
    },

    /** Resolves once no tile is loading. */
    whenIdle() {
      return this._pending === 0 ? Promise.resolve() : new Promise((resolve) => this.once('idle', resolve));
    },

    /** The tile zoom that is drawn now, or null when the layer shows nothing at this zoom. */
    drawnZoom() {
      const map = this._map;
      if (!map) return null;
      const zoom = map.getZoom();
      const o = this.options;
      if ((o.minZoom !== undefined && zoom < o.minZoom) || (o.maxZoom !== undefined && zoom > o.maxZoom)) return null;
      return this._clampZoom(Math.round(zoom));
    },

    /** The features under a point, topmost first (their decoded properties, and id when the tile gives one). */
    featuresAt(latlng) {
      const z = this.drawnZoom();
      if (z === null) return [];
      const size = this.getTileSize().x;
      const p = this._map.project(latlng, z);
      const tx = Math.floor(p.x / size);
      const ty = Math.floor(p.y / size);
      const state = this._states.get(`${wrapTileX(tx, z)}:${ty}:${z}`);
      if (!state?.data) return [];
      const [x, y] = toSourcePixels(state.source, size, p.x - tx * size, p.y - ty * size);
      return featuresAtPoint(state.data.features, x, y, size, this.options.tolerance / state.source.k)
        .map((f) => ({ id: f.id, properties: f.properties }));
    },

    /** The distinct features drawn in the map's view, and how many the service left out of those tiles. */
    drawnInView() {
      const z = this.drawnZoom();
      if (z === null) return { count: 0, dropped: 0, loaded: 0 };
      const size = this.getTileSize().x;
      const b = this._map.getBounds();
      const nw = this._map.project(b.getNorthWest(), z);
      const se = this._map.project(b.getSouthEast(), z);
      const n = 2 ** z;
      const keys = new Set();
      const sources = new Set(); // magnified tiles share their ancestor's count of features left out
      let dropped = 0;
      let loaded = 0;
      for (const s of this._states.values()) {
        if (s.coords.z !== z || !s.data) continue;
        // the view in this tile's pixels; the tile may be a copy of the world beside the one the view is in
        const shift = Math.round((nw.x / size - s.coords.x) / n) * n * size;
        const ox = s.coords.x * size + shift;
        const oy = s.coords.y * size;
        const [x0, y0] = toSourcePixels(s.source, size, Math.max(0, nw.x - ox), Math.max(0, nw.y - oy));
        const [x1, y1] = toSourcePixels(s.source, size, Math.min(size, se.x - ox), Math.min(size, se.y - oy));
        if (x0 >= x1 || y0 >= y1) continue; // the tile is off the view, or only touches it
        const view = [x0, y0, x1, y1];
        loaded++;
        const source = `${s.source.x}:${s.source.y}:${s.source.z}`;
        if (!sources.has(source)) dropped += s.data.dropped;
        sources.add(source);
        for (const f of s.data.features) if (boxesOverlap(view, f.bbox)) keys.add(this.options.featureKey(f));
      }
      return { count: keys.size, dropped, loaded };
    },

    _key(coords) {
      return `${wrapTileX(coords.x, coords.z)}:${coords.y}:${coords.z}`;
    },

    _onTileUnload(ev) {
      const key = this._key(ev.coords);
      const s = this._states.get(key);
      if (s && s.canvas === ev.tile) {
        s.controller?.abort();
        this._states.delete(key);
        this.fire('datachange');
      }
    },

    _setPending(delta) {
      const was = this._pending;
      this._pending += delta;
      if (was === 0 && this._pending > 0) this.fire('busy');
      if (was > 0 && this._pending === 0) this.fire('idle');
    },

    async _load(state) {
      state.controller?.abort();
      const controller = new AbortController();
      state.controller = controller;
      this._setPending(1);
      try {
        const data = await this._request(state.source, controller.signal);
        if (state.controller !== controller) return; // a newer request for this tile, or the tile is gone
        state.data = data;
        this._paint(state);
        this._finish(state, null);
        this.fire('datachange');
      } catch (err) {
        if (state.controller !== controller || controller.signal.aborted) return;
        this._finish(state, err);
        this.fire('tilefailure', { error: err, coords: state.coords });
      } finally {
        if (state.controller === controller) state.controller = null;
        this._setPending(-1);
      }
    },

    _finish(state, err) {
      const done = state.done;
      state.done = null;
      done?.(err, state.canvas);
    },

    /** The data of a source tile; magnified tiles share one request for their ancestor, which none of them aborts. */
    _request(source, signal) {
      const url = tileUrl(this.options.template, source, this.options.params);
      if (source.k === 1) return this._fetch(url, signal);
      let pending = this._shared.get(url);
      if (!pending) {
        pending = this._fetch(url, undefined);
        this._shared.set(url, pending);
        const forget = () => this._shared.get(url) === pending && this._shared.delete(url);
        pending.then(forget, forget);
      }
      return pending;
    },

    async _fetch(url, signal) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: this.options.headers(), signal });
      if (res.status === 204) return EMPTY;
      if (!res.ok) {
        throw new ProblemError(await readJson(res), res.status);
      }
      const buffer = await res.arrayBuffer();
      const t1 = performance.now();
      const features = decodeTile(buffer, this.options.layerName, this.getTileSize().x);
      const t = this.timing;
      t.tiles++;
      t.bytes += buffer.byteLength;
      t.fetchMs += t1 - t0;
      t.decodeMs += performance.now() - t1;
      return { features, dropped: droppedCount(res.headers.get('X-Tile-Dropped-Features')), bytes: buffer.byteLength };
    },

    _paint(state) {
      const t0 = performance.now();
      const { canvas, data } = state;
      const size = this.getTileSize();
      canvas.dataset.features = String(data.features.length);
      if (!data.features.length) {
        // most tiles of a country are empty: no pixels at all (a canvas's first pixels cost ~5 ms in chromium)
        canvas.width = 0;
        canvas.height = 0;
        return;
      }
      const ratio = window.devicePixelRatio || 1;
      // the canvas holds device pixels and shows at the tile's CSS size (Leaflet sets it): sharp on dense screens
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      const ctx = canvas.getContext('2d');
      const { k, ox, oy } = state.source;
      // source-tile pixels → device pixels: magnified k times and shifted to the part this tile shows
      const sx = (canvas.width / size.x) * k;
      const sy = (canvas.height / size.y) * k;
      ctx.setTransform(sx, 0, 0, sy, -ox * size.x * (sx / k), -oy * size.y * (sy / k));
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
      const part = sourceWindow(state.source, size.x);
      for (const f of data.features) {
        if (k === 1 || boxesOverlap(part, f.bbox)) drawFeature(ctx, f, this.options.style(f.properties), size.x, 1 / k);
      }
      this.timing.paintMs += performance.now() - t0;
    },

    _repaintAll() {
      for (const s of this._states.values()) if (s.data) this._paint(s);
    },

    // a window moved to another screen, or a browser zoom, changes the device pixels per CSS pixel
    _watchPixelRatio() {
      if (!window.matchMedia) return;
      this._ratioQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      this._ratioChanged = () => {
        this._unwatchPixelRatio();
        this._repaintAll();
        this._watchPixelRatio();
      };
      this._ratioQuery.addEventListener('change', this._ratioChanged);
    },

    _unwatchPixelRatio() {
      this._ratioQuery?.removeEventListener('change', this._ratioChanged);
      this._ratioQuery = null;
    },
  });
  return LayerClass;
}

/**
 * A vector-tile layer: { layerName, template ('/tiles/hazards/{z}/{x}/{y}.mvt'), params, style, headers, featureKey,
 * pane, minZoom, maxNativeZoom, className } and the GridLayer options.
 */
export function vectorTileLayer(options) {
  const Layer = layerClass();
  return new Layer(options);
}
