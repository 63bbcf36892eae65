// Units (apparatus) coloured by GA/T 974.39 status. Units parked at one station share one point, so
// they are fanned out on a small ring around it, in screen pixels (recomputed per zoom): the ring
// reads as the station's status mix and no unit hides another or the station icon. In the overview
// (zoom < AT_STATION_MIN_ZOOM) rings of neighbouring city stations merge into a blob, so only units
// away from their home station — on the road, on scene, standing by elsewhere — are drawn there.
//
// Live: unitChanged events move a marker and recolour it in place (one canvas marker, redrawn in
// the next animation frame together with every other change of that frame); only the groups the
// unit left and joined are laid out again. Nothing is cleared and redrawn, so nothing flickers.

import { t } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { unitPopup } from '../popups.js';
import { UNIT_STATUS_CODES, UNIT_STATUS_COLOURS, UNIT_UNKNOWN_COLOUR } from '../symbols.js';
import { apparatusTypeName } from '../enums.js';

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
// A unit away from its station (on the road, on scene, standing by) is labelled with its call sign
// from the zoom at which a dispatcher looks at a whole city.
export const AWAY_LABEL_MIN_ZOOM = 10;

const keyOf = (lat, lng) => `${lat.toFixed(5)},${lng.toFixed(5)}`;
const colourOf = (status) => UNIT_STATUS_COLOURS[status] ?? UNIT_UNKNOWN_COLOUR;

