// The layer switcher: one checkbox per layer with its symbol and feature count. Choices persist per
// browser, because a dispatcher who hides water sources once does not want them back every morning.

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';

const L = window.L;
const STORAGE_KEY = 'firecommand.map.layers';

function loadChoices() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

function saveChoices(choices) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // not persisted; the toggle still applies
  }
}

/** Whether a layer starts visible: the stored choice, else the layer's default (never when disabled). */
export function initiallyVisible(layer) {
  if (layer.disabled) return false;
  const stored = loadChoices()[layer.id];
  return typeof stored === 'boolean' ? stored : layer.defaultVisible;
}

/**
 * @param layers the layer modules, top of the list first
 * @param onToggle (layer, visible) => void, called after a checkbox changes
 */
export function createLayerPanel(map, layers, onToggle) {
  const control = L.control({ position: 'topright' });
  const rows = new Map();
  let container;

  control.onAdd = () => {
    container = L.DomUtil.create('section', 'fc-card fc-layer-panel');
    container.id = 'layer-panel';
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);

    const title = L.DomUtil.create('h2', 'fc-card__title', container);
    title.dataset.i18n = 'panel.layers';
    const list = L.DomUtil.create('ul', 'fc-layer-panel__list', container);

    for (const layer of layers) {
      const row = L.DomUtil.create('li', 'fc-layer-panel__row', list);
      row.dataset.layer = layer.id;
      row.dataset.state = 'idle';
      const label = L.DomUtil.create('label', 'fc-layer-panel__label', row);
      const box = L.DomUtil.create('input', '', label);
      box.type = 'checkbox';
      box.name = `layer-${layer.id}`;
      box.checked = map.hasLayer(layer.layer);
      const swatch = L.DomUtil.create('span', 'fc-swatch', label);
      const name = L.DomUtil.create('span', 'fc-layer-panel__name', label);
      const countEl = L.DomUtil.create('span', 'fc-layer-panel__count', label);
      let noteEl = null;
      if (layer.disabled) {
        // A layer still to come: shown so users know where it will be, but not switchable.
        box.disabled = true;
        row.classList.add('is-disabled');
        noteEl = L.DomUtil.create('p', 'fc-layer-panel__note', row);
        noteEl.id = `layer-note-${layer.id}`;
        box.setAttribute('aria-describedby', noteEl.id);
      }
      box.addEventListener('change', () => {
        const choices = loadChoices();
        choices[layer.id] = box.checked;
        saveChoices(choices);
        onToggle(layer, box.checked);
        row.classList.toggle('is-off', !box.checked);
      });
      row.classList.toggle('is-off', !box.checked);
      rows.set(layer.id, { row, name, countEl, box, swatch, noteEl });
    }
    render();
    return container;
  };

  function renderCount(layer) {
    const { countEl, row } = rows.get(layer.id);
    const state = row.dataset.state;
    // A layer may show a figure of its own instead of a count (coverage: the covered share).
    countEl.textContent = state === 'loaded' ? (layer.summary?.() ?? formatNumber(layer.count))
      : state === 'failed' ? t('map.layerFailed')
        : state === 'loading' ? '…' : '';
    countEl.classList.toggle('is-failed', state === 'failed');
  }

  function render() {
    if (!container) return;
    container.querySelector('.fc-card__title').textContent = t('panel.layers');
    for (const layer of layers) {
      const { name, swatch, noteEl } = rows.get(layer.id);
      name.textContent = t(layer.titleKey);
      swatch.innerHTML = layer.swatch(); // constant SVG from symbols.js (key-place glyphs follow the language)
      if (noteEl) noteEl.textContent = layer.disabledNote?.() ?? '';
      renderCount(layer);
    }
  }

  control.addTo(map);
  onLanguageChange(render);

  return {
    /** idle | loading | loaded | failed; the count shows once loaded. */
    setState(layer, state) {
      const entry = rows.get(layer.id);
      entry.row.dataset.state = state;
      if (state === 'loaded') entry.row.dataset.count = String(layer.count);
      render();
    },
    /** A live layer's count changed (an incident opened or closed, coverage re-computed): only its row. */
    refresh(layer) {
      const entry = rows.get(layer.id);
      if (!entry || !container) return;
      if (entry.row.dataset.state === 'loaded') entry.row.dataset.count = String(layer.count);
      renderCount(layer);
    },
  };
}
