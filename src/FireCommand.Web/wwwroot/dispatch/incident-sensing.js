// The sensing alarms an incident came from (自动报警): the key place with a link to its own plan, each
// alarm's device, building/floor/zone, what reported and what confirmed it, and the fire's timeline from
// the device's first report to the incident against GB 50440 (device → centre ≤ 20 s, confirmed → 119
// ≤ 3 s), each marked met or missed. Shown only for an incident with an automatic report; each
// request carries the incident it was made for, and a late answer for another incident is dropped.

import { t, has, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { api } from '../shared/api.js';
import { el } from './dom.js';
import { clock } from './format.js';

const codeText = (group, code) => (code && has(`console.sensing.${group}.${code}`) ? t(`console.sensing.${group}.${code}`) : t(`console.sensing.${group}.other`));

/** Whether an incident has an automatic report, so its sensing side is worth asking for. */
export function isAutomatic(incident) {
  return incident?.source === 'AutomaticFireAlarm' || (incident?.alarms ?? []).some((a) => a.source === 'AutomaticFireAlarm');
}

/** The sensing alarm ids the incident's reports link to: a change means the answer is stale. */
function linkKey(incident) {
  return (incident?.alarms ?? []).map((a) => a.sensingAlarmId).filter(Boolean).sort((a, b) => a - b).join(',');
}

function seconds(value) {
  return t('console.sensing.seconds', { value: formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

/** One GB 50440 interval with its target and verdict; "—" while the step is not reached. */
function verdict(id, labelKey, value, met, target) {
  const state = met === true ? 'met' : met === false ? 'missed' : 'pending';
  return el('div', { class: `fc-sensing__verdict fc-sensing__verdict--${state}`, attrs: { id }, data: { state } },
    el('span', { class: 'fc-sensing__verdict-label', text: t(labelKey) }),
    el('strong', { class: 'fc-sensing__verdict-value', text: value === null || value === undefined ? '—' : seconds(value) }),
    el('span', { class: 'fc-sensing__verdict-target', text: t('console.sensing.target', { value: formatNumber(target) }) }),
    el('span', { class: 'fc-sensing__verdict-state', text: t(`console.sensing.verdict.${state}`) }));
}

function where(alarm) {
  return [alarm.building, alarm.floor, alarm.zone && t('console.sensing.zone', { zone: alarm.zone })].filter(Boolean).join(' · ');
}

function alarmRow(alarm) {
  const point = [alarm.pointKind ? codeText('pointKind', alarm.pointKind) : null, alarm.pointDescription].filter(Boolean).join(' ');
  return el('li', { class: 'fc-sensing__alarm', attrs: { id: `sensing-alarm-${alarm.id}` }, data: { alarmId: alarm.id, type: alarm.type } },
    el('div', { class: 'fc-sensing__line' },
      el('strong', { class: 'fc-sensing__type', text: codeText('type', alarm.type) }),
      el('span', { class: 'fc-sensing__device', text: alarm.deviceName }),
      point ? el('span', { class: 'fc-sensing__point', text: point }) : null),
    el('div', { class: 'fc-sensing__line fc-sensing__line--sub' },
      el('span', { class: 'fc-sensing__where', text: where(alarm) || t('console.sensing.noWhere') }),
      alarm.confirmedBy
        ? el('span', { class: 'fc-chip fc-sensing__confirmed', data: { confirmedBy: alarm.confirmedBy },
          text: t('console.sensing.confirmedVia', { by: codeText('confirmedBy', alarm.confirmedBy) }) })
        : null));
}

function timingsOf(line, targets) {
  const steps = [['deviceTime', line.deviceTime], ['received', line.receivedAt], ['confirmed', line.confirmedAt], ['incident', line.incidentCreatedAt]];
  return el('div', { class: 'fc-sensing__timings', attrs: { id: 'sensing-timings' } },
    el('dl', { class: 'fc-sensing__steps' }, ...steps.flatMap(([key, at]) => [
      el('dt', { text: t(`console.sensing.step.${key}`) }),
      el('dd', { data: { step: key }, text: at ? clock(at) : '—' })])),
    el('div', { class: 'fc-sensing__verdicts' },
      verdict('sensing-device-to-centre', 'console.sensing.deviceToCentre', line.deviceToCentreSeconds,
        line.deviceToCentreMet, targets.deviceToCentreSeconds),
      verdict('sensing-confirmed-to-incident', 'console.sensing.confirmedToIncident', line.confirmedToIncidentSeconds,
        line.confirmedToIncidentMet, targets.confirmedToIncidentSeconds)));
}

/**
 * Mounts the section in `root`. `placeLink(incidentId)` gives the href of the key place's own plan
 * (the command view's place card), or null to leave the name unlinked.
 */
export function createIncidentSensing(root, { placeLink }) {
  let incident = null;
  let data = null; // { for: id, links, view } of the incident shown
  let seq = 0;
  let asked = null; // 'id|links' of the request in flight

  function render() {
    root.hidden = !incident || !isAutomatic(incident);
    if (root.hidden) { root.replaceChildren(); return; }
    const title = el('h3', { class: 'fc-section__title', text: t('console.sensing.title') });
    const view = data?.for === incident.id ? data.view : null;
    if (!view) {
      root.replaceChildren(title, el('p', { class: 'fc-empty', text: data?.failed ? t('console.sensing.loadFailed') : t('console.sensing.loading') }));
      return;
    }
    if (!view.alarms.length) {
      root.replaceChildren(title, el('p', { class: 'fc-empty', text: t('console.sensing.none') }));
      return;
    }
    const place = view.keyPlace;
    const href = place && placeLink ? placeLink(incident.id) : null;
    root.replaceChildren(title,
      place ? el('p', { class: 'fc-sensing__place', attrs: { id: 'sensing-place' } },
        el('span', { class: 'fc-sensing__place-name', text: place.name }),
        href ? el('a', { class: 'fc-sensing__plan', attrs: { href, id: 'sensing-plan-link' },
          text: t(place.hasOwnPlan ? 'console.sensing.planLink' : 'console.sensing.placeLink') }) : null) : null,
      el('ul', { class: 'fc-sensing__alarms' }, ...view.alarms.map(alarmRow)),
      view.timeline ? timingsOf(view.timeline, view.targets) : null);
  }

  async function load(id, links) {
    if (asked === `${id}|${links}`) return;
    asked = `${id}|${links}`;
    const mine = ++seq;
    try {
      const view = await api.get(`/api/incidents/${encodeURIComponent(id)}/sensing`);
      if (mine !== seq || incident?.id !== id) return; // answered for an incident no longer shown
      data = { for: id, links, view };
    } catch {
      if (mine !== seq || incident?.id !== id) return;
      data = { for: id, links, failed: true };
    } finally {
      if (mine === seq) asked = null;
    }
    render();
  }

  /** Shows `next` (an incident view or null); asks the server again when the incident or its links changed. */
  function show(next) {
    const previousId = incident?.id;
    incident = next;
    if (!next || !isAutomatic(next)) { seq++; asked = null; data = null; render(); return; }
    const links = linkKey(next);
    const stale = data?.for !== next.id || data.links !== links || data.failed;
    if (previousId !== next.id && data?.for !== next.id) data = null;
    render();
    if (stale) load(next.id, links);
  }

  onLanguageChange(render);
  return { show };
}
