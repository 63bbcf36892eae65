// Units (apparatus) coloured by GA/T 974.39 status. Units parked at one station share one point, so
// they are fanned out on a small ring around it, in screen pixels (recomputed per zoom): the ring
// reads as the station's status mix and no unit hides another or the station icon. In the overview
// (zoom < AT_STATION_MIN_ZOOM) rings of neighbouring city stations merge into a blob, so only units
// away from their station — the ones committed to incidents — are drawn there.

import { t } from '../../shared/i18n.js';
import { unitPopup } from '../popups.js';
import { UNIT_STATUS_CODES, UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../symbols.js';

const L = window.L;

function unitSvg(colour) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" aria-hidden="true">` +
    `<circle cx="7" cy="7" r="5" fill="${colour}" stroke="#263238" stroke-width="1.2"/></svg>`;
}

function radiusAt(zoom) {
  if (zoom <= 8) return 3;
  if (zoom <= 11) return 4.5;
  return 5.5;
}

export const AT_STATION_MIN_ZOOM = 12; // city stations are 1–2 km apart: ≥ 50 px from zoom 12

const keyOf = (lat, lng) => `${lat.toFixed(5)},${lng.toFixed(5)}`;

export function createUnitsLayer({ map, renderer, lookups, events }) {
  const root = L.featureGroup();
  const canvas = renderer('units', { tolerance: 4 });
  let groups = new Map(); // position key → { latlng, markers[] }
  let count = 0;

  function setData(collection) {
    root.clearLayers();
    groups = new Map();
    count = 0;
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const p = f.properties ?? {};
      const marker = L.circleMarker([lat, lng], {
        renderer: canvas,
        radius: radiusAt(map.getZoom()),
        color: '#263238',
        weight: 1.2,
        fillColor: UNIT_STATUS_COLOURS[p.status] ?? UNIT_UNKNOWN_COLOUR,
        fillOpacity: 1,
      });
      marker.bindTooltip(() => p.callSign ?? '', { direction: 'top', className: 'fc-tooltip', opacity: 1 });
      marker.bindPopup(() => unitPopup(p), { className: 'fc-popup-wrap', maxWidth: 320 });
      marker.on('popupopen', () => marker.closeTooltip()); // the popup says more
      const key = keyOf(lat, lng);
      if (!groups.has(key)) groups.set(key, { latlng: L.latLng(lat, lng), markers: [] });
      groups.get(key).markers.push(marker);
      root.addLayer(marker);
      count += 1;
    }
    layout();
  }

  /** Puts each group's units on a ring around the shared point (a lone unit away from any station stays put). */
  function layout() {
    const zoom = map.getZoom();
    const radius = radiusAt(zoom);
    for (const { latlng, markers } of groups.values()) {
      const atStation = lookups.isStationAt(latlng);
      const n = markers.length;
      if (n === 1 && !atStation) {
        markers[0].setLatLng(latlng).setRadius(radius);
        continue;
      }
      const shown = !atStation || zoom >= AT_STATION_MIN_ZOOM;
      for (const marker of markers) {
        if (shown && !root.hasLayer(marker)) root.addLayer(marker);
        else if (!shown && root.hasLayer(marker)) root.removeLayer(marker);
      }
      if (!shown) continue;
      const centre = map.project(latlng, zoom);
      // Ring big enough to clear the station icon and to keep neighbours apart (spacing ≈ 2.2 r).
      const ring = Math.max(radius * 2.6 + 4, (n * radius * 2.2) / (2 * Math.PI));
      markers.forEach((marker, i) => {
        const angle = n === 1 ? -Math.PI / 4 : -Math.PI / 2 + (2 * Math.PI * i) / n;
        const point = centre.add(L.point(Math.cos(angle) * ring, Math.sin(angle) * ring));
        marker.setLatLng(map.unproject(point, zoom)).setRadius(radius);
      });
    }
  }
  map.on('zoomend', layout);
  events.addEventListener('stations', layout);

  return {
    id: 'units',
    titleKey: 'layers.units',
    url: '/api/map/units',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => unitSvg(UNIT_STATUS_COLOURS[10]),
    legendNote: () => (map.getZoom() < AT_STATION_MIN_ZOOM ? t('panel.unitsAtStationHidden') : null),
    legend: () => UNIT_STATUS_CODES.map((code) => ({
      symbol: unitSvg(UNIT_STATUS_COLOURS[code]),
      label: `${code} ${t(`unitStatus.${code}`)}`,
    })),
  };
}
