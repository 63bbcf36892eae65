// The status line under the map: what is loaded (counts per visible layer), the live connection,
// the data time, the zoom and the coordinates under the cursor (dispatchers read positions off it
// over the radio).

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { corpsClock } from '../shared/corps-time.js';

export function createStatusBar(element, map, layers) {
  const counts = document.createElement('div');
  counts.className = 'fc-status__counts';
  counts.id = 'status-counts';
  const right = document.createElement('div');
  right.className = 'fc-status__right';
  const position = document.createElement('span');
  position.className = 'fc-status__position';
  const zoom = document.createElement('span');
  zoom.className = 'fc-status__zoom';
  const time = document.createElement('span');
  time.className = 'fc-status__time';
  const live = document.createElement('span');
  live.className = 'fc-status__live';
  live.id = 'status-live';
  right.append(position, zoom, live, time);
  element.replaceChildren(counts, right);

  const states = new Map(); // layer id → loading | loaded | failed
  let updatedAt = null;
  let cursor = null;
  let pending = 0;
  let liveState = null; // null until the page connects: connected | reconnecting | disconnected

  function render() {
    counts.replaceChildren();
    for (const layer of layers) {
      const state = states.get(layer.id);
      if (!state || !map.hasLayer(layer.layer)) continue;
      const item = document.createElement('span');
      item.className = `fc-status__item is-${state}`;
      item.dataset.layer = layer.id;
      const value = state === 'loaded' ? formatNumber(layer.count)
        : state === 'failed' ? t('map.layerFailed') : '…';
      // A layer may say more than a count (coverage: the covered shares).
      item.textContent = (state === 'loaded' && layer.statusText?.())
        || t('status.counts', { layer: t(layer.titleKey), count: value });
      counts.append(item);
    }
    const loading = [...states.values()].includes('loading');
    time.textContent = loading ? t('map.loading')
      : updatedAt ? t('map.updatedAt', { time: corpsClock(updatedAt, document.documentElement.lang) }) : '';
    live.hidden = !liveState;
    live.dataset.state = liveState ?? '';
    live.textContent = liveState ? t(`live.${liveState}`) : '';
    zoom.textContent = t('map.zoom', { zoom: formatNumber(map.getZoom(), { maximumFractionDigits: 1 }) });
    position.textContent = cursor
      ? t('map.coordinates', { lat: cursor.lat.toFixed(5), lng: cursor.lng.toFixed(5) })
      : '';
  }

  map.on('zoomend', render);
  map.on('mousemove', (e) => {
    cursor = e.latlng;
    position.textContent = t('map.coordinates', { lat: cursor.lat.toFixed(5), lng: cursor.lng.toFixed(5) });
  });
  map.on('mouseout', () => {
    cursor = null;
    position.textContent = '';
  });
  onLanguageChange(render);
  render();

  return {
    setState(layer, state) {
      states.set(layer.id, state);
      if (state === 'loaded') updatedAt = new Date();
      render();
    },
    render,
    /** A live update arrived: the data time moves on (one render per frame however many arrive). */
    touch() {
      updatedAt = new Date();
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        render();
      });
    },
    setLive(state) {
      liveState = state;
      render();
    },
  };
}
