// Fire stations and grassroots teams, one shape and colour per StationKind (legend explains).
// DOM markers: a province has hundreds, not thousands, and each wants a crisp icon and a name
// label when zoomed in.

import { t } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { stationPopup } from '../popups.js';
import { STATION_KINDS, STATION_RETIRED, shapeSvg, stationStyle } from '../symbols.js';

const L = window.L;

// A retired station (no longer in the corps' register) keeps its place on the map, greyed and labelled, because
// incidents and people still refer to it; it sends nothing.
function stationIcon(p) {
  const style = stationStyle(p.kind);
  const root = document.createElement('div');
  root.className = 'fc-station__body';
  root.innerHTML = shapeSvg(style.shape, p.retired ? STATION_RETIRED : style.fill, style.size); // our constant SVG, not data
  const label = document.createElement('span');
  label.className = 'fc-station__label';
  label.textContent = p.retired ? t('stations.retiredName', { name: p.name ?? '' }) : (p.name ?? '');
  root.append(label);
  return L.divIcon({
    className: `fc-station fc-station--${p.kind}${p.retired ? ' fc-station--retired' : ''}`,
    html: root,
    iconSize: [style.size, style.size],
    iconAnchor: [style.size / 2, style.size / 2],
    popupAnchor: [0, -style.size / 2],
    tooltipAnchor: [0, -style.size / 2],
  });
}

export function createStationsLayer({ lookups, events }) {
  const root = L.featureGroup();
  let count = 0;

  function setData(collection) {
    root.clearLayers();
    const features = collection.features ?? [];
    lookups.setStations(features);
    // Larger stations on top where icons overlap, retired ones beneath the rest.
    const rank = (f) => STATION_KINDS.indexOf(f.properties?.kind) + (f.properties?.retired ? STATION_KINDS.length : 0);
    count = 0;
    for (const f of [...features].sort((a, b) => rank(b) - rank(a))) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const p = f.properties ?? {};
      const marker = L.marker([lat, lng], {
        icon: stationIcon(p),
        pane: 'fc-stations',
        zIndexOffset: 1000 - rank(f) * 10,
        riseOnHover: true,
        keyboard: true,
        title: '',
      });
      marker.bindTooltip(() => escapeHtml(p.retired ? t('stations.retiredName', { name: p.name ?? '' }) : p.name), { direction: 'top', className: 'fc-tooltip', opacity: 1 });
      marker.bindPopup(() => stationPopup(p, lookups), { className: 'fc-popup-wrap', maxWidth: 320 });
      marker.on('popupopen', () => marker.closeTooltip()); // the popup says more
      root.addLayer(marker);
      count += 1;
    }
    events.dispatchEvent(new CustomEvent('stations'));
  }

  return {
    id: 'stations',
    titleKey: 'layers.stations',
    url: '/api/map/stations',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => shapeSvg('square', stationStyle('Special').fill, 13),
    legend: () => [...STATION_KINDS.map((kind) => {
      const s = stationStyle(kind);
      return { symbol: shapeSvg(s.shape, s.fill, Math.min(s.size, 16)), label: t(`stationKind.${kind}`) };
    }), { symbol: shapeSvg('square', STATION_RETIRED, 14), label: t('stations.retired') }],
  };
}
