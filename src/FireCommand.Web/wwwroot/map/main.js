// The One Map page: checks the session, then draws every layer as its data arrives. Each layer is
// a module in ./layers with the same shape ({ id, titleKey, url, defaultVisible, layer, setData,
// count, swatch, legend }); this file only wires them to the panel, the legend and the status line.

import { initI18n, t } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { createMapView } from './map-view.js';
import { createLookups } from './lookups.js';
import { createLayerPanel, initiallyVisible } from './layer-panel.js';
import { createLegend } from './legend.js';
import { createStatusBar } from './status-bar.js';
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

  const view = createMapView(document.getElementById('map'));
  const { map } = view;
  const ctx = { map, renderer: view.renderer, lookups: createLookups(), events: new EventTarget() };

  // Panel order = what a commander looks for first; drawing order is fixed by panes, not by this list.
  const layers = [
    createStationsLayer(ctx),
    createUnitsLayer(ctx),
    createKeyPlacesLayer(ctx),
    createWaterSourcesLayer(ctx),
    createSettlementsLayer(ctx),
    createRoadsLayer(ctx),
    createJurisdictionsLayer(ctx),
    createStationDistrictsLayer(ctx),
  ];

  const loads = new Map(); // layer id → promise, so each layer is fetched once, when first shown
  let panel = null;
  const status = createStatusBar(document.getElementById('status-bar'), map, layers);

  function load(layer) {
    if (!loads.has(layer.id)) {
      panel?.setState(layer, 'loading');
      status.setState(layer, 'loading');
      loads.set(layer.id, api.get(layer.url).then((collection) => {
        layer.setData(collection);
        panel?.setState(layer, 'loaded');
        status.setState(layer, 'loaded');
        legend.render();
      }, (error) => {
        if (sessionExpired(error)) return;
        console.error(`Layer ${layer.id} failed`, error);
        loads.delete(layer.id); // switching the layer off and on again retries
        panel?.setState(layer, 'failed');
        status.setState(layer, 'failed');
      }));
    }
    return loads.get(layer.id);
  }

  for (const layer of layers) {
    if (initiallyVisible(layer)) map.addLayer(layer.layer);
  }
  const legend = createLegend(map, layers);
  panel = createLayerPanel(map, layers, (layer, visible) => {
    if (visible) {
      map.addLayer(layer.layer);
      load(layer);
    } else {
      map.removeLayer(layer.layer);
    }
    legend.render();
    status.render();
  });

  try {
    view.fitExtent(await api.get('/api/map/extent'));
  } catch (error) {
    if (sessionExpired(error)) return;
    console.error(error);
    showBanner(t('map.noExtent'));
  }

  // The jurisdictions layer also paints the land under everything, so it loads even when hidden.
  const initial = layers.filter((layer) => map.hasLayer(layer.layer) || layer.id === 'jurisdictions');
  await Promise.all(initial.map(load));
  document.body.dataset.mapReady = 'true';
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  console.error(error);
  const banner = document.getElementById('map-banner');
  if (banner) {
    banner.textContent = error instanceof ApiError ? t('map.loadFailed', { status: error.status }) : String(error);
    banner.hidden = false;
  }
});
