// 联动 (linkage) section of the incident panel: each transfer between this incident and a partner
// agency (110, 120, others) with its state and times, and, for dispatchers, handing the incident
// over to a partner. A partner's acknowledgement arrives on the live channel (transferChanged) and
// shows without a reload. Only the answer for the incident on screen is shown.

import { t, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { onLive } from '../shared/live.js';
import { el, button } from './dom.js';
import { clock } from './format.js';

// The hub may send enums as numbers; the API sends names.
const STATE = ['', 'Received', 'Sent', 'Acknowledged', 'Accepted', 'Declined'];
const DIRECTION = ['', 'In', 'Out'];
const KIND = ['', 'Police110', 'Medical120', 'Other'];
const name = (table, value) => (typeof value === 'number' ? (table[value] || String(value)) : value);

export function transferFromWire(raw) {
  return { ...raw, state: name(STATE, raw.state), direction: name(DIRECTION, raw.direction), partnerKind: name(KIND, raw.partnerKind) };
}

export function createTransfers(root, { canDispatch }) {
  let incident = null;
  let transfers = [];
  let receivers = null;
  let seq = 0;
  let message = null; // { key, params, kind }

  const title = el('h3', { class: 'fc-section__title' });
  const list = el('ol', { class: 'fc-transfers__list', attrs: { id: 'transfers-list' } });
  const empty = el('p', { class: 'fc-empty' });
  const form = el('div', { class: 'fc-transfers__form' });
  const note = el('p', { class: 'fc-note', attrs: { role: 'status', id: 'transfers-note' }, hidden: true });
  root.replaceChildren(title, list, empty, form, note);

  async function load(id) {
    const mine = ++seq;
    try {
      const answer = await api.get(`/api/incidents/${encodeURIComponent(id)}/transfers`);
      if (mine !== seq || incident?.id !== id) return; // another incident is on screen now
      transfers = answer.map(transferFromWire);
    } catch (error) {
      if (mine !== seq) return;
      transfers = [];
      message = { key: 'console.transfers.loadFailed', kind: 'error' };
    }
    render();
  }

  async function loadReceivers() {
    if (receivers || !canDispatch) return;
    try {
      receivers = (await api.get('/api/partners/receivers')).map((p) => ({ ...p, kind: name(KIND, p.kind) }));
    } catch {
      receivers = [];
    }
    renderForm();
  }

  function stateText(state) { return t(`console.transfers.state.${state}`); }

  function row(x) {
    const partner = `${t(`console.transfers.kind.${x.partnerKind}`)} · ${x.partnerName}`;
    const times = [t(x.direction === 'In' ? 'console.transfers.at.received' : 'console.transfers.at.created', { time: clock(x.createdAt) })];
    if (x.acknowledgedAt) times.push(t('console.transfers.at.acknowledged', { time: clock(x.acknowledgedAt) }));
    if (x.decidedAt) times.push(t('console.transfers.at.decided', { time: clock(x.decidedAt) }));
    const details = [x.reason, x.acknowledgedBy && t('console.transfers.by', { name: x.acknowledgedBy }), x.acknowledgementNote]
      .filter(Boolean).join(' · ');
    return el('li', { class: 'fc-transfers__row', data: { transferId: x.id, state: x.state } },
      el('div', { class: 'fc-transfers__line' },
        el('span', { class: 'fc-chip', text: t(`console.transfers.direction.${x.direction}`) }),
        el('span', { class: 'fc-transfers__partner', text: partner, title: partner }),
        el('span', { class: ['fc-state', `fc-transfer--${x.state}`], attrs: { 'data-role': 'transfer-state' }, text: stateText(x.state) })),
      el('div', { class: 'fc-transfers__times', text: times.join(' · ') }),
      details ? el('div', { class: 'fc-transfers__details', text: details, title: details }) : null);
  }

  function renderForm() {
    const open = canDispatch && incident && incident.state !== 'Closed';
    form.hidden = !open;
    if (!open) { form.replaceChildren(); return; }
    if (receivers === null) { form.replaceChildren(el('p', { class: 'fc-empty', text: t('console.transfers.loading') })); return; }
    if (receivers.length === 0) { form.replaceChildren(el('p', { class: 'fc-empty', text: t('console.transfers.noReceivers') })); return; }
    const select = el('select', { attrs: { id: 'transfer-partner', 'aria-label': t('console.transfers.partner') } },
      el('option', { attrs: { value: '' }, text: t('console.transfers.choosePartner') }),
      ...receivers.map((p) => el('option', { attrs: { value: p.id }, text: `${t(`console.transfers.kind.${p.kind}`)} · ${p.name}` })));
    const reason = el('input', {
      attrs: { id: 'transfer-reason', type: 'text', maxlength: 500, placeholder: t('console.transfers.reasonPlaceholder'), 'aria-label': t('console.transfers.reason') },
    });
    const send = button(t('console.transfers.send'), {
      class: 'fc-btn', attrs: { id: 'transfer-send' },
      on: { click: async () => {
        const target = incident;
        send.disabled = true;
        try {
          await api.post(`/api/incidents/${encodeURIComponent(target.id)}/transfers`,
            { partnerId: select.value ? Number(select.value) : null, reason: reason.value });
          message = { key: 'console.transfers.sent', kind: 'info' };
          reason.value = '';
          if (incident?.id === target.id) await load(target.id);
        } catch (error) {
          const fields = error instanceof ApiError ? Object.keys(error.problem?.errors ?? {}) : [];
          message = fields.includes('partnerId') ? { key: 'console.transfers.needPartner', kind: 'error' }
            : fields.includes('reason') ? { key: 'console.transfers.needReason', kind: 'error' }
              : { key: 'console.transfers.failed', kind: 'error' };
          renderNote();
        } finally {
          send.disabled = false;
        }
      } },
    });
    form.replaceChildren(select, reason, send);
  }

  function renderNote() {
    note.hidden = !message;
    if (!message) return;
    note.textContent = t(message.key);
    note.className = `fc-note fc-note--${message.kind}`;
  }

  function render() {
    title.textContent = t('console.transfers.title');
    list.replaceChildren(...transfers.map(row));
    empty.textContent = t('console.transfers.none');
    empty.hidden = transfers.length > 0;
    renderForm();
    renderNote();
  }

  onLive('transferChanged', (raw) => {
    const x = transferFromWire(raw);
    if (!incident || x.incidentId !== incident.id) return;
    const index = transfers.findIndex((y) => y.id === x.id);
    if (index >= 0) transfers[index] = x;
    else transfers.push(x);
    message = null; // what was said about the sending is overtaken by the partner's answer
    render();
  });
  onLanguageChange(render);

  return {
    /** Shows the transfers of `next` (the panel's incident); fetched again only when the incident changes. */
    show(next) {
      const changed = next?.id !== incident?.id;
      incident = next;
      if (changed) {
        transfers = [];
        message = null;
        if (incident) { load(incident.id); loadReceivers(); }
      }
      render();
    },
  };
}
