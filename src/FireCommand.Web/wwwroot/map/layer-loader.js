// Fetches layer data: each layer once, when first shown; live layers again on demand (after a
// reconnect, or coverage after units change status). A reload keeps the layer's "loaded" state and
// its drawing until the new data is in, so a refresh never blanks the map or the panel.

import { api, ApiError } from '../shared/api.js';

/**
 * @param map the Leaflet map (a hidden layer is not re-fetched, only marked stale)
 * @param onState (layer, 'loading' | 'loaded' | 'failed') => void
 * @param onSessionExpired () => void, for a 401
 */
export function createLayerLoader(map, { onState, onSessionExpired }) {
  const loads = new Map(); // layer id → promise of the first load
  const reloads = new Map(); // layer id → { running, again }
  const loaded = new Set();

  function failed(layer, error) {
    if (error instanceof ApiError && error.status === 401) {
      onSessionExpired();
      return true;
    }
    console.error(`Layer ${layer.id} failed`, error);
    return false;
  }

  function load(layer) {
    if (!layer.url) return Promise.resolve();
    if (!loads.has(layer.id)) {
      onState(layer, 'loading');
      // setData may return a promise (roads fetch their zoom band next); the layer is loaded once it is drawn.
      loads.set(layer.id, api.get(layer.url).then(async (data) => {
        await layer.setData(data);
        loaded.add(layer.id);
        onState(layer, 'loaded');
      }, (error) => {
        if (failed(layer, error)) return;
        loads.delete(layer.id); // switching the layer off and on again retries
        onState(layer, 'failed');
      }));
    }
    return loads.get(layer.id);
  }

  /** Fetches a loaded layer again; calls during a fetch coalesce into one more fetch after it. */
  async function reload(layer) {
    if (!loaded.has(layer.id)) return;
    if (!map.hasLayer(layer.layer)) {
      // Nobody is looking: forget the data's freshness and fetch when the layer is shown again.
      loads.delete(layer.id);
      loaded.delete(layer.id);
      return;
    }
    const state = reloads.get(layer.id) ?? { running: false, again: false };
    reloads.set(layer.id, state);
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.again = false;
        try {
          await layer.setData(await api.get(layer.url));
          onState(layer, 'loaded');
        } catch (error) {
          if (failed(layer, error)) return;
          // Keep the last good drawing; the next change or reconnect tries again.
        }
      } while (state.again);
    } finally {
      state.running = false;
    }
  }

  return {
    load,
    reload,
    isLoaded: (layer) => loaded.has(layer.id),
    /** Resolves once the layer's first load is done (immediately when it was never asked for). */
    settled: (layer) => loads.get(layer.id) ?? Promise.resolve(),
  };
}
