// The base-map switch, shown only when a base map is configured: the platform's own roads, the base
// map, or both (the default: the tiles under our roads). "Base map" hides our roads and land fill, for
// reading the tiles' own labels; "own roads" is the offline map as if no base map were set. The
// choice persists per browser, like the layer choices.

import { t, onLanguageChange } from '../shared/i18n.js';

const L = window.L;
const STORAGE_KEY = 'firecommand.map.baseMode';
const MODES = ['own', 'base', 'both'];

function storedMode() {
  try {
    const mode = localStorage.getItem(STORAGE_KEY);
    return MODES.includes(mode) ? mode : 'both';
  } catch {
    return 'both';
  }
}

/** @param tileLayer the base tile layer (already on the map) */
export function createBaseSwitch(map, tileLayer) {
  const root = map.getContainer();
  const control = L.control({ position: 'topright' });
  let mode = storedMode();
  let legend;
  const labels = new Map();

  function apply() {
    const showTiles = mode !== 'own';
    if (showTiles && !map.hasLayer(tileLayer)) tileLayer.addTo(map);
    if (!showTiles && map.hasLayer(tileLayer)) map.removeLayer(tileLayer);
    root.classList.toggle('fc-map--online', showTiles);
    root.classList.toggle('fc-map--base-only', mode === 'base');
    root.dataset.baseMode = mode;
  }

  control.onAdd = () => {
    const container = L.DomUtil.create('fieldset', 'fc-card fc-base-switch');
    container.id = 'base-switch';
    L.DomEvent.disableClickPropagation(container);
    legend = L.DomUtil.create('legend', 'fc-card__title', container);
    for (const value of MODES) {
      const label = L.DomUtil.create('label', 'fc-base-switch__option', container);
      const input = L.DomUtil.create('input', '', label);
      input.type = 'radio';
      input.name = 'base-mode';
      input.value = value;
      input.checked = value === mode;
      input.addEventListener('change', () => {
        mode = value;
        try {
          localStorage.setItem(STORAGE_KEY, mode);
        } catch {
          // not persisted; the switch still applies
        }
        apply();
      });
      labels.set(value, L.DomUtil.create('span', '', label));
    }
    render();
    return container;
  };

  function render() {
    if (!legend) return;
    legend.textContent = t('map.baseMode.title');
    for (const [value, span] of labels) span.textContent = t(`map.baseMode.${value}`);
  }

  control.addTo(map);
  apply();
  onLanguageChange(render);
  return { get mode() { return mode; } };
}
