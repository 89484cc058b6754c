// The Leaflet map: region boundaries as the offline base layer, the choropleth, hazards and released pieces by
// bbox, popups, legend, scale, layer control, the draft polygon and the marker of a refused geometry.
/* global L */
import { api, getJson, latestOnly, query, debounce } from './api.js';
import { escapeHtml as e, formatArea, formatNumber, share } from './format.js';
import { DETAIL_ZOOM, HAZARD_STYLES, OUTCOME_COLORS, SHARE_CLASSES, bboxParam, shareColor, simplifyForZoom }
  from './geo.js';
import { hazardPopup, historyTable, regionPopup, releasePopup } from './popups.js';

const UKRAINE = [[44.3, 22.1], [52.4, 40.3]];

export function createMap(el, { config, statusEl, onError }) {
  const map = L.map(el, { minZoom: 4, maxZoom: 18, zoomSnap: 0.25, keyboard: true, worldCopyJump: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.fitBounds(UKRAINE, { padding: [4, 4] });
  const panes = { regions: 350, choropleth: 360, releases: 420, hazards: 430, draft: 450 };
  for (const [name, z] of Object.entries(panes)) map.createPane(name).style.zIndex = String(z);

  const state = { asOf: null, regionsByCode: new Map(), shapesByCode: new Map(), counts: {} };
  const regionName = (code) => state.shapesByCode.get(code)?.name ?? code;

  // Base layer: the region outlines from the service, so the map needs no internet.
  const outlines = L.geoJSON(null, {
    pane: 'regions', interactive: false,
    style: () => ({ color: '#55606e', weight: 1, fillColor: '#fbfaf7', fillOpacity: state.tilesOn ? 0 : 1,
      className: 'lr-region' }),
  });
  const choropleth = L.geoJSON(null, {
    pane: 'choropleth',
    style: (f) => choroplethStyle(f),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => regionPopup(state.regionsByCode.get(f.properties.code), f.properties, state.asOf),
        { maxWidth: 320 });
      layer.on('mouseover', () => layer.setStyle({ weight: 2.5, color: '#1f3b57' }));
      layer.on('mouseout', () => choropleth.resetStyle(layer));
    },
  });

  function choroplethStyle(f) {
    const r = state.regionsByCode.get(f.properties.code);
    const detail = map.getZoom() >= DETAIL_ZOOM;
    return {
      className: 'lr-choropleth', color: '#6b6b6b', weight: 0.8,
      fillColor: shareColor(share(r?.contaminatedKm2, f.properties.areaKm2)),
      fillOpacity: detail ? 0.18 : 0.78,
    };
  }

  const hazards = L.geoJSON(null, {
    pane: 'hazards',
    style: (f) => ({ ...HAZARD_STYLES[f.properties.classification], weight: 1.2, fillOpacity: 0.55,
      className: `lr-hazard lr-hazard-${f.properties.classification}` }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.bindPopup(() => hazardPopup(p, null, regionName), { maxWidth: 420, className: 'lr-popup' });
      layer.on('popupopen', async (ev) => {
        try {
          const full = await api.hazard(p.id);
          ev.popup.setContent(hazardPopup({ ...p, ...full.properties }, full.properties.history ?? [], regionName));
        } catch (err) {
          ev.popup.setContent(hazardPopup(p, [], regionName) + `<p class="error">${e(err.message)}</p>`);
        }
      });
    },
  });

  const releases = L.geoJSON(null, {
    pane: 'releases',
    style: (f) => ({ color: OUTCOME_COLORS[f.properties.outcome], fillColor: OUTCOME_COLORS[f.properties.outcome],
      weight: 0.8, fillOpacity: 0.5, className: `lr-release lr-release-${f.properties.outcome}` }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.bindPopup(() => releasePopup(p, undefined, regionName), { maxWidth: 420, className: 'lr-popup' });
      layer.on('popupopen', async (ev) => {
        try {
          const [event, history] = await Promise.all([api.event(p.eventId), sourceHazardHistory(p.hazardId,
            layer.getBounds())]);
          ev.popup.setContent(releasePopup(p, event, regionName) + history);
        } catch (err) {
          ev.popup.setContent(releasePopup(p, null, regionName) + `<p class="error">${e(err.message)}</p>`);
        }
      });
    },
  });

  // The API answers 404 for a hazard that has been released in full; look for it in the piece's window first.
  async function sourceHazardHistory(hazardId, bounds) {
    const b = bounds.pad(0.01);
    const near = await getJson(`/api/hazards${query({ bbox: bboxParam({ west: b.getWest(), south: b.getSouth(),
      east: b.getEast(), north: b.getNorth() }), limit: 2000, simplify: 0.01 })}`);
    if (!near.features.some((f) => f.properties.id === hazardId)) {
      return `<p class="muted">Hazard #${e(hazardId)} has no land left: it was released in full.</p>`;
    }
    const full = await api.hazard(hazardId);
    return `<h4>Hazard #${e(hazardId)}: ${e(formatArea(full.properties.areaKm2, full.properties.areaHa))} left</h4>`
      + historyTable(full.properties.history ?? [], regionName);
  }

  const draft = L.featureGroup([], { pane: 'draft' });
  const problems = L.layerGroup();
  outlines.addTo(map);
  choropleth.addTo(map);
  hazards.addTo(map);
  releases.addTo(map);
  draft.addTo(map);
  problems.addTo(map);

  const overlays = {
    'Remaining contamination by region': choropleth,
    'Hazards (SHA / CHA)': hazards,
    'Released land (by outcome)': releases,
    'Submission area': draft,
  };
  if (config.tileUrl) {
    const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.tileMaxZoom });
    overlays['Online background map'] = tiles;
    // the offline base layer is opaque; it turns to outlines only while the tiles show
    const seeThrough = (on) => {
      state.tilesOn = on;
      outlines.resetStyle();
    };
    map.on('overlayadd', (ev) => ev.layer === tiles && seeThrough(true));
    map.on('overlayremove', (ev) => ev.layer === tiles && seeThrough(false));
    if (config.tileOn) {
      tiles.addTo(map);
      seeThrough(true);
    }
  }
  const narrow = window.matchMedia('(max-width: 800px)').matches;
  L.control.layers({ 'Region boundaries (offline)': outlines }, overlays, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  legend(narrow).addTo(map);

  const hazardChannel = latestOnly();
  const releaseChannel = latestOnly();

  function setStatus(text) {
    statusEl.textContent = text;
    statusEl.hidden = !text;
  }

  function describeCounts() {
    const c = state.counts;
    const parts = [];
    if (map.hasLayer(hazards) && c.hazards !== undefined) {
      parts.push(`${formatNumber(c.hazards)} hazard${c.hazards === 1 ? '' : 's'}${c.hazardsTruncated ? ' (more: zoom in)' : ''}`);
    }
    if (map.hasLayer(releases) && c.releases !== undefined) {
      parts.push(`${formatNumber(c.releases)} released piece${c.releases === 1 ? '' : 's'}${
        c.releasesTruncated ? ' (more: zoom in)' : ''}`);
    }
    const note = state.asOf && map.hasLayer(hazards) ? ' · hazards are shown as of today' : '';
    setStatus(parts.length ? `Showing ${parts.join(' and ')}${note}` : '');
  }

  // What the detail layers hold: a view inside it, at the same zoom and date, needs no new request (small pans,
  // and the pan that brings an opened popup into view, which would otherwise reload and close it).
  let loaded = null;
  let generation = 0;

  async function refreshDetail({ force = true } = {}) {
    const zoom = map.getZoom();
    el.dataset.detail = String(zoom >= DETAIL_ZOOM);
    choropleth.resetStyle();
    if (!force && loaded && loaded.zoom === zoom && loaded.asOf === state.asOf
      && loaded.bounds.contains(map.getBounds())) {
      return;
    }
    loaded = null;
    const gen = ++generation;
    if (zoom < DETAIL_ZOOM) {
      el.dataset.loading = 'false';
      hazardChannel.cancel();
      releaseChannel.cancel();
      hazards.clearLayers();
      releases.clearLayers();
      state.counts = {};
      el.dataset.hazards = '0';
      el.dataset.releases = '0';
      setStatus('Zoom in to see hazards and released land');
      return;
    }
    const b = map.getBounds().pad(0.25);
    const params = { bbox: bboxParam({ west: b.getWest(), south: b.getSouth(), east: b.getEast(),
      north: b.getNorth() }), simplify: simplifyForZoom(zoom) || undefined, limit: config.featureLimit };
    el.dataset.loading = 'true';
    // one layer's features for the view; a newer request on its channel makes this one's answer null
    const load = (layer, channel, path, p, key) => channel.run((signal) => getJson(`${path}${query(p)}`, { signal }))
      .then((fc) => {
        if (!fc) return;
        layer.clearLayers();
        layer.addData(fc);
        state.counts[key] = fc.features.length;
        state.counts[`${key}Truncated`] = fc.truncated;
        el.dataset[key] = String(fc.features.length);
      });
    const jobs = [];
    if (map.hasLayer(hazards)) jobs.push(load(hazards, hazardChannel, '/api/hazards', params, 'hazards'));
    if (map.hasLayer(releases)) {
      jobs.push(load(releases, releaseChannel, '/api/releases', { ...params, asOf: state.asOf ?? undefined },
        'releases'));
    }
    try {
      await Promise.all(jobs);
      if (gen !== generation) return; // a newer view is loading
      loaded = { zoom, asOf: state.asOf, bounds: b };
      describeCounts();
    } catch (err) {
      onError?.(err);
    } finally {
      if (gen === generation) el.dataset.loading = 'false';
    }
  }

  const refreshSoon = debounce(refreshDetail, 250);
  map.on('moveend', () => refreshSoon({ force: false }));
  map.on('overlayadd', (ev) => {
    if (ev.layer === hazards || ev.layer === releases) refreshSoon({ force: true });
  });
  map.on('overlayremove', (ev) => {
    if (ev.layer === hazards) {
      hazardChannel.cancel();
      hazards.clearLayers();
      state.counts.hazards = undefined;
    }
    if (ev.layer === releases) {
      releaseChannel.cancel();
      releases.clearLayers();
      state.counts.releases = undefined;
    }
    describeCounts();
  });

  return {
    map,
    draft,
    regionName,
    setBoundaries(fc) {
      state.shapesByCode = new Map(fc.features.map((f) => [f.properties.code, f.properties]));
      outlines.clearLayers().addData(fc);
      choropleth.clearLayers().addData(fc);
    },
    setRegions(rows, asOf) {
      state.regionsByCode = new Map(rows.map((r) => [r.code, r]));
      state.asOf = asOf;
      choropleth.resetStyle();
    },
    setAsOf(asOf) {
      state.asOf = asOf;
      if (map.getZoom() >= DETAIL_ZOOM) refreshDetail();
    },
    refreshDetail: () => refreshDetail({ force: true }),
    zoomToRegion(code) {
      const layer = choropleth.getLayers().find((l) => l.feature.properties.code === code);
      if (!layer) return false;
      map.fitBounds(layer.getBounds(), { padding: [12, 12] });
      layer.openPopup(layer.getBounds().getCenter());
      return true;
    },
    showProblem(coordinate, text) {
      problems.clearLayers();
      if (!coordinate) return null;
      const [lon, lat] = coordinate;
      const icon = L.divIcon({ className: 'lr-problem-marker', html: '<span aria-hidden="true">!</span>',
        iconSize: [28, 28], iconAnchor: [14, 14] });
      const marker = L.marker([lat, lon], { icon, title: 'Invalid geometry here', alt: 'Invalid geometry here',
        keyboard: true, riseOnHover: true }).bindPopup(`<strong>Invalid geometry</strong><br>${e(text)}
        <br><span class="muted">at ${e(lon)}, ${e(lat)}</span>`);
      problems.addLayer(marker);
      map.setView([lat, lon], Math.max(map.getZoom(), 13));
      marker.openPopup();
      return marker;
    },
    clearProblem() {
      problems.clearLayers();
    },
  };
}

function legend(collapsed) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'leaflet-control lr-legend');
    const classes = SHARE_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.color}"></span>${
      e(c.label)}</li>`).join('');
    const hz = Object.entries(HAZARD_STYLES).map(([k, s]) => `<li><span class="swatch swatch-line" style="background:${
      s.fillColor};border-color:${s.color};border-style:${s.dashArray ? 'dashed' : 'solid'}"></span>${k === 'SHA'
      ? 'Suspected (SHA)' : 'Confirmed (CHA)'}</li>`).join('');
    const out = Object.entries(OUTCOME_COLORS).map(([k, c]) => `<li><span class="swatch" style="background:${c}">
      </span>${k[0].toUpperCase()}${k.slice(1)}</li>`).join('');
    // the map shows the choropleth or the detail layers, and the legend only what is shown
    div.innerHTML = `<details ${collapsed ? '' : 'open'}><summary>Legend</summary>
      <div class="legend-country"><h4>Remaining contamination, share of region</h4><ul>${classes}</ul>
      <p class="muted">Zoom in to see hazards and released land.</p></div>
      <div class="legend-detail"><h4>Hazards</h4><ul>${hz}</ul>
      <h4>Released land</h4><ul>${out}</ul></div></details>`;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  return control;
}
