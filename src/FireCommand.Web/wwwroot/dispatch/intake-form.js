// The intake form's controls (接警登记表): caller, source, type, subtype, people, address, description
// and fire level, with a label, a hint and an error line each. Labels carry data-i18n keys that the
// intake translates; behaviour is wired by the intake.

import { el, button } from './dom.js';
import { levelBadge } from './format.js';

const SOURCES = ['Call119', 'AutomaticFireAlarm', 'Police110', 'Medical120', 'AppOrSms'];
const TYPES = ['Fire', 'Rescue', 'SocialAssistance', 'SecurityDuty'];

export function createIntakeForm() {
  const field = (labelKey, control, { id, wide = false, hint } = {}) => el('div', { class: ['fc-field', wide && 'fc-field--wide'] },
    el('label', { class: 'fc-field__label', attrs: { for: id ?? control.id }, data: { i18n: labelKey } }),
    control,
    hint ? el('p', { class: 'fc-field__hint', data: { i18n: hint } }) : null,
    el('p', { class: 'fc-field__error', attrs: { id: `${id ?? control.id}-error`, role: 'alert' }, hidden: true }));

  const caller = el('input', { class: 'fc-input', attrs: { id: 'intake-caller', type: 'tel', maxlength: '30', autocomplete: 'off', inputmode: 'tel' } });
  const callerName = el('input', { class: 'fc-input', attrs: { id: 'intake-caller-name', type: 'text', maxlength: '50', autocomplete: 'off' } });
  const source = el('select', { class: 'fc-input', attrs: { id: 'intake-source' } },
    ...SOURCES.map((s) => el('option', { attrs: { value: s }, data: { i18n: `dispatch.source.${s}` } })));
  const typeGroup = el('div', { class: 'fc-segmented', attrs: { role: 'radiogroup', id: 'intake-type', 'aria-labelledby': 'intake-type-label' } });
  for (const type of TYPES) {
    const input = el('input', { attrs: { type: 'radio', name: 'intake-type', value: type, id: `intake-type-${type}` } });
    typeGroup.append(el('label', { class: 'fc-segmented__option', attrs: { for: `intake-type-${type}` } }, input,
      el('span', { data: { i18n: `dispatch.incidentType.${type}` } })));
  }
  const subtype = el('select', { class: 'fc-input', attrs: { id: 'intake-subtype' } });
  const trapped = el('input', { class: 'fc-input fc-input--num', attrs: { id: 'intake-trapped', type: 'number', min: '0', max: '100000', step: '1', value: '0', inputmode: 'numeric' } });
  const injured = el('input', { class: 'fc-input fc-input--num', attrs: { id: 'intake-injured', type: 'number', min: '0', max: '100000', step: '1', value: '0', inputmode: 'numeric' } });
  const address = el('input', { class: 'fc-input', attrs: { id: 'intake-address', type: 'text', maxlength: '200' } });
  const addressWrap = el('div', { class: 'fc-suggest-wrap' }, address);
  const located = el('p', { class: 'fc-field__hint fc-intake__located', attrs: { id: 'intake-located' } });
  const imprecise = el('p', { class: 'fc-note fc-note--warn', attrs: { id: 'intake-imprecise', role: 'status' }, hidden: true });
  const description = el('textarea', { class: 'fc-input', attrs: { id: 'intake-description', rows: '2', maxlength: '2000' } });
  const levelGroup = el('div', { class: 'fc-levels', attrs: { role: 'radiogroup', id: 'intake-level', 'aria-labelledby': 'intake-level-label' } });
  for (let level = 1; level <= 5; level++) {
    const input = el('input', { attrs: { type: 'radio', name: 'intake-level', value: level, id: `intake-level-${level}` } });
    levelGroup.append(el('label', { class: 'fc-levels__option', attrs: { for: `intake-level-${level}` }, data: { level } }, input, levelBadge(level)));
  }
  const levelAuto = button('', { class: 'fc-linkbtn', attrs: { id: 'intake-level-auto' } });
  const levelNote = el('span', { class: 'fc-levels__note', attrs: { id: 'intake-level-note' } });
  const formError = el('p', { class: 'fc-note fc-note--error', attrs: { role: 'alert', id: 'intake-error' }, hidden: true });
  const submit = button('', { class: 'fc-btn fc-btn--primary fc-intake__submit', attrs: { id: 'intake-submit', type: 'submit', 'aria-keyshortcuts': 'Control+Enter' } });
  const reset = button('', { class: 'fc-btn fc-btn--ghost', attrs: { id: 'intake-reset' }, data: { i18n: 'console.intake.reset' } });

  const form = el('form', { class: 'fc-intake__form', attrs: { id: 'intake-form', novalidate: true, autocomplete: 'off' } },
    el('div', { class: 'fc-intake__row' },
      field('console.intake.caller', caller),
      field('console.intake.callerName', callerName),
      field('console.intake.source', source)),
    el('div', { class: 'fc-field fc-field--wide' },
      el('span', { class: 'fc-field__label', attrs: { id: 'intake-type-label' }, data: { i18n: 'console.intake.type' } }),
      typeGroup,
      el('p', { class: 'fc-field__error', attrs: { id: 'intake-type-error', role: 'alert' }, hidden: true })),
    el('div', { class: 'fc-intake__row' },
      field('console.intake.subtype', subtype),
      field('console.intake.trapped', trapped),
      field('console.intake.injured', injured)),
    el('div', { class: 'fc-field fc-field--wide' },
      el('label', { class: 'fc-field__label', attrs: { for: 'intake-address' }, data: { i18n: 'console.intake.address' } }),
      addressWrap, located, imprecise,
      el('p', { class: 'fc-field__error', attrs: { id: 'intake-address-error', role: 'alert' }, hidden: true })),
    field('console.intake.description', description, { wide: true }),
    el('div', { class: 'fc-field fc-field--wide' },
      el('span', { class: 'fc-field__label', attrs: { id: 'intake-level-label' }, data: { i18n: 'console.intake.level' } }),
      el('div', { class: 'fc-levels__row' }, levelGroup, levelNote, levelAuto)),
    formError,
    el('div', { class: 'fc-intake__buttons' }, reset, submit));


  return { form, caller, callerName, source, typeGroup, subtype, trapped, injured, address, addressWrap, located, imprecise,
    description, levelGroup, levelAuto, levelNote, formError, submit, reset };
}
