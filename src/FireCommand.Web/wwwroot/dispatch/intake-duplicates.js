// The duplicate prompt of the intake preview (疑似重复警情): open incidents near this call, each
// with why it may be the same, and the choice between a new incident and merging into one of them.

import { t } from '../shared/i18n.js';
import { el, button } from './dom.js';
import { reasonText, distance, typeText } from './format.js';

/** @param onChange called after the dispatcher changed the choice */
export function createDuplicateChoice(box, store, { onChange }) {
  let list = [];
  let mergeInto = null;

  function render() {
    box.replaceChildren();
    if (!list.length) {
      box.append(el('p', { class: 'fc-dups__none', text: t('console.intake.noDuplicates') }));
      return;
    }
    box.append(el('p', { class: 'fc-dups__title', text: t('console.intake.duplicatesFound', { count: list.length }) }));
    // The default is a new incident: a wrong merge hides a second fire, a wrong new incident only
    // costs a merge later. Merging is a deliberate choice.
    box.append(el('p', { class: 'fc-dups__default', attrs: { id: 'dup-default' }, text: mergeInto
      ? t('console.intake.dupDefaultMerge', { number: list.find((d) => d.incidentId === mergeInto)?.number ?? '' })
      : t('console.intake.dupDefaultNew') }));
    const asNew = button(t('console.intake.asNew'), {
      class: ['fc-btn', 'fc-btn--small', mergeInto ? 'fc-btn--ghost' : 'fc-btn--chosen'],
      attrs: { id: 'dup-new', 'aria-pressed': String(!mergeInto) },
      on: { click: () => { mergeInto = null; render(); onChange(); box.querySelector('#dup-new')?.focus(); } },
    });
    box.append(asNew);
    for (const d of list) {
      const incident = store.incidents.get(d.incidentId);
      const chosen = mergeInto === d.incidentId;
      box.append(el('div', { class: ['fc-dup', chosen && 'is-chosen'], data: { incidentId: d.incidentId } },
        el('div', { class: 'fc-dup__line' },
          el('strong', { class: 'fc-dup__number', text: d.number }),
          incident ? el('span', { text: typeText(incident.type) }) : null,
          el('span', { class: 'fc-dup__near', text: t('console.intake.dupDistance', { distance: distance(d.distanceMeters), minutes: Math.round(d.minutesApart) }) })),
        incident?.address ? el('div', { class: 'fc-dup__address', text: incident.address }) : null,
        el('ul', { class: 'fc-dup__reasons' }, ...(d.reasons ?? []).map((r) => el('li', { text: reasonText(r) }))),
        button(chosen ? t('console.intake.mergeChosen', { number: d.number }) : t('console.intake.mergeInto', { number: d.number }), {
          class: ['fc-btn', 'fc-btn--small', chosen ? 'fc-btn--chosen' : ''],
          attrs: { 'aria-pressed': String(chosen), 'data-action': 'merge', 'data-incident-id': d.incidentId },
          // The choice re-renders the list: focus stays on the chosen button, inside the panel, so
          // Ctrl+Enter goes on working.
          on: { click: () => {
            mergeInto = d.incidentId;
            render();
            onChange();
            box.querySelector(`[data-action="merge"][data-incident-id="${d.incidentId}"]`)?.focus();
          } },
        })));
    }
  }

  return {
    /** The preview's duplicates; a merge choice survives only while its incident is still one of them. */
    set(duplicates) {
      list = duplicates ?? [];
      if (mergeInto && !list.some((d) => d.incidentId === mergeInto)) mergeInto = null;
    },
    render,
    reset() {
      list = [];
      mergeInto = null;
    },
    get list() { return list; },
    /** The duplicate chosen to merge into, or null for a new incident. */
    get chosen() { return list.find((d) => d.incidentId === mergeInto) ?? null; },
  };
}
