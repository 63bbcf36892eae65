// Address autocomplete for the intake form: what the caller says ("万达广场", "石门镇大坪村",
// "解放路和滨江路口", one character wrong) goes to GET /api/locate, debounced; the ranked places show
// under the field (name, kind, where). ↑/↓ move, Enter picks, Esc closes. Picking moves the map pin.
// When the search service is missing the field still takes free text and says to pin the map.

import { t, has, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { el, debounce } from './dom.js';
import { distance } from './format.js';

const MIN_CHARS = 1;

export function createAddressSearch(input, { near, onPick, onUnavailable }) {
  const listId = `${input.id}-results`;
  const list = el('ul', { class: 'fc-suggest', attrs: { id: listId, role: 'listbox' }, hidden: true });
  const status = el('p', { class: 'fc-suggest__status', attrs: { role: 'status', 'aria-live': 'polite' }, hidden: true });
  input.after(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';

  let results = [];
  let active = -1;
  let controller = null;
  let unavailable = false;
  let lastQuery = '';

  function setStatus(text) {
    status.textContent = text ?? '';
    status.hidden = !text;
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function kindText(kind) {
    return has(`dispatch.placeKind.${kind}`) ? t(`dispatch.placeKind.${kind}`) : (kind ?? '');
  }

  function render() {
    list.replaceChildren(...results.map((r, i) => el('li', {
      class: ['fc-suggest__item', i === active && 'is-active'],
      attrs: { role: 'option', id: `${listId}-${i}`, 'aria-selected': String(i === active) },
      data: { index: i, kind: r.kind },
      on: {
        mousedown: (e) => { e.preventDefault(); pick(i); }, // before the input's blur
      },
    },
    el('span', { class: 'fc-suggest__name', text: r.name }),
    el('span', { class: 'fc-suggest__kind', text: kindText(r.kind) }),
    el('span', { class: 'fc-suggest__context', text: [r.context, Number.isFinite(r.distanceMeters) ? distance(r.distanceMeters) : null].filter(Boolean).join(' · ') }))));
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  async function search() {
    const q = input.value.trim();
    lastQuery = q;
    if (unavailable || q.length < MIN_CHARS) {
      results = [];
      close();
      if (!unavailable) setStatus('');
      return;
    }
    controller?.abort();
    controller = new AbortController();
    const params = new URLSearchParams({ q, limit: '10' });
    const point = near?.();
    if (point) params.set('near', `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`);
    try {
      const found = await api.get(`/api/locate?${params}`, { signal: controller.signal });
      if (q !== lastQuery) return;
      results = Array.isArray(found) ? found : (found?.results ?? []);
      active = results.length ? 0 : -1;
      setStatus(results.length ? '' : t('console.intake.noMatch'));
      render();
    } catch (error) {
      if (error?.name === 'AbortError') return;
      results = [];
      close();
      if (error instanceof ApiError && (error.status === 404 || error.status === 405 || error.status === 501)) {
        unavailable = true;
        setStatus(t('console.intake.searchUnavailable'));
        onUnavailable?.();
      } else {
        setStatus(t('console.intake.searchFailed'));
      }
    }
  }

  const searchSoon = debounce(search, 220);

  function pick(index) {
    const r = results[index];
    if (!r) return;
    input.value = r.name;
    close();
    setStatus('');
    onPick(r);
  }

  input.addEventListener('input', searchSoon);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) {
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      active = (active + 1) % results.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && results.length) {
      active = (active - 1 + results.length) % results.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      pick(active);
      e.preventDefault();
    } else if (e.key === 'Escape' && !list.hidden) {
      close();
      e.preventDefault();
      e.stopPropagation();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  onLanguageChange(() => { if (!list.hidden) render(); });

  return {
    clear() {
      results = [];
      close();
      setStatus('');
    },
    get unavailable() { return unavailable; },
  };
}
