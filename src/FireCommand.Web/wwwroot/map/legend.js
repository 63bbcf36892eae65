// The legend: one section per visible layer, in the layer panel's order, saying what each colour
// and shape means. Rebuilt on toggles, zoom (minor classes note "zoom in to see") and language.

import { t, onLanguageChange } from '../shared/i18n.js';

const L = window.L;

export function createLegend(map, layers) {
  const control = L.control({ position: 'topleft' });
  let container;
  let body;
  let collapsed = false;

  control.onAdd = () => {
    container = L.DomUtil.create('section', 'fc-card fc-legend');
    container.id = 'legend';
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const head = L.DomUtil.create('div', 'fc-card__head', container);
    L.DomUtil.create('h2', 'fc-card__title', head);
    const toggle = L.DomUtil.create('button', 'fc-card__toggle', head);
    toggle.type = 'button';
    toggle.addEventListener('click', () => {
      collapsed = !collapsed;
      render();
    });
    body = L.DomUtil.create('div', 'fc-legend__body', container);
    render();
    return container;
  };

  function render() {
    if (!container) return;
    container.querySelector('.fc-card__title').textContent = t('panel.legend');
    const toggle = container.querySelector('.fc-card__toggle');
    toggle.textContent = collapsed ? '+' : '−';
    toggle.title = t(collapsed ? 'panel.expand' : 'panel.collapse');
    toggle.setAttribute('aria-label', toggle.title);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    body.hidden = collapsed;
    body.replaceChildren();
    for (const layer of layers) {
      if (!map.hasLayer(layer.layer)) continue;
      const section = L.DomUtil.create('section', 'fc-legend__section', body);
      section.dataset.layer = layer.id;
      const heading = L.DomUtil.create('h3', 'fc-legend__heading', section);
      heading.textContent = t(layer.titleKey);
      const note = layer.legendNote?.();
      if (note) {
        const noteEl = L.DomUtil.create('p', 'fc-legend__note', section);
        noteEl.textContent = note;
      }
      const list = L.DomUtil.create('ul', 'fc-legend__items', section);
      for (const item of layer.legend()) {
        const li = L.DomUtil.create('li', 'fc-legend__item', list);
        const swatch = L.DomUtil.create('span', 'fc-swatch', li);
        swatch.innerHTML = item.symbol; // constant SVG from symbols.js
        const label = L.DomUtil.create('span', 'fc-legend__label', li);
        label.textContent = item.label;
        if (item.note) {
          // Not drawn at this zoom (minor roads, villages): greyed, with the reason on hover.
          li.classList.add('is-muted');
          li.title = item.note;
        }
      }
    }
  }

  control.addTo(map);
  onLanguageChange(render);
  map.on('zoomend', render);
  return { render };
}
