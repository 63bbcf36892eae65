// Key fire-safety places (重点单位), one colour and glyph per category group: 高低大化, 四名一文一传,
// 易迁点, 农村高风险, 人员密集. Clustered like water sources, but released at a lower zoom because
// there are fewer of them and a commander wants to see them spread over a district.
// A retired place (dropped from the corps' register) stays on the map as a retired station does, grey and
// labelled: the building may still stand, incidents refer to it, and a commander who knew it should see that
// it is no longer watched rather than find it gone.

import { t, onLanguageChange } from '../../shared/i18n.js';
import { escapeHtml } from '../../shared/escape.js';
import { keyPlaceName, keyPlacePopup } from '../popups.js';
import { KEY_PLACE_GROUPS, STATION_RETIRED, keyPlaceGroup } from '../symbols.js';
import { clusterIcon } from './water-sources.js';

const L = window.L;

function glyphElement(group, retired = false) {
  const root = document.createElement('div');
  root.className = 'fc-keyplace__body';
  root.style.background = retired ? STATION_RETIRED : group.colour;
  root.textContent = t(`keyPlaceGlyph.${group.id}`);
  return root;
}

function glyphHtml(group, retired = false) {
  return glyphElement(group, retired).outerHTML;
}

// The glyph is a word of the current language (高 / H), so icons are rebuilt on a language switch.
let icons = new Map();
function keyPlaceIcon(group, retired) {
  const key = retired ? `${group.id}:retired` : group.id;
  if (!icons.has(key)) {
    icons.set(key, L.divIcon({
      className: `fc-keyplace fc-keyplace--${group.id}${retired ? ' fc-keyplace--retired' : ''}`,
      html: glyphHtml(group, retired),
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -9],
    }));
  }
  return icons.get(key);
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
  let entries = []; // { marker, group, retired }

  function setData(collection) {
    root.clearLayers();
    entries = [];
    for (const f of collection.features ?? []) {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      if (!Number.isFinite(lat) || !Number.isFinite(lng)) continue;
      const p = f.properties ?? {};
      const group = keyPlaceGroup(p.categories);
      const retired = p.retired === true;
      // Places in the register on top where icons overlap, retired ones beneath them.
      const marker = L.marker([lat, lng], { icon: keyPlaceIcon(group, retired), keyboard: false, zIndexOffset: retired ? -1000 : 0 });
      marker.bindTooltip(() => escapeHtml(keyPlaceName(p)), { direction: 'top', className: 'fc-tooltip', opacity: 1 });
      marker.bindPopup(() => keyPlacePopup(p), { className: 'fc-popup-wrap', maxWidth: 320 });
      marker.on('popupopen', () => marker.closeTooltip()); // the popup says more
      entries.push({ marker, group, retired });
    }
    root.addLayers(entries.map((e) => e.marker));
  }

  onLanguageChange(() => {
    icons = new Map();
    for (const { marker, group, retired } of entries) marker.setIcon(keyPlaceIcon(group, retired));
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
    legend: () => [...KEY_PLACE_GROUPS.map((group) => ({
      symbol: glyphHtml(group),
      label: t(`keyPlaceGroup.${group.id}`),
    })), { symbol: glyphHtml(KEY_PLACE_GROUPS[1], true), label: t('keyPlaces.retired') }],
  };
}
