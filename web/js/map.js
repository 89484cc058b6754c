// The Leaflet map: region boundaries as the offline base layer, the choropleth, hazards and released pieces from the
// service's vector tiles, popups, legend, scale, layer control, the draft polygon and the marker of a refused geometry.
/* global L */
import { api, auth } from './api.js';
import { classShort, classShorts, escapeHtml as e, formatArea, formatNumber, share } from './format.js';
import { DETAIL_ZOOM, HAZARD_STYLES, OUTCOME_COLORS, SHARE_CLASSES, geometryContains, shareColor } from './geo.js';
import { localName, t, term, tn } from './i18n.js';
import { isPhoneLayout } from './layout.js';
import { hazardPopup, historyTable, regionPopup, releasePopup } from './popups.js';
import { hazardFromTile, releaseFromTile, releaseKey } from './tiledata.js';
import { vectorTileLayer } from './tiles.js';

const UKRAINE = [[44.3, 22.1], [52.4, 40.3]];

export function createMap(el, { config, statusEl, onError }) {
  const map = L.map(el, { minZoom: 4, maxZoom: 18, zoomSnap: 0.25, keyboard: true, worldCopyJump: false,
    zoomControl: false });
  // Leaflet's own words (zoom buttons, popup close, layers button) in the language shown
  L.control.zoom({ zoomInTitle: t('ui.map.zoomInTitle'), zoomOutTitle: t('ui.map.zoomOutTitle') }).addTo(map);
  map.on('popupopen', (ev) => ev.popup.getElement()?.querySelector('.leaflet-popup-close-button')
    ?.setAttribute('aria-label', t('ui.map.closePopup')));
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.fitBounds(UKRAINE, { padding: [4, 4] });
  const panes = { regions: 350, choropleth: 360, releases: 420, hazards: 430, draft: 450 };
  for (const [name, z] of Object.entries(panes)) map.createPane(name).style.zIndex = String(z);

  const state = { asOf: null, grant: null, regionsByCode: new Map(), shapesByCode: new Map() };
  const regionName = (code) => localName(state.shapesByCode.get(code)) || code;

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
      // the tiles above are canvases that let clicks through: a click on a region may be meant for a hazard
      layer.on('click', (ev) => {
        L.DomEvent.stopPropagation(ev);
        openAt(ev.latlng, layer);
      });
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

  // Hazards and released land from the service's vector tiles, drawn on canvases in the panes they had as GeoJSON.
  // the service adds detail up to zoom 16 (its TileJSON's maxzoom); the map magnifies those tiles beyond
  const tileOptions = { minZoom: DETAIL_ZOOM, maxZoom: 18, maxDataZoom: 16, headers: () => auth.headers() };
  const hazards = vectorTileLayer({
    ...tileOptions, pane: 'hazards', className: 'lr-tiles lr-tiles-hazards', layerName: 'hazards',
    template: '/tiles/hazards/{z}/{x}/{y}.mvt',
    style: (p) => ({ ...HAZARD_STYLES[p.classification], weight: 1.2, fillOpacity: 0.55 }),
    featureKey: (f) => f.id ?? f.properties.id,
  });
  const releases = vectorTileLayer({
    ...tileOptions, pane: 'releases', className: 'lr-tiles lr-tiles-releases', layerName: 'releases',
    template: '/tiles/releases/{z}/{x}/{y}.mvt',
    style: (p) => ({ color: OUTCOME_COLORS[p.outcome], fillColor: OUTCOME_COLORS[p.outcome], weight: 0.8,
      fillOpacity: 0.5 }),
    featureKey: releaseKey,
  });
  const detail = [['hazards', hazards], ['releases', releases]]; // topmost first, as drawn

  /** The detail feature under a point (a hazard before released land), or null. */
  function detailAt(latlng) {
    for (const [name, layer] of detail) {
      if (!map.hasLayer(layer)) continue;
      const [hit] = layer.featuresAt(latlng);
      if (hit) return { layer: name, ...hit };
    }
    return null;
  }

  const detailPopupOptions = { maxWidth: 420, className: 'lr-popup' };

  function openHazardPopup(hit, latlng) {
    const p = hazardFromTile(hit.properties, hit.id);
    const popup = L.popup(detailPopupOptions).setLatLng(latlng).setContent(hazardPopup(p, null, regionName))
      .openOn(map);
    api.hazard(p.id).then((full) => {
      popup.setContent(hazardPopup({ ...p, ...full.properties }, full.properties.history ?? [], regionName));
    }, (err) => {
      popup.setContent(hazardPopup(p, [], regionName) + `<p class="error">${e(err.message)}</p>`);
    });
    return popup;
  }

  function openReleasePopup(hit, latlng) {
    const p = releaseFromTile(hit.properties);
    const popup = L.popup(detailPopupOptions).setLatLng(latlng).setContent(releasePopup(p, undefined, regionName))
      .openOn(map);
    Promise.all([api.event(p.eventId), sourceHazardHistory(p.hazardId)]).then(([event, history]) => {
      popup.setContent(releasePopup(p, event, regionName) + history);
    }, (err) => {
      popup.setContent(releasePopup(p, null, regionName) + `<p class="error">${e(err.message)}</p>`);
    });
    return popup;
  }

  // the hazard a piece was released from, with its history; one released in full has history but no land left
  async function sourceHazardHistory(hazardId) {
    const full = await api.hazard(hazardId);
    if (full.properties.status === 'released') {
      return `<p class="muted">${e(t('ui.popup.hazardGone', { id: hazardId }))}</p>`;
    }
    return `<h4>${e(t('ui.popup.hazardLeft', { id: hazardId, area: formatArea(full.properties.areaKm2,
      full.properties.areaHa) }))}</h4>`
      + historyTable(full.properties.history ?? [], regionName);
  }

  function openRegionPopup(layer, latlng) {
    const p = layer.feature.properties;
    return L.popup({ maxWidth: 320 }).setLatLng(latlng)
      .setContent(regionPopup(state.regionsByCode.get(p.code), p, state.asOf)).openOn(map);
  }

  /** Opens the popup of what lies at a point: a hazard, else released land, else the region (if given). */
  function openAt(latlng, regionLayer) {
    const hit = detailAt(latlng);
    if (hit?.layer === 'hazards') return openHazardPopup(hit, latlng);
    if (hit) return openReleasePopup(hit, latlng);
    return regionLayer ? openRegionPopup(regionLayer, latlng) : null;
  }

  function regionLayerAt(latlng) {
    return choropleth.getLayers().find((l) => l.getBounds().contains(latlng)
      && geometryContains(l.feature.geometry, latlng.lng, latlng.lat)) ?? null;
  }

  // a click the choropleth did not take (outside the regions) may still be on a tile feature; while a polygon is
  // being drawn, clicks are its vertices
  let drawing = false;
  map.on('draw:drawstart', () => { drawing = true; });
  map.on('draw:drawstop', () => { drawing = false; });
  map.on('click', (ev) => drawing || openAt(ev.latlng, null));

  // Keyboard: the arrow keys move the map (Leaflet), Enter opens the popup of what lies at its centre (marked by a
  // ring while the map has the focus) and moves the focus into it; Escape closes it and the focus comes back.
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && ev.target.closest?.('.leaflet-popup')) {
      map.closePopup(); // Leaflet hears Escape only while the map itself has the focus
      return;
    }
    if (ev.key !== 'Enter' || ev.target !== el || drawing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    ev.preventDefault();
    const centre = map.getCenter();
    const popup = openAt(centre, regionLayerAt(centre));
    if (!popup) {
      flashStatus(t('ui.map.nothingHere'));
      return;
    }
    const content = popup.getElement()?.querySelector('.leaflet-popup-content');
    if (content) {
      content.tabIndex = -1;
      content.focus({ preventScroll: true });
    }
  });
  map.on('popupclose', (ev) => {
    if (ev.popup.getElement()?.contains(document.activeElement)) el.focus({ preventScroll: true });
  });

  const draft = L.featureGroup([], { pane: 'draft' });
  const problems = L.layerGroup();
  outlines.addTo(map);
  choropleth.addTo(map);
  hazards.addTo(map);
  releases.addTo(map);
  draft.addTo(map);
  problems.addTo(map);

  const overlays = {
    [t('ui.map.layer.choropleth')]: choropleth,
    [t('ui.map.layer.hazards', classShorts())]: hazards,
    [t('ui.map.layer.releases')]: releases,
    [t('ui.map.layer.draft')]: draft,
  };
  if (config.tileUrl) {
    const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.tileMaxZoom });
    overlays[t('ui.map.layer.tiles')] = tiles;
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
  const narrow = isPhoneLayout();
  const layers = L.control.layers({ [t('ui.map.layer.outlines')]: outlines }, overlays, { collapsed: true }).addTo(map);
  const layersButton = layers.getContainer().querySelector('.leaflet-control-layers-toggle');
  if (layersButton) layersButton.title = t('ui.map.layersTitle');
  const scale = L.control.scale({ imperial: false, position: 'bottomleft' });
  // Leaflet writes "km" and "m" itself: the same bar, with the language's units and numbers
  scale._updateMetric = function updateMetric(maxMeters) {
    const meters = this._getRoundNum(maxMeters);
    const text = meters < 1000 ? t('ui.unit.m', { v: formatNumber(meters) })
      : t('ui.unit.km', { v: formatNumber(meters / 1000) });
    this._updateScale(this._mScale, text, meters / maxMeters);
  };
  scale.addTo(map);
  legend(narrow).addTo(map);

  let flashed = null;
  function setStatus(text) {
    statusEl.textContent = text;
    statusEl.hidden = !text;
  }

  function flashStatus(text) {
    flashed = text;
    setStatus(text);
    setTimeout(() => {
      if (flashed === text) {
        flashed = null;
        describeDetail();
      }
    }, 4000);
  }

  // What the status line and the data attributes say: the distinct features drawn in the view, and whether the
  // service left small ones out of those tiles (X-Tile-Dropped-Features).
  function describeDetail() {
    const zoom = map.getZoom();
    el.dataset.detail = String(zoom >= DETAIL_ZOOM);
    el.dataset.loading = String(detail.some(([, layer]) => map.hasLayer(layer) && layer.isBusy()));
    if (zoom < DETAIL_ZOOM) {
      el.dataset.hazards = '0';
      el.dataset.releases = '0';
      if (!flashed) setStatus(t('ui.map.zoomIn'));
      return;
    }
    const parts = [];
    let dropped = 0;
    for (const [name, layer] of detail) {
      const drawn = map.hasLayer(layer) ? layer.drawnInView() : { count: 0, dropped: 0 };
      el.dataset[name] = String(drawn.count);
      dropped += drawn.dropped;
      if (!map.hasLayer(layer)) continue;
      const n = drawn.count;
      parts.push(tn(name === 'hazards' ? 'ui.map.hazards' : 'ui.map.releases', n, { count: formatNumber(n) }));
    }
    el.dataset.dropped = String(dropped);
    const notes = [];
    if (dropped) notes.push(t('ui.map.dropped'));
    if (state.asOf && map.hasLayer(hazards)) notes.push(t('ui.map.hazardsToday'));
    if (state.grant && map.hasLayer(releases)) notes.push(t('ui.map.grantOnly', { grant: state.grant }));
    const text = parts.length ? t('ui.map.showing', { what: parts.join(t('ui.map.and')) })
      + notes.map((x) => ` · ${x}`).join('') : '';
    if (!flashed) setStatus(text);
  }

  let counting = 0;
  const describeSoon = () => {
    cancelAnimationFrame(counting);
    counting = requestAnimationFrame(describeDetail);
  };
  let failed = false; // one notice per round of loading, not one per tile
  for (const [, layer] of detail) {
    layer.on('datachange', describeSoon);
    layer.on('busy', () => {
      failed = false;
      el.dataset.loading = 'true';
    });
    layer.on('idle', describeDetail);
    layer.on('tilefailure', (ev) => {
      if (!failed) onError?.(ev.error);
      failed = true;
    });
  }
  map.on('zoomend', () => choropleth.resetStyle());
  map.on('moveend overlayadd overlayremove', describeDetail);
  describeDetail();

  return {
    map,
    draft,
    regionName,
    setBoundaries(fc) {
      state.shapesByCode = new Map(fc.features.map((f) => [f.properties.code, f.properties]));
      outlines.clearLayers().addData(fc);
      choropleth.clearLayers().addData(fc);
    },
    /** Fits the map to one country's regions (their codes carry its prefix), or to every region for null. */
    fitCountry(code) {
      const bounds = L.latLngBounds([]);
      outlines.eachLayer((layer) => {
        if (!code || String(layer.feature?.properties?.code ?? '').startsWith(`${code}-`)) {
          bounds.extend(layer.getBounds());
        }
      });
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [4, 4] });
    },
    setRegions(rows, asOf) {
      state.regionsByCode = new Map(rows.map((r) => [r.code, r]));
      state.asOf = asOf;
      choropleth.resetStyle();
    },
    setAsOf(asOf) {
      state.asOf = asOf;
      releases.setParams({ asOf: asOf ?? undefined });
      describeDetail();
    },
    /** Shows the released land of one grant only (null: of every grant), as the donor view chose. */
    setGrant(grant) {
      state.grant = grant || null;
      releases.setParams({ grant: state.grant ?? undefined });
      describeDetail();
    },
    /** Fetches the detail tiles again (after an approval); resolves once they are drawn. */
    refreshDetail() {
      hazards.redraw();
      releases.redraw();
      return Promise.all([hazards.whenIdle(), releases.whenIdle()]).then(() => undefined);
    },
    detailLayers: { hazards, releases },
    zoomToRegion(code) {
      const layer = choropleth.getLayers().find((l) => l.feature.properties.code === code);
      if (!layer) return false;
      map.fitBounds(layer.getBounds(), { padding: [12, 12] });
      openRegionPopup(layer, layer.getBounds().getCenter());
      return true;
    },
    showProblem(coordinate, text) {
      problems.clearLayers();
      if (!coordinate) return null;
      const [lon, lat] = coordinate;
      const icon = L.divIcon({ className: 'lr-problem-marker', html: '<span aria-hidden="true">!</span>',
        iconSize: [28, 28], iconAnchor: [14, 14] });
      const marker = L.marker([lat, lon], { icon, title: t('ui.map.problemHere'), alt: t('ui.map.problemHere'),
        keyboard: true, riseOnHover: true }).bindPopup(`<strong>${e(t('ui.map.problem'))}</strong><br>${e(text)}
        <br><span class="muted">${e(t('ui.map.problemAt', { lon, lat }))}</span>`);
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

/** "under 1 %", "1–5 %", "50 % and more": a class of the choropleth in the language's numbers. */
function shareClassLabel(c) {
  const pct = (x) => formatNumber(100 * x, 0);
  if (c.max === 0) return t('ui.legend.none');
  if (c.min === 0) return t('ui.legend.under', { max: pct(c.max) });
  if (c.max === Infinity) return t('ui.legend.andMore', { min: pct(c.min) });
  return t('ui.legend.range', { min: pct(c.min), max: pct(c.max) });
}

function legend(collapsed) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'leaflet-control lr-legend');
    const classes = SHARE_CLASSES.map((c) => `<li><span class="swatch" style="background:${c.color}"></span>${
      e(shareClassLabel(c))}</li>`).join('');
    const hz = Object.entries(HAZARD_STYLES).map(([k, s]) => `<li><span class="swatch swatch-line" style="background:${
      s.fillColor};border-color:${s.color};border-style:${s.dashArray ? 'dashed' : 'solid'}"></span>${e(t(`ui.legend.${k}`, { short: classShort(k) }))}</li>`).join('');
    const out = Object.entries(OUTCOME_COLORS).map(([k, c]) => `<li><span class="swatch" style="background:${c}">
      </span>${e(term(k, `ui.outcome.${k}`))}</li>`).join('');
    // the map shows the choropleth or the detail layers, and the legend only what is shown
    div.innerHTML = `<details ${collapsed ? '' : 'open'}><summary>${e(t('ui.legend.title'))}</summary>
      <div class="legend-country"><h4>${e(t('ui.legend.share'))}</h4><ul>${classes}</ul>
      <p class="muted">${e(t('ui.legend.zoomIn'))}</p></div>
      <div class="legend-detail"><h4>${e(t('ui.legend.hazards'))}</h4><ul>${hz}</ul>
      <h4>${e(t('ui.legend.released'))}</h4><ul>${out}</ul></div></details>`;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  return control;
}
