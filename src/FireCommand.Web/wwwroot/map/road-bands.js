// Which road data the current view needs. The server lists zoom bands (/api/map/roads/bands): the
// province view gets only the major classes, simplified; deeper zooms add classes and detail, and
// the deepest bands come as Web Mercator tiles around the screen. Every URL carries the data
// version, so the browser keeps it for good and asks again only after the geography changed.
// Requests are shared: a tile or band asked for twice is fetched once.

import { api } from '../shared/api.js';

// Tiles a little beyond the screen, so a short pan finds its roads already there.
const VIEW_PADDING = 0.25;
const MAX_CACHED = 256;

function tileRange(bounds, zoom) {
  const n = 2 ** zoom;
  const clampTile = (v) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  const x = (lng) => clampTile(((lng + 180) / 360) * n);
  const y = (lat) => {
    const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    return clampTile(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n);
  };
  return { x0: x(bounds.getWest()), x1: x(bounds.getEast()), y0: y(bounds.getNorth()), y1: y(bounds.getSouth()) };
}

export function createRoadBands(manifest) {
  const cache = new Map(); // url → promise of the collection

  const bandFor = (zoom) => manifest.bands.filter((b) => zoom >= b.minZoom).at(-1) ?? manifest.bands[0];

  /** The URLs that cover the view at this zoom. */
  function urlsFor(map) {
    const band = bandFor(map.getZoom());
    const base = `/api/map/roads/bands/${band.index}`;
    const v = `?v=${encodeURIComponent(manifest.version)}`;
    if (band.tileZoom == null) return [base + v];
    const r = tileRange(map.getBounds().pad(VIEW_PADDING), band.tileZoom);
    const urls = [];
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) urls.push(`${base}/${x}/${y}${v}`);
    }
    return urls;
  }

  function fetchOnce(url) {
    if (!cache.has(url)) {
      cache.set(url, api.get(url).catch((error) => {
        cache.delete(url); // a failed tile is asked again on the next move
        throw error;
      }));
    }
    return cache.get(url);
  }

  /** Forgets the oldest answers beyond the cache size, never those in `keep`. */
  function trim(keep) {
    for (const url of cache.keys()) {
      if (cache.size <= MAX_CACHED) break;
      if (!keep.includes(url)) cache.delete(url);
    }
  }

  /** Fetches what the view needs; resolves to { key, features } with each road once. */
  async function load(map) {
    const urls = urlsFor(map);
    const collections = await Promise.all(urls.map(fetchOnce));
    trim(urls);
    const seen = new Set();
    const features = [];
    for (const collection of collections) {
      for (const feature of collection.features ?? []) {
        const id = feature.properties?.id;
        if (id != null && seen.has(id)) continue; // a road crossing tiles comes in each of them
        seen.add(id);
        features.push(feature);
      }
    }
    return { key: urls.join(' '), features };
  }

  /** The key of what the view needs now, without fetching (equal keys: nothing to redraw). */
  const keyFor = (map) => urlsFor(map).join(' ');

  return { load, keyFor };
}
