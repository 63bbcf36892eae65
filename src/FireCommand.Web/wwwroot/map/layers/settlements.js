// Place names: cities always, county seats, towns and villages as the user zooms in. Labels are DOM
// elements, so only those inside the (padded) view are on the map; thousands of villages would
// otherwise make every pan stutter.

import { t } from '../../shared/i18n.js';
import { SETTLEMENT_KINDS, SETTLEMENT_STYLES } from '../symbols.js';

const L = window.L;

function labelIcon(p) {
  const root = document.createElement('div');
  const dot = document.createElement('span');
  dot.className = 'fc-place__dot';
  const text = document.createElement('span');
  text.className = 'fc-place__name';
  text.textContent = p.name ?? '';
  root.append(dot, text);
  return L.divIcon({ className: `fc-place fc-place--${p.kind}`, html: root, iconSize: null, iconAnchor: [0, 0] });
}

function placeSvg(kind) {
  const r = { City: 5, CountySeat: 4, Town: 3, Village: 2.2 }[kind];
  const fill = { City: '#263645', CountySeat: '#3d5a78', Town: '#6b7c8e', Village: '#98a5b3' }[kind];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" aria-hidden="true">` +
    `<circle cx="7" cy="7" r="${r}" fill="${fill}" stroke="#fff" stroke-width="1.5"/></svg>`;
}

export function createSettlementsLayer({ map }) {
  const root = L.layerGroup();
  let places = []; // { latlng, props, marker? }
  let count = 0;

  function setData(collection) {
    root.clearLayers();
    places = [];
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const kind = SETTLEMENT_STYLES[f.properties?.kind] ? f.properties.kind : 'Village';
      places.push({ latlng: L.latLng(lat, lng), props: { ...f.properties, kind }, marker: null });
    }
    // Bigger places first, so they win the stacking order where labels overlap.
    places.sort((a, b) => SETTLEMENT_KINDS.indexOf(b.props.kind) - SETTLEMENT_KINDS.indexOf(a.props.kind));
    count = places.length;
    refresh();
  }

  function refresh() {
    if (!map.hasLayer(root)) return;
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.25);
    for (const place of places) {
      const wanted = zoom >= SETTLEMENT_STYLES[place.props.kind].minZoom && bounds.contains(place.latlng);
      if (wanted && !place.marker) {
        place.marker = L.marker(place.latlng, {
          icon: labelIcon(place.props),
          pane: place.props.kind === 'City' || place.props.kind === 'CountySeat' ? 'fc-cityLabels' : 'fc-labels',
          interactive: false,
          keyboard: false,
        });
      }
      if (!place.marker) continue;
      const shown = root.hasLayer(place.marker);
      if (wanted && !shown) root.addLayer(place.marker);
      else if (!wanted && shown) root.removeLayer(place.marker);
    }
  }
  map.on('moveend', refresh);
  root.on('add', refresh);

  return {
    id: 'settlements',
    titleKey: 'layers.settlements',
    url: '/api/map/settlements',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => placeSvg('City'),
    legend: () => SETTLEMENT_KINDS.map((kind) => ({
      symbol: placeSvg(kind),
      label: t(`settlementKind.${kind}`),
      note: SETTLEMENT_STYLES[kind].minZoom > map.getZoom() ? t('panel.hiddenAtZoom') : null,
    })),
  };
}
