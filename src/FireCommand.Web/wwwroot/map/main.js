// The One Map page: checks the session, then draws every layer as its data arrives and keeps the
// live ones (incidents, units, coverage) current from the dispatch hub. Each layer is a module in
// ./layers with the same shape ({ id, titleKey, url, defaultVisible, layer, setData, count, swatch,
// legend }, live layers also `update`); this file only wires them to the panel, the legend, the
// status line and the live channel.

import { initI18n, t } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { createMapView } from './map-view.js';
import { loadMapConfig, mapOptionsFor, addBaseLayer, dataAttributionKey } from './base-layer.js';
import { createBaseSwitch } from './base-switch.js';
import { createLookups } from './lookups.js';
import { createLayerPanel, initiallyVisible } from './layer-panel.js';
import { createLayerLoader } from './layer-loader.js';
import { createLegend } from './legend.js';
import { createStatusBar } from './status-bar.js';
import { createConnectionBanner } from './connection-banner.js';
import { startLiveMap } from './live-map.js';
import { createIncidentsLayer } from './layers/incidents.js';
import { createCoverageLayer } from './layers/coverage.js';
import { createRiskLayer } from './layers/risk.js';
import { createRoadsLayer } from './layers/roads.js';
import { createJurisdictionsLayer } from './layers/jurisdictions.js';
import { createStationDistrictsLayer } from './layers/station-districts.js';
import { createSettlementsLayer } from './layers/settlements.js';
import { createStationsLayer } from './layers/stations.js';
import { createUnitsLayer } from './layers/units.js';
import { createWaterSourcesLayer } from './layers/water-sources.js';
import { createKeyPlacesLayer } from './layers/key-places.js';

function showBanner(message) {
  const banner = document.getElementById('map-banner');
  banner.textContent = message;
  banner.hidden = false;
}

function sessionExpired(error) {
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return true;
  }
  return false;
}

async function start() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'map');

  // The CRS depends on the base layer (GCJ-02 tiles shift our data), so it is known before the map exists.
  const { base, dataSource } = await loadMapConfig();
  const view = createMapView(document.getElementById('map'),
    { ...mapOptionsFor(base), attributionKey: dataAttributionKey(dataSource) });
  const { map } = view;
  const baseTiles = addBaseLayer(map, base,
    (reason) => showBanner(t(reason === 'vector' ? 'map.baseLayerVector' : 'map.baseLayerFailed')));
  const ctx = { map, renderer: view.renderer, lookups: createLookups(), events: new EventTarget() };

  const incidents = createIncidentsLayer(ctx);
  const units = createUnitsLayer(ctx);
  const coverage = createCoverageLayer(ctx);
  const risk = createRiskLayer(ctx);
  // Panel order = what a commander looks for first; drawing order is fixed by panes, not by this list.
  const layers = [
    incidents,
    createStationsLayer(ctx),
    units,
    coverage,
    createKeyPlacesLayer(ctx),
    createWaterSourcesLayer(ctx),
    createSettlementsLayer(ctx),
    createRoadsLayer(ctx),
    createJurisdictionsLayer(ctx),
    createStationDistrictsLayer(ctx),
    risk,
  ];

  let panel = null;
  let legend = null;
  const status = createStatusBar(document.getElementById('status-bar'), map, layers);
  const loader = createLayerLoader(map, {
    onState(layer, state) {
      panel?.setState(layer, state);
      status.setState(layer, state);
      if (state === 'loaded') legend?.render();
    },
    onSessionExpired: () => location.replace(loginUrl()),
  });

  for (const layer of layers) {
    if (initiallyVisible(layer)) map.addLayer(layer.layer);
  }
  legend = createLegend(map, layers);
  panel = createLayerPanel(map, layers, (layer, visible) => {
    if (visible) {
      map.addLayer(layer.layer);
      loader.load(layer);
    } else {
      map.removeLayer(layer.layer);
    }
    legend.render();
    status.render();
  });
  if (baseTiles) createBaseSwitch(map, baseTiles);

  const banner = createConnectionBanner(document.getElementById('live-banner'));
  startLiveMap({ incidents, units, coverage }, loader, {
    onChange(layer) {
      panel.refresh(layer);
      status.touch();
      // Coverage shares live in the legend; other live changes do not alter it.
      if (layer === coverage && map.hasLayer(coverage.layer)) legend.render();
    },
    onLiveState(state) {
      banner.setState(state);
      status.setLive(state);
    },
  });

  // Risk scores follow the places' monitoring; the loader skips the fetch while the layer is hidden.
  setInterval(() => loader.reload(risk).then(() => panel.refresh(risk)), risk.refreshMs);

  try {
    view.fitExtent(await api.get('/api/map/extent'));
  } catch (error) {
    if (sessionExpired(error)) return;
    console.error(error);
    showBanner(t('map.noExtent'));
  }

  // The jurisdictions layer also paints the land under everything, so it loads even when hidden.
  const initial = layers.filter((layer) => map.hasLayer(layer.layer) || layer.id === 'jurisdictions');
  await Promise.all(initial.map(loader.load));
  document.body.dataset.mapReady = 'true';
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  if (sessionExpired(error)) return;
  console.error(error);
  const banner = document.getElementById('map-banner');
  if (banner) {
    banner.textContent = error instanceof ApiError ? t('map.loadFailed', { status: error.status }) : String(error);
    banner.hidden = false;
  }
});
