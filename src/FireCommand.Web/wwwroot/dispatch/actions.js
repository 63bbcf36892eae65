// The incident actions behind dialogs: escalate (升级, only upward), close (结案, with the outcome and
// the false-alarm mark) and merge (并案, into another open incident). Each sends one API call and shows
// the server's refusal (409: units still working, a lower level…) in the dialog itself.

import { t } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { el, button } from './dom.js';
import { typeText, distance, problemText, levelBadge } from './format.js';

function haversine(a, b) {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** A modal <dialog> with a title, a body, an error line and OK/cancel; resolves when closed. */
function dialog({ id, title, body, okText, onOk, danger = false }) {
  const error = el('p', { class: 'fc-note fc-note--error', attrs: { role: 'alert' }, hidden: true });
  const ok = button(okText, { class: ['fc-btn', danger ? 'fc-btn--danger' : 'fc-btn--primary'], attrs: { 'data-action': 'ok', type: 'submit' } });
  const cancel = button(t('dispatch.actions.cancel'), { class: 'fc-btn fc-btn--ghost', attrs: { 'data-action': 'cancel' } });
  const form = el('form', { class: 'fc-dialog__form', attrs: { method: 'dialog', novalidate: true } },
    el('h2', { class: 'fc-dialog__title', text: title }), body, error,
    el('div', { class: 'fc-dialog__buttons' }, cancel, ok));
  const node = el('dialog', { class: 'fc-dialog', attrs: { id, 'aria-label': title } }, form);
  document.body.append(node);
  return new Promise((resolve) => {
    cancel.addEventListener('click', () => node.close());
    node.addEventListener('close', () => { node.remove(); resolve(node.returnValue === 'done' ? node.result : null); });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      ok.disabled = true;
      error.hidden = true;
      try {
        node.result = await onOk();
        if (node.result === undefined) { ok.disabled = false; return; }
        node.close('done');
      } catch (failure) {
        error.textContent = problemText(failure);
        error.hidden = false;
        ok.disabled = false;
      }
    });
    node.showModal();
  });
}

/** Escalation: the levels above the current one; resolves with the new IncidentView or null. */
export function escalate(incident) {
  let chosen = Math.min(5, incident.fireLevel + 1);
  const options = el('div', { class: 'fc-levels', attrs: { role: 'radiogroup', 'aria-label': t('dispatch.actions.newLevel') } });
  for (let level = incident.fireLevel + 1; level <= 5; level++) {
    const input = el('input', { attrs: { type: 'radio', name: 'escalate-level', value: level, id: `escalate-level-${level}` } });
    input.checked = level === chosen;
    input.addEventListener('change', () => { chosen = level; });
    options.append(el('label', { class: 'fc-levels__option', attrs: { for: `escalate-level-${level}` } }, input, levelBadge(level)));
  }
  const body = el('div', {},
    el('p', { text: t('dispatch.actions.escalateText', { number: incident.number, level: incident.fireLevel }) }),
    incident.fireLevel >= 5 ? el('p', { class: 'fc-note fc-note--warn', text: t('dispatch.actions.maxLevel') }) : options,
    el('p', { class: 'fc-dialog__hint', text: t('dispatch.actions.escalateHint') }));
  return dialog({
    id: 'escalate-dialog',
    title: t('dispatch.actions.escalateTitle'),
    body,
    okText: t('dispatch.actions.escalate'),
    onOk: () => (incident.fireLevel >= 5 ? undefined : api.post(`/api/incidents/${incident.id}/escalate`, { fireLevel: chosen })),
  });
}

const ACTIVE = new Set([20, 21, 22, 23, 24, 27]);

/** The call signs of the units still working on the incident (not yet released). */
export function activeUnits(incident, units) {
  return (incident.assignments ?? []).filter((a) => !a.clearedAt && ACTIVE.has(a.unitStatus ?? units?.get(a.unitId)?.status))
    .map((a) => a.callSign ?? units?.get(a.unitId)?.callSign ?? `#${a.unitId}`);
}

