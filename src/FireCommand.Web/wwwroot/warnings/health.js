// Device health (GET /api/sensing/device-health): how many devices are online, offline, in fault or
// shielded, and the devices that are not healthy with what is wrong, each opening its message log.

import { t, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { el, button } from '../dispatch/dom.js';
import { clock } from '../dispatch/format.js';
import { pill, location } from './format.js';

const COUNTS = ['devices', 'online', 'offline', 'faulty', 'shielded'];

export function createHealth(container, { messages }) {
  let report = null;
  let error = null;

  function device(d) {
    const seen = d.lastSeenAt ? t('warnings.health.lastSeen', { time: clock(d.lastSeenAt) }) : t('warnings.health.neverSeen');
    return el('li', { data: { deviceId: d.id } },
      el('div', { class: 'fc-health__what' },
        el('div', { class: 'fc-alarms__place', text: d.name }),
        el('span', { class: 'fc-alarms__where', text: [d.placeName, location(d, null)].filter((s) => s).join(' · ') }),
        el('span', { class: 'fc-alarms__sub', text: `${d.deviceKey} · ${seen}` }),
        el('div', { class: 'fc-health__problems' }, d.problems.map((p) => pill('alarmType', p.type)))),
      button(t('warnings.alarms.messages'), { class: 'fc-warn__btn fc-warn__btn--link', data: { action: 'messages' },
        on: { click: () => messages(d.id, d.name) } }));
  }

  function render() {
    if (error) {
      container.replaceChildren(el('p', { class: 'fc-warn__error', attrs: { role: 'alert' }, text: error }));
      return;
    }
    if (!report) return;
    const total = report.total;
    if (total.devices === 0) {
      container.replaceChildren(el('p', { class: 'fc-warn__empty', attrs: { id: 'health-empty' }, text: t('warnings.health.noDevices') }));
      return;
    }
    const counts = el('dl', { class: 'fc-health__counts', attrs: { id: 'health-counts' } }, COUNTS.map((key) =>
      el('div', { data: { count: key } }, el('dt', { text: t(`warnings.health.${key}`) }), el('dd', { text: formatNumber(total[key]) }))));
    const unhealthy = total.devices - total.healthy;
    const more = unhealthy - report.unhealthy.length;
    container.replaceChildren(counts,
      el('h3', { class: 'fc-health__subtitle', text: `${t('warnings.health.unhealthy')} (${formatNumber(unhealthy)})` }),
      report.unhealthy.length
        ? el('ul', { class: 'fc-health__list', attrs: { id: 'unhealthy-devices' } }, report.unhealthy.map(device))
        : el('p', { class: 'fc-warn__empty', text: t('warnings.health.empty') }),
      ...(more > 0 ? [el('p', { class: 'fc-warn__note', text: t('warnings.health.more', { count: formatNumber(more) }) })] : []));
  }
  onLanguageChange(render);

  return {
    set(next) { report = next; error = null; render(); },
    fail(message) { error = message; render(); },
    get report() { return report; },
  };
}
