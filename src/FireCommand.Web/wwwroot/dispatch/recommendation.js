// The recommendation panel (力量推荐): the units the response plan asks for, ranked by road travel
// time, each with its slot, ETA, flags (跨区 cross-jurisdiction, 站空 leaves its station empty) and on
// expand the reasons and why not the runner-up; slots nobody can fill are named in red. One button
// sends them all; checkboxes edit the selection first. A 409 (a unit was taken meanwhile) shows the
// server's reason and reloads the recommendation. Used by the console, the intake preview (read-only)
// and the command view (reinforcement after an escalation).

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { el, button } from './dom.js';
import { duration, distance, reasonText, slotText, learnSlotNames, apparatusText, problemText } from './format.js';

/**
 * @param root       the element to render into
 * @param options    { canDispatch, preview (read-only, no header actions), onDispatched(view), idPrefix }
 */
export function createRecommendationPanel(root, { canDispatch = false, preview = false, onDispatched, idPrefix = 'rec' } = {}) {
  let incidentId = null;
  let view = null; // always fetched for incidentId (or, in the preview, shown for no incident)
  let viewFor = null; // the incident id `view` was fetched for
  let pendingDispatch = false; // Alt+D pressed while this incident's recommendation was loading
  let state = 'idle'; // idle | loading | ready | failed | unavailable
  let failure = null;
  let message = null; // { kind: 'error' | 'info', text }
  // After this panel sent an order: what has gone to the incident so far. It follows the incident,
  // so a second order, a reinforcement or another console's dispatch adds to it.
  let sent = null; // the latest IncidentView of incidentId, once this panel dispatched for it
  let sending = false;
  const unchecked = new Set(); // unit ids the dispatcher took out of the selection
  const expanded = new Set();
  let requestSeq = 0;

  root.classList.add('fc-rec');

  function units() {
    return view?.recommendation?.units ?? [];
  }

  function selected() {
    return units().filter((u) => !unchecked.has(u.unitId));
  }

  function render() {
    root.replaceChildren();
    root.dataset.state = state;
    if (state === 'idle') {
      if (!preview) root.append(el('p', { class: 'fc-empty', text: t('dispatch.rec.none') }));
      return;
    }
    if (state === 'loading' && !view) {
      root.append(el('p', { class: 'fc-empty', text: t('dispatch.rec.loading') }));
      if (pendingDispatch) root.append(el('p', { class: 'fc-note fc-note--info', attrs: { role: 'status', id: `${idPrefix}-pending` }, text: t('dispatch.rec.dispatchWaits') }));
      return;
    }
    if (state === 'unavailable' || (state === 'failed' && !view)) {
      root.append(el('p', { class: 'fc-note fc-note--warn', attrs: { role: 'status' }, text: failure ?? t('dispatch.rec.failed') }));
      if (incidentId) root.append(button(t('dispatch.rec.retry'), { class: 'fc-btn fc-btn--ghost', on: { click: () => load(incidentId) } }));
      return;
    }
    const rec = view.recommendation;
    const outstanding = view.outstanding ?? [];
    const required = view.required ?? [];
    const sum = (slots) => slots.reduce((n, s) => n + (s.count ?? 0), 0);
    // Fewer outstanding than required: units are already on the incident (or it was escalated).
    const assignedSome = sum(outstanding) < sum(required);

    // Summary: what the plan still needs.
    const head = el('div', { class: 'fc-rec__head' });
    head.append(el('div', { class: 'fc-rec__plan' },
      el('span', { class: 'fc-rec__plan-label', text: assignedSome ? t('dispatch.rec.stillNeeded') : t('dispatch.rec.planNeeds', { level: view.fireLevel }) }),
      ...(outstanding.length
        ? outstanding.map((s) => el('span', { class: 'fc-chip', text: t('dispatch.rec.slotCount', { slot: slotText(s), count: s.count }) }))
        : [el('span', { class: 'fc-chip fc-chip--ok', text: t('dispatch.rec.planMet') })])));
    root.append(head);

    if (sent?.id === incidentId) root.append(sentNotice(sent));
    if (message) root.append(el('p', { class: ['fc-note', message.kind === 'error' ? 'fc-note--error' : 'fc-note--info'], attrs: { role: 'alert' }, text: message.text }));

    // Units that cannot arrive within the plan's time are offered apart, unticked (增援).
    const near = units().filter((u) => !u.reinforcement);
    const far = units().filter((u) => u.reinforcement);
    const list = el('ul', { class: 'fc-rec__list', attrs: { 'aria-label': t('dispatch.rec.listLabel') } });
    for (const u of near) list.append(unitRow(u));
    if (near.length) root.append(list);
    else if (outstanding.length && !far.length) root.append(el('p', { class: 'fc-empty', text: t('dispatch.rec.noUnits') }));
    if (far.length) {
      const minutes = Math.round((rec?.reinforcementThresholdSeconds ?? 1200) / 60);
      root.append(el('div', { class: 'fc-rec__reinforcements', attrs: { id: `${idPrefix}-reinforcements` } },
        el('h4', { class: 'fc-rec__reinforcements-title', text: t('dispatch.rec.reinforcementTitle', { minutes: formatNumber(minutes) }) }),
        el('p', { class: 'fc-rec__reinforcements-hint', text: t('dispatch.rec.reinforcementHint') }),
        el('ul', { class: 'fc-rec__list fc-rec__list--far', attrs: { 'aria-label': t('dispatch.rec.reinforcementTitle', { minutes: formatNumber(minutes) }) } },
          ...far.map((u) => unitRow(u)))));
    }

    const shortfalls = rec?.shortfalls ?? [];
    if (shortfalls.length) {
      const box = el('div', { class: 'fc-rec__shortfalls', attrs: { role: 'alert' } },
        el('h4', { class: 'fc-rec__shortfalls-title', text: t('dispatch.rec.shortfallTitle') }));
      for (const s of shortfalls) {
        box.append(el('p', { class: 'fc-rec__shortfall', data: { cause: s.cause } },
          el('strong', { text: t('dispatch.rec.shortfall', { slot: slotText(s.slot), missing: s.missing }) }),
          el('span', { text: reasonText(s.reason) })));
      }
      root.append(box);
    }

    if (units().length) {
      const etas = selected().map((u) => u.etaSeconds);
      const total = el('span', { class: 'fc-rec__total', text: etas.length
        ? t('dispatch.rec.total', { count: formatNumber(etas.length), first: duration(Math.min(...etas)), last: duration(Math.max(...etas)) })
        : t('dispatch.rec.noneSelected') });
      const foot = el('div', { class: 'fc-rec__foot' }, total);
      if (canDispatch && !preview) {
        // 全部调派 sends what is pre-selected: every unit but the long-distance reinforcements.
        const all = units().every((u) => unchecked.has(u.unitId) === Boolean(u.reinforcement));
        // Only a list fetched for this incident and not being recomputed may be sent.
        const current = state === 'ready' && viewFor === incidentId;
        const send = button(all ? t('dispatch.rec.dispatchAll') : t('dispatch.rec.dispatchSelected', { count: selected().length }), {
          class: 'fc-btn fc-btn--primary fc-rec__send',
          attrs: { id: `${idPrefix}-dispatch`, 'data-action': 'dispatch', disabled: sending || !current || selected().length === 0, 'aria-keyshortcuts': 'Alt+D' },
          on: { click: dispatch },
        });
        if (sending) send.textContent = t('dispatch.rec.sending');
        else if (!current) send.textContent = pendingDispatch ? t('dispatch.rec.dispatchWaits') : t('dispatch.rec.loading');
        foot.append(send);
      }
      root.append(foot);
    }
  }

  /** Every unit sent to the incident, in the order they went: the dispatcher's confirmation. */
  function sentNotice(incident) {
    const names = (incident.assignments ?? []).map((a) => a.callSign);
    return el('p', {
      class: 'fc-note fc-note--info', attrs: { role: 'status', id: `${idPrefix}-sent` }, data: { count: names.length },
      text: t('dispatch.rec.sent', { count: formatNumber(names.length), number: incident.number, units: names.join(t('common.separator')) }),
    });
  }

  function unitRow(u) {
    const id = `${idPrefix}-unit-${u.unitId}`;
    const open = expanded.has(u.unitId);
    const row = el('li', { class: ['fc-rec__unit', unchecked.has(u.unitId) && 'is-off'], data: { unitId: u.unitId } });
    const main = el('div', { class: 'fc-rec__main' });
    if (canDispatch && !preview) {
      const box = el('input', { attrs: { type: 'checkbox', id, 'aria-label': t('dispatch.rec.include', { unit: u.callSign }) } });
      box.checked = !unchecked.has(u.unitId);
      box.addEventListener('change', () => {
        if (box.checked) unchecked.delete(u.unitId); else unchecked.add(u.unitId);
        message = null;
        render();
        root.querySelector(`#${CSS.escape(id)}`)?.focus();
      });
      main.append(box);
    }
    const flags = el('span', { class: 'fc-rec__flags' });
    if (u.crossJurisdiction) flags.append(el('span', { class: 'fc-flag fc-flag--cross', text: t('dispatch.rec.cross'), title: t('dispatch.rec.crossLong') }));
    if (u.reinforcement) flags.append(el('span', { class: 'fc-flag fc-flag--far', text: t(u.crossJurisdiction ? 'dispatch.rec.reinforcementCross' : 'dispatch.rec.reinforcement'), title: t('dispatch.rec.reinforcementLong') }));
    if (u.returning) flags.append(el('span', { class: 'fc-flag fc-flag--returning', text: t('dispatch.rec.returning'), title: t('dispatch.rec.returningLong') }));
    if (u.leavesStationEmpty) flags.append(el('span', { class: 'fc-flag fc-flag--empty', text: t('dispatch.rec.empty'), title: t('dispatch.rec.emptyLong') }));
    main.append(
      el('label', { class: 'fc-rec__name', attrs: { for: canDispatch && !preview ? id : null } },
        el('span', { class: 'fc-rec__callsign', text: u.callSign }),
        el('span', { class: 'fc-rec__type', text: apparatusText(u.type) })),
      el('span', { class: 'fc-rec__slot', text: slotText(u.slot), title: slotText(u.slot) }),
      flags,
      el('span', { class: 'fc-rec__eta', title: t('dispatch.rec.etaLong'), text: duration(u.etaSeconds) }),
      button(open ? '▾' : '▸', {
        class: 'fc-rec__more',
        attrs: { 'aria-expanded': String(open), 'aria-label': t('dispatch.rec.why', { unit: u.callSign }), title: t('dispatch.rec.whyShort') },
        on: { click: () => { if (open) expanded.delete(u.unitId); else expanded.add(u.unitId); render(); } },
      }));
    row.append(main);
    if (open) {
      const why = el('div', { class: 'fc-rec__why' });
      const facts = [t('dispatch.rec.distance', { road: distance(u.roadDistanceMeters), straight: distance(u.straightLineMeters) })];
      if (u.penaltySeconds > 0) facts.push(t('dispatch.rec.penalty', { seconds: formatNumber(Math.round(u.penaltySeconds)) }));
      why.append(el('p', { class: 'fc-rec__facts', text: facts.join(' · ') }));
      why.append(el('ul', { class: 'fc-rec__reasons' }, ...(u.reasons ?? []).map((r) => el('li', { text: reasonText(r), data: { code: r.code } }))));
      if (u.runnerUp) {
        why.append(el('p', { class: 'fc-rec__runner' },
          el('strong', { text: t('dispatch.rec.runnerUp') }),
          ` ${u.runnerUp.callSign} · ${duration(u.runnerUp.etaSeconds)} — ${reasonText(u.runnerUp.reason)}`));
      } else {
        why.append(el('p', { class: 'fc-rec__runner', text: t('dispatch.rec.noRunnerUp') }));
      }
      row.append(why);
    }
    return row;
  }

  /** Forgets everything shown for another incident, so nothing of it can appear under this one. */
  function switchTo(id) {
    if (id === incidentId) return;
    incidentId = id;
    view = null;
    viewFor = null;
    message = null;
    sent = null;
    pendingDispatch = false;
    unchecked.clear();
    expanded.clear();
  }

  async function load(id, { keepMessage = false } = {}) {
    switchTo(id);
    const seq = ++requestSeq;
    state = 'loading';
    if (!keepMessage) message = null;
    render();
    try {
      const next = await api.get(`/api/incidents/${encodeURIComponent(id)}/recommendation`);
      // A late answer (another incident selected, or a newer request sent meanwhile) is dropped.
      if (seq !== requestSeq || id !== incidentId || (next?.incidentId !== undefined && next.incidentId !== id)) return;
      learnSlotNames([...(next?.required ?? []), ...(next?.recommendation?.units ?? []).map((u) => u.slot)]);
      show(next, { keepMessage: true, forIncident: id });
      if (pendingDispatch) {
        pendingDispatch = false;
        await dispatch();
      }
    } catch (error) {
      if (seq !== requestSeq || id !== incidentId) return;
      pendingDispatch = false;
      state = error instanceof ApiError && error.status === 503 ? 'unavailable' : 'failed';
      failure = error instanceof ApiError && error.status === 503 ? t('dispatch.rec.noRoads') : problemText(error, 'dispatch.rec.failedStatus');
      view = null;
      viewFor = null;
      render();
    }
  }

  /** Shows a RecommendationView directly (the intake preview has one without an incident). */
  function show(next, { keepMessage = false, forIncident = null } = {}) {
    if (forIncident === null) switchTo(null);
    const previousIds = new Set(units().map((u) => u.unitId));
    view = next;
    viewFor = forIncident;
    state = next ? 'ready' : 'idle';
    if (!keepMessage) message = null;
    // A fresh list keeps the dispatcher's unticks only for units still recommended; a reinforcement
    // new to the list starts unticked.
    for (const id of [...unchecked]) if (!units().some((u) => u.unitId === id)) unchecked.delete(id);
    for (const u of units()) if (u.reinforcement && !previousIds.has(u.unitId)) unchecked.add(u.unitId);
    for (const id of [...expanded]) if (!previousIds.has(id) && !units().some((u) => u.unitId === id)) expanded.delete(id);
    render();
  }

  async function dispatch() {
    if (!incidentId || sending || preview) return;
    if (state === 'loading' || viewFor !== incidentId) {
      // Alt+D before this incident's list arrived: sent when it arrives, and said so meanwhile.
      if (state === 'loading') { pendingDispatch = true; render(); }
      return;
    }
    if (state !== 'ready') return;
    const forIncident = incidentId;
    const orders = selected().map((u) => ({ unitId: u.unitId, slot: u.slot?.chinese ?? slotText(u.slot), etaSeconds: Math.round(u.etaSeconds) }));
    if (!orders.length) return;
    sending = true;
    message = null;
    render();
    try {
      const incident = await api.post(`/api/incidents/${encodeURIComponent(forIncident)}/dispatch`, { units: orders });
      sending = false;
      onDispatched?.(incident);
      if (incidentId !== forIncident) return;
      unchecked.clear();
      sent = incident;
      await load(forIncident, { keepMessage: true });
    } catch (error) {
      sending = false;
      if (incidentId !== forIncident) return;
      const conflict = error instanceof ApiError && error.status === 409;
      message = { kind: 'error', text: conflict ? t('dispatch.rec.conflict', { detail: problemText(error) }) : problemText(error) };
      if (conflict) await load(forIncident, { keepMessage: true });
      else render();
    }
  }

  onLanguageChange(render);
  render();

  return {
    load,
    show,
    dispatch,
    clear() {
      incidentId = null;
      view = null;
      viewFor = null;
      pendingDispatch = false;
      state = 'idle';
      message = null;
      sent = null;
      unchecked.clear();
      expanded.clear();
      render();
    },
    /** The incident changed (live, or an action's answer): the notice of what was sent follows it. */
    noteIncident(incident) {
      if (!sent || incident?.id !== incidentId) return;
      const before = sent.assignments?.length ?? 0;
      sent = incident;
      if ((incident.assignments?.length ?? 0) !== before) render();
    },
    get incidentId() { return incidentId; },
    get hasUnits() { return selected().length > 0; },
    get pendingDispatch() { return pendingDispatch; },
    focusDispatch() { root.querySelector('[data-action="dispatch"]')?.focus(); },
  };
}
