// Hydrants, fire pools, natural sources and intakes. Thousands of points, so they are clustered
// (leaflet.markercluster, chunked loading) until the user is close enough to pick a hydrant.

import { t, formatNumber } from '../../shared/i18n.js';
import { waterSourcePopup } from '../popups.js';
import { WATER_KINDS, WATER_OUT_OF_SERVICE, WATER_STYLES, shapeSvg } from '../symbols.js';

const L = window.L;

function waterIconHtml(kind, inService) {
  const s = WATER_STYLES[kind] ?? WATER_STYLES.Hydrant;
  return shapeSvg(s.shape, inService === false ? WATER_OUT_OF_SERVICE : s.fill, s.size);
}

// One icon object per kind/state: thousands of markers share a handful of icons.
const icons = new Map();
function waterIcon(kind, inService) {
  const key = `${kind}|${inService !== false}`;
  if (!icons.has(key)) {
    const size = (WATER_STYLES[kind] ?? WATER_STYLES.Hydrant).size;
    icons.set(key, L.divIcon({
      className: `fc-water fc-water--${kind}${inService === false ? ' fc-water--out' : ''}`,
      html: waterIconHtml(kind, inService),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
      popupAnchor: [0, -size / 2],
    }));
  }
  return icons.get(key);
}

/** A cluster bubble: size steps with the count; shares the water colour so it is not read as a status. */
export function clusterIcon(cluster, className) {
  const n = cluster.getChildCount();
  const size = n < 10 ? 22 : n < 100 ? 27 : n < 1000 ? 32 : 37;
  const root = document.createElement('div');
  const text = document.createElement('span');
  text.textContent = formatNumber(n);
  root.append(text);
  return L.divIcon({ className: `fc-cluster ${className}`, html: root, iconSize: [size, size] });
}

// Below this zoom a province of hydrant clusters is noise over the stations; the count stays in the panel.
export const WATER_MIN_ZOOM = 10;

export function createWaterSourcesLayer({ map }) {
  const root = L.layerGroup();
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 120,
    // Wide clusters in the overview (a hydrant count per district), tight ones near street level.
    maxClusterRadius: (zoom) => (zoom <= 10 ? 80 : zoom <= 13 ? 60 : 40),
    disableClusteringAtZoom: 16,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: false,
    removeOutsideVisibleBounds: true,
    iconCreateFunction: (cluster) => clusterIcon(cluster, 'fc-cluster--water'),
  });
  let count = 0;

  const updateZoom = () => {
    const visible = map.getZoom() >= WATER_MIN_ZOOM;
    if (visible && !root.hasLayer(clusters)) root.addLayer(clusters);
    else if (!visible && root.hasLayer(clusters)) root.removeLayer(clusters);
  };
  map.on('zoomend', updateZoom);
  updateZoom();

  function setData(collection) {
    clusters.clearLayers();
    const markers = [];
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const p = f.properties ?? {};
      const marker = L.marker([lat, lng], { icon: waterIcon(p.kind, p.inService), keyboard: false });
      marker.bindPopup(() => waterSourcePopup(p), { className: 'fc-popup-wrap', maxWidth: 300 });
      markers.push(marker);
    }
    count = markers.length;
    clusters.addLayers(markers);
  }

  return {
    id: 'waterSources',
    titleKey: 'layers.waterSources',
    url: '/api/map/water-sources',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => waterIconHtml('Hydrant', true),
    legendNote: () => (map.getZoom() < WATER_MIN_ZOOM ? t('panel.hiddenAtZoom') : null),
    legend: () => [
      ...WATER_KINDS.map((kind) => ({ symbol: waterIconHtml(kind, true), label: t(`waterSourceKind.${kind}`) })),
      { symbol: waterIconHtml('Hydrant', false), label: t('waterSourceKind.outOfService') },
    ],
  };
}