/** 全部返队: one confirmation, then every unit on the incident returns; resolves with the IncidentView or null. */
export function releaseAll(incident, units) {
  const names = activeUnits(incident, units);
  const body = el('div', {},
    el('p', { text: t('dispatch.actions.releaseAllText', { number: incident.number, count: names.length }) }),
    el('p', { class: 'fc-dialog__hint', text: names.join('、') }));
  return dialog({
    id: 'release-dialog',
    title: t('dispatch.actions.releaseAllTitle'),
    body,
    okText: t('dispatch.actions.releaseAll'),
    onOk: () => api.post(`/api/incidents/${incident.id}/release-all`, {}),
  });
}

/** Closing: outcome text (required) and the false-alarm mark; units still working are released first when ticked. */
export function close(incident, units) {
  const working = activeUnits(incident, units);
  const release = el('input', { attrs: { type: 'checkbox', id: 'close-release' } });
  release.checked = working.length > 0;
  const outcome = el('textarea', { class: 'fc-input', attrs: { id: 'close-outcome', rows: '3', maxlength: '2000', required: true } });
  const falseAlarm = el('input', { attrs: { type: 'checkbox', id: 'close-false' } });
  const body = el('div', { class: 'fc-dialog__fields' },
    el('p', { text: t('dispatch.actions.closeText', { number: incident.number }) }),
    el('label', { class: 'fc-field__label', attrs: { for: 'close-outcome' }, text: t('dispatch.actions.outcome') }), outcome,
    el('label', { class: 'fc-check', attrs: { for: 'close-false' } }, falseAlarm, t('dispatch.actions.falseAlarm')),
    working.length ? el('label', { class: 'fc-check', attrs: { for: 'close-release' } }, release,
      t('dispatch.actions.closeRelease', { count: working.length, units: working.join('、') })) : null,
    el('p', { class: 'fc-dialog__hint', text: t('dispatch.actions.closeHint') }));
  setTimeout(() => outcome.focus(), 0);
  return dialog({
    id: 'close-dialog',
    title: t('dispatch.actions.closeTitle'),
    body,
    okText: t('dispatch.actions.close'),
    danger: true,
    onOk: async () => {
      if (!outcome.value.trim()) {
        outcome.setAttribute('aria-invalid', 'true');
        throw new Error(t('dispatch.actions.outcomeRequired'));
      }
      if (working.length && release.checked) await api.post(`/api/incidents/${incident.id}/release-all`, {});
      return api.post(`/api/incidents/${incident.id}/close`, { outcome: outcome.value.trim(), falseAlarm: falseAlarm.checked });
    },
  });
}

/** Merging: this incident's callers and units move to another open incident, nearest first. */
export function merge(incident, openIncidents) {
  const others = openIncidents.filter((i) => i.id !== incident.id)
    .map((i) => ({ i, d: haversine(incident, i) }))
    .sort((a, b) => a.d - b.d);
  const select = el('select', { class: 'fc-input', attrs: { id: 'merge-target', size: String(Math.min(8, Math.max(3, others.length))) } });
  for (const { i, d } of others) {
    const option = el('option', { attrs: { value: i.id }, text: `${i.number} · ${typeText(i.type)} · ${i.address ?? ''} · ${distance(d)}` });
    select.append(option);
  }
  if (others.length) select.value = String(others[0].i.id);
  const body = el('div', { class: 'fc-dialog__fields' },
    el('p', { text: t('dispatch.actions.mergeText', { number: incident.number }) }),
    others.length ? select : el('p', { class: 'fc-note fc-note--warn', text: t('dispatch.actions.mergeNone') }));
  return dialog({
    id: 'merge-dialog',
    title: t('dispatch.actions.mergeTitle'),
    body,
    okText: t('dispatch.actions.merge'),
    onOk: () => (others.length ? api.post(`/api/incidents/${incident.id}/merge`, { intoIncidentId: Number(select.value) }) : undefined),
  });
}