export function createUnitsLayer({ map, renderer, lookups, events }) {
  const root = L.featureGroup();
  const canvas = renderer('units', { tolerance: 4 });
  const units = new Map(); // unit id → { props, marker, key }
  const groups = new Map(); // position key → { latlng, entries: Set }

  function join(entry, lat, lng) {
    const key = keyOf(lat, lng);
    if (!groups.has(key)) groups.set(key, { latlng: L.latLng(lat, lng), entries: new Set() });
    const group = groups.get(key);
    group.entries.add(entry);
    entry.key = key;
    return group;
  }

  function leave(entry) {
    const group = groups.get(entry.key);
    if (!group) return null;
    group.entries.delete(entry);
    if (group.entries.size === 0) groups.delete(entry.key);
    return group.entries.size ? group : null;
  }

  function create(props, lat, lng) {
    const entry = { props, marker: null, key: null };
    entry.marker = L.circleMarker([lat, lng], {
      renderer: canvas,
      radius: radiusAt(map.getZoom()),
      color: '#263238',
      weight: 1.2,
      fillColor: colourOf(props.status),
      fillOpacity: 1,
    });
    // Tooltip and popup read entry.props when they open, so they always show the latest status.
    hoverTooltip(entry);
    entry.marker.bindPopup(() => unitPopup(entry.props), { className: 'fc-popup-wrap', maxWidth: 320 });
    entry.marker.on('popupopen', () => entry.marker.closeTooltip()); // the popup says more
    units.set(props.id, entry);
    return entry;
  }

  function hoverTooltip(entry) {
    entry.marker.bindTooltip(() => escapeHtml(entry.props.callSign), { direction: 'top', className: 'fc-tooltip', opacity: 1 });
  }

  /** A permanent call-sign label for a unit away from its station, or the plain hover tooltip. */
  function setLabelled(entry, labelled) {
    if (Boolean(entry.labelled) === labelled) return;
    entry.labelled = labelled;
    entry.marker.unbindTooltip();
    if (!labelled) {
      hoverTooltip(entry);
      return;
    }
    entry.marker.bindTooltip(() => escapeHtml(entry.props.callSign), {
      permanent: true, direction: 'right', offset: [4, 0], className: 'fc-unit-label', opacity: 1,
    });
    if (root.hasLayer(entry.marker)) entry.marker.openTooltip();
  }

  function show(marker, visible) {
    if (visible && !root.hasLayer(marker)) root.addLayer(marker);
    else if (!visible && root.hasLayer(marker)) root.removeLayer(marker);
  }

  /** Puts a group's units on a ring around the shared point; a lone unit away from any station stays put. */
  function layoutGroup(group, zoom, radius) {
    const { latlng } = group;
    const atStation = lookups.isStationAt(latlng);
    const stationId = lookups.stationIdAt(latlng);
    const entries = [...group.entries];
    const labelZoom = zoom >= AWAY_LABEL_MIN_ZOOM;
    if (entries.length === 1 && !atStation) {
      const { marker } = entries[0];
      marker.setLatLng(latlng).setRadius(radius);
      show(marker, true);
      setLabelled(entries[0], labelZoom);
      return;
    }
    // At a station, the overview shows only units that are not at home (standing by, 驻防).
    const shown = [];
    for (const entry of entries) {
      const visible = !atStation || zoom >= AT_STATION_MIN_ZOOM
        || (stationId !== undefined && entry.props.stationId !== stationId);
      show(entry.marker, visible);
      const away = !atStation || (stationId !== undefined && entry.props.stationId !== stationId);
      setLabelled(entry, visible && away && labelZoom);
      if (visible) shown.push(entry);
    }
    if (!shown.length) return;
    // Stable order around the ring, so a status change does not shuffle a station's units.
    shown.sort((a, b) => a.props.id - b.props.id);
    const centre = map.project(latlng, zoom);
    const n = shown.length;
    // Ring big enough to clear the station icon and to keep neighbours apart (spacing ≈ 2.2 r).
    const ring = Math.max(radius * 2.6 + 4, (n * radius * 2.2) / (2 * Math.PI));
    shown.forEach(({ marker }, i) => {
      const angle = n === 1 ? -Math.PI / 4 : -Math.PI / 2 + (2 * Math.PI * i) / n;
      const point = centre.add(L.point(Math.cos(angle) * ring, Math.sin(angle) * ring));
      marker.setLatLng(map.unproject(point, zoom)).setRadius(radius);
    });
  }

  function layout() {
    const zoom = map.getZoom();
    const radius = radiusAt(zoom);
    for (const group of groups.values()) layoutGroup(group, zoom, radius);
  }

  function relayout(...touched) {
    const zoom = map.getZoom();
    const radius = radiusAt(zoom);
    for (const group of new Set(touched)) if (group) layoutGroup(group, zoom, radius);
  }

  /** Moves and recolours a known unit, or adds a new one; returns the groups to lay out again. */
  function apply(props, lat, lng) {
    let entry = units.get(props.id);
    if (!entry) {
      entry = create(props, lat, lng);
      return [join(entry, lat, lng)];
    }
    const before = entry.props;
    entry.props = props;
    if (before.status !== props.status) entry.marker.setStyle({ fillColor: colourOf(props.status) });
    if (entry.marker.isPopupOpen()) entry.marker.getPopup().update();
    if (keyOf(lat, lng) === entry.key) return [];
    const left = leave(entry);
    return [left, join(entry, lat, lng)];
  }

  function remove(entry) {
    root.removeLayer(entry.marker);
    units.delete(entry.props.id);
    return leave(entry);
  }

  /** Loads or reloads the whole set (after a reconnect, too): markers are reused by unit id. */
  function setData(collection) {
    const seen = new Set();
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      const p = f.properties ?? {};
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || p.id == null) continue;
      seen.add(p.id);
      apply({ ...p }, lat, lng);
    }
    for (const entry of [...units.values()]) if (!seen.has(entry.props.id)) remove(entry);
    layout();
  }

  /**
   * Applies a unitChanged event (a UnitView). Returns the unit's status before the change
   * (undefined for a unit not on the map yet), so the caller can tell a status change from a move.
   */
  function update(view) {
    if (view?.id == null || !Number.isFinite(view.latitude) || !Number.isFinite(view.longitude)) return undefined;
    const before = units.get(view.id)?.props;
    const stationId = view.homeStationId ?? before?.stationId;
    const props = {
      ...before,
      id: view.id,
      callSign: view.callSign ?? before?.callSign,
      type: apparatusTypeName(view.type) ?? before?.type,
      status: view.status,
      stationId,
      stationName: before?.stationName ?? lookups.stationName(stationId),
      incidentId: view.incidentId ?? null,
    };
    relayout(...apply(props, view.latitude, view.longitude));
    return before?.status;
  }

  map.on('zoomend', layout);
  events.addEventListener('stations', layout);

  return {
    id: 'units',
    titleKey: 'layers.units',
    url: '/api/map/units',
    defaultVisible: true,
    live: true,
    layer: root,
    setData,
    update,
    get count() { return units.size; },
    swatch: () => unitSvg(UNIT_STATUS_COLOURS[10]),
    legendNote: () => (map.getZoom() < AT_STATION_MIN_ZOOM ? t('panel.unitsAtStationHidden') : null),
    legend: () => UNIT_STATUS_CODES.map((code) => ({
      symbol: unitSvg(UNIT_STATUS_COLOURS[code]),
      label: `${code} ${t(`unitStatus.${code}`)}`,
    })),
  };
}
