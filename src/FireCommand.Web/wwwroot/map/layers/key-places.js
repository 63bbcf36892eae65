// Key fire-safety places (重点单位), one colour and glyph per category group: 高低大化, 四名一文一传,
// 易迁点, 农村高风险, 人员密集. Clustered like water sources, but released at a lower zoom because
// there are fewer of them and a commander wants to see them spread over a district.

import { t, onLanguageChange } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { keyPlacePopup } from '../popups.js';
import { KEY_PLACE_GROUPS, keyPlaceGroup } from '../symbols.js';
import { clusterIcon } from './water-sources.js';

const L = window.L;

function glyphElement(group) {
  const root = document.createElement('div');
  root.className = 'fc-keyplace__body';
  root.style.background = group.colour;
  root.textContent = t(`keyPlaceGlyph.${group.id}`);
  return root;
}

function glyphHtml(group) {
  return glyphElement(group).outerHTML;
}

// The glyph is a word of the current language (高 / H), so icons are rebuilt on a language switch.
let icons = new Map();
function keyPlaceIcon(group) {
  if (!icons.has(group.id)) {
    icons.set(group.id, L.divIcon({
      className: `fc-keyplace fc-keyplace--${group.id}`,
      html: glyphHtml(group),
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -9],
    }));
  }
  return icons.get(group.id);
}

export function createKeyPlacesLayer() {
  const root = L.markerClusterGroup({
    chunkedLoading: true,
    maxClusterRadius: 48,
    disableClusteringAtZoom: 14,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: false,
    iconCreateFunction: (cluster) => clusterIcon(cluster, 'fc-cluster--keyplace'),
  });
  let entries = []; // { marker, group }

  function setData(collection) {
    root.clearLayers();
    entries = [];
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const p = f.properties ?? {};
      const group = keyPlaceGroup(p.categories);
      const marker = L.marker([lat, lng], { icon: keyPlaceIcon(group), keyboard: false });
      marker.bindTooltip(() => escapeHtml(p.name), { direction: 'top', className: 'fc-tooltip', opacity: 1 });
      marker.bindPopup(() => keyPlacePopup(p), { className: 'fc-popup-wrap', maxWidth: 320 });
      marker.on('popupopen', () => marker.closeTooltip()); // the popup says more
      entries.push({ marker, group });
    }
    root.addLayers(entries.map((e) => e.marker));
  }

  onLanguageChange(() => {
    icons = new Map();
    for (const { marker, group } of entries) marker.setIcon(keyPlaceIcon(group));
  });

  return {
    id: 'keyPlaces',
    titleKey: 'layers.keyPlaces',
    url: '/api/map/key-places',
    defaultVisible: true,
    layer: root,
    setData,
    get count() { return entries.length; },
    swatch: () => glyphHtml(KEY_PLACE_GROUPS[1]),
    legend: () => KEY_PLACE_GROUPS.map((group) => ({
      symbol: glyphHtml(group),
      label: t(`keyPlaceGroup.${group.id}`),
    })),
  };
}
