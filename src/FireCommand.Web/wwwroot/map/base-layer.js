// The optional base layer (GET /api/map/config). Off by default: the command centre may have no
// internet, and the map must never depend on a tile server, so nothing is fetched unless an operator
// configured it: a tile file the platform serves itself (/api/map/tiles, MBTiles or PMTiles) or a tile
// service on the intranet (Tianditu, a provincial GIS, PGIS) that the browser asks directly. A GCJ-02 tile set (AMap-style) gets a map CRS that shifts our
// WGS-84 data onto it at projection time: every layer stays in WGS-84, and positions read back from
// the map (cursor, clicks) are WGS-84 again.

import { api, ApiError } from '../shared/api.js';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.js';
import { escapeHtml } from '../shared/escape.js';

const L = window.L;
const FAILED_AFTER_ERRORS = 4;

/**
 * The map settings: `base`, the base-layer settings or null (offline) when none is configured or the
 * endpoint is missing; `dataSource`, where the geography comes from ('demo' or 'openStreetMap'),
 * which decides the credit shown on the map.
 */
export async function loadMapConfig() {
  try {
    const config = await api.get('/api/map/config');
    const base = config?.baseLayer;
    return { base: base && typeof base.url === 'string' && base.url ? base : null, dataSource: config?.dataSource ?? 'demo' };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    // Any other failure means "no base layer": the offline map is complete on its own.
    console.warn('map config unavailable; staying offline', error);
    return { base: null, dataSource: 'demo' };
  }
}

/** The resource key of the credit for the map's own geography. */
export function dataAttributionKey(dataSource) {
  return dataSource === 'openStreetMap' ? 'map.attributionOsm' : 'map.attribution';
}

/** Web Mercator drawn in GCJ-02: WGS-84 in, GCJ-02 on screen. */
function gcj02Crs() {
  const mercator = L.Projection.SphericalMercator;
  const projection = {
    bounds: mercator.bounds,
    project(latlng) {
      const [lat, lng] = wgs84ToGcj02(latlng.lat, latlng.lng);
      return mercator.project(L.latLng(lat, lng));
    },
    unproject(point) {
      const gcj = mercator.unproject(point);
      const [lat, lng] = gcj02ToWgs84(gcj.lat, gcj.lng);
      return L.latLng(lat, lng);
    },
  };
  return L.extend({}, L.CRS.EPSG3857, { code: 'FC:GCJ02', projection });
}

/** Map options that must be fixed when the map is created (the CRS cannot change afterwards). */
export function mapOptionsFor(base) {
  return base?.coordinateSystem === 'Gcj02' ? { crs: gcj02Crs() } : {};
}

/**
 * Adds the tile layer under everything; the platform's own land fill is hidden so the tiles show.
 * When no tile has loaded after a few errors (no internet, a blocked host), the land fill comes back
 * and `onFailed('unreachable')` is called once: the offline map is still complete. Vector tiles
 * (format pbf) are served by the platform for other clients, but Leaflet draws only images:
 * `onFailed('vector')`, and no layer.
 */
export function addBaseLayer(map, base, onFailed = () => {}) {
  if (!base) return null;
  if (base.format === 'pbf') {
    onFailed('vector');
    return null;
  }
  const maxZoom = Number.isFinite(base.maxZoom) ? base.maxZoom : 18;
  const options = {
    // Operator-set text, but Leaflet inserts attributions as HTML: keep it text.
    attribution: base.attribution ? escapeHtml(base.attribution) : '',
    maxNativeZoom: maxZoom,
    maxZoom: 18,
    crossOrigin: false,
    keepBuffer: 2,
  };
  // A tile file covers its own zooms and area; asking beyond them would only count as failures.
  if (Number.isFinite(base.minZoom) && base.minZoom > 0) options.minNativeZoom = base.minZoom;
  if (Array.isArray(base.bounds) && base.bounds.length === 4) {
    const [west, south, east, north] = base.bounds;
    // Padded: GCJ-02 tiles are drawn up to ~700 m from where their WGS-84 bounds say.
    options.bounds = L.latLngBounds([south, west], [north, east]).pad(0.05);
  }
  const layer = L.tileLayer(base.url, options);
  let loaded = 0;
  let errors = 0;
  layer.on('tileload', () => { loaded += 1; });
  layer.on('tileerror', () => {
    errors += 1;
    if (loaded === 0 && errors === FAILED_AFTER_ERRORS) {
      map.getContainer().classList.remove('fc-map--online');
      onFailed('unreachable');
    }
  });
  layer.addTo(map);
  map.getContainer().classList.add('fc-map--online');
  return layer;
}
