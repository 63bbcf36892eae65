// Address autocomplete for the intake form: what the caller says ("万达广场", "石门镇大坪村",
// "解放路和滨江路口", one character wrong) goes to GET /api/locate, debounced; the ranked places show
// under the field (name, kind, where). ↑/↓ move, Enter picks, Esc closes. Picking moves the map pin.
// When the search service is missing the field still takes free text and says to pin the map.
// Suggestions belong to the text they were found for: once the text changes they are hidden, and
// Enter pressed before the new ones arrive waits for them (it never takes an older text's place).

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
  let resultsFor = null; // the text `results` were found for
  let active = -1;
  let controller = null;
  let unavailable = false;
  let lastQuery = '';
  let enterWaitsFor = null; // Enter pressed while the suggestions for this text were loading
  let waiting = Promise.resolve(); // settles when an Enter that waits has been answered
  let picking = Promise.resolve(); // settles when the last pick has been applied

  const current = () => input.value.trim();

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
    const q = current();
    if (q === lastQuery && controller && !controller.signal.aborted && resultsFor !== q) return; // already on its way
    lastQuery = q;
    if (unavailable || q.length < MIN_CHARS) {
      results = [];
      resultsFor = null;
      enterWaitsFor = null;
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
      controller = null;
      if (q !== lastQuery || q !== current()) return;
      results = Array.isArray(found) ? found : (found?.results ?? []);
      resultsFor = q;
      active = results.length ? 0 : -1;
      setStatus(results.length ? '' : t('console.intake.noMatch'));
      render();
      if (enterWaitsFor === q) {
        enterWaitsFor = null;
        if (results.length) pick(0);
      }
    } catch (error) {
      if (error?.name === 'AbortError') return;
      controller = null;
      results = [];
      resultsFor = null;
      enterWaitsFor = null;
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
    if (!r || resultsFor !== current()) return;
    input.value = r.name;
    close();
    setStatus('');
    picking = Promise.resolve(onPick(r)).catch(() => {});
  }

  input.addEventListener('input', () => {
    // What is listed was found for another text: hide it at once, so neither a click nor Enter takes it.
    if (resultsFor !== current()) { close(); active = -1; }
    if (enterWaitsFor !== null && enterWaitsFor !== current()) enterWaitsFor = null;
    searchSoon();
  });
  input.addEventListener('keydown', (e) => {
    const fresh = resultsFor === current();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.altKey)) return; // the form's shortcuts
    if (!fresh && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return;
    if (e.key === 'ArrowDown' && results.length) {
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      active = (active + 1) % results.length;
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp' && results.length) {
      active = (active - 1 + results.length) % results.length;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      // Enter in the address never submits the form; it takes a suggestion for this very text.
      e.preventDefault();
      if (fresh && !list.hidden && active >= 0) pick(active);
      else if (!fresh && !unavailable && current().length >= MIN_CHARS) {
        enterWaitsFor = current();
        setStatus(t('console.intake.searching'));
        searchSoon.cancel();
        waiting = search();
      }
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
      resultsFor = null;
      enterWaitsFor = null;
      close();
      setStatus('');
    },
    get unavailable() { return unavailable; },
    /** Settles once an Enter waiting for suggestions and the pick it made have been applied. */
    async settled() {
      await waiting.catch(() => {});
      await picking;
    },
  };
}
