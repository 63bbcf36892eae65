// The offline base map the dispatch screens draw on: land and boundaries, roads and place names from
// our own data (the One Map's layer modules, so both look alike). No tiles: the command centre has no
// internet.

import { api } from '../shared/api.js';
import { createMapView } from '../map/map-view.js';
import { createLookups } from '../map/lookups.js';
import { createRoadsLayer } from '../map/layers/roads.js';
import { createJurisdictionsLayer } from '../map/layers/jurisdictions.js';
import { createSettlementsLayer } from '../map/layers/settlements.js';

const L = window.L;

/** A map in `container` with land, roads and names; `ready` resolves once they are drawn. */
export function createBaseMap(container) {
  const view = createMapView(container);
  const { map } = view;
  const ctx = { map, renderer: view.renderer, lookups: createLookups(), events: new EventTarget() };
  const layers = [createJurisdictionsLayer(ctx), createRoadsLayer(ctx), createSettlementsLayer(ctx)];
  for (const layer of layers) map.addLayer(layer.layer);

  const ready = Promise.allSettled([
    api.get('/api/map/extent').then((extent) => {
      const bounds = L.latLngBounds([extent.south, extent.west], [extent.north, extent.east]);
      if (bounds.isValid()) {
        map.fitBounds(bounds, { animate: false });
        map.setMaxBounds(bounds.pad(0.6));
      }
    }),
    ...layers.map((layer) => api.get(layer.url ?? `/api/map/${layer.id}`).then((data) => layer.setData(data))),
  ]).then((results) => {
    const failed = results.filter((r) => r.status === 'rejected');
    for (const f of failed) console.warn('base map layer failed', f.reason);
    return failed.length === 0;
  });

  return { map, renderer: view.renderer, ready };
}
