// Station response districts (责任区): drawn under the roads as a light wash with a dashed edge.
// Off by default; the edge is what 建标152-2017 sizes to a 5-minute run from the station.

import { t } from '../../shared/i18n.js';
import { DISTRICT_STYLE, areaSvg } from '../symbols.js';

const L = window.L;

export function createStationDistrictsLayer({ renderer }) {
  const root = L.layerGroup();
  let count = 0;

  function setData(collection) {
    root.clearLayers();
    count = collection.features?.length ?? 0;
    root.addLayer(L.geoJSON(collection, {
      renderer: renderer('districts'),
      interactive: false,
      style: () => ({ ...DISTRICT_STYLE, interactive: false }),
    }));
  }

  return {
    id: 'stationDistricts',
    titleKey: 'layers.stationDistricts',
    url: '/api/map/station-districts',
    defaultVisible: false,
    layer: root,
    setData,
    get count() { return count; },
    swatch: () => areaSvg(DISTRICT_STYLE),
    legend: () => [{ symbol: areaSvg(DISTRICT_STYLE), label: t('layers.stationDistricts') }],
  };
}
