// Popup contents for every clickable map object, built when the popup opens so they are always in
// the current language. Built from DOM nodes with textContent: names and addresses come from data
// and are never parsed as HTML.

import { t, has, enumName, formatNumber } from '../shared/i18n.js';
import { STATION_RETIRED, UNIT_STATUS_COLOURS, keyPlaceGroup, incidentColour } from './symbols.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function present(value) {
  return value !== undefined && value !== null && value !== '';
}

/** A titled card with label/value rows; rows whose value is empty are left out. */
export function card(title, subtitle, rows, accent) {
  const root = element('div', 'fc-popup');
  const head = element('div', 'fc-popup__head');
  if (accent) {
    const chip = element('span', 'fc-popup__chip');
    chip.style.background = accent;
    head.append(chip);
  }
  head.append(element('div', 'fc-popup__title', title));
  root.append(head);
  if (subtitle) root.append(element('div', 'fc-popup__subtitle', subtitle));
  const list = element('dl', 'fc-popup__rows');
  for (const [labelKey, value] of rows) {
    if (!present(value)) continue;
    list.append(element('dt', null, t(labelKey)));
    const dd = element('dd');
    if (value instanceof Node) dd.append(value);
    else dd.textContent = String(value);
    list.append(dd);
  }
  if (list.childElementCount) root.append(list);
  return root;
}

function number(value, digits = 0) {
  return present(value) ? formatNumber(value, { maximumFractionDigits: digits }) : null;
}

/** "22 到场": the GA/T 974.39 code dispatchers know, then its name in the current language. */
export function unitStatusText(code) {
  const name = UNIT_STATUS_COLOURS[code] ? t(`unitStatus.${code}`) : t('unitStatus.unknown');
  return present(code) ? `${code} ${name}` : name;
}

export function stationPopup(p, lookups) {
  return card(p.name, enumName('stationKind', p.kind), [
    ['popup.jurisdiction', lookups.jurisdictionName(p.jurisdictionId)],
    ['popup.address', p.address],
    ['popup.phone', p.phone],
    ['popup.units', number(p.unitCount)],
    ['popup.responseArea', present(p.districtAreaSquareKilometers)
      ? t('popup.squareKilometers', { value: number(p.districtAreaSquareKilometers, 1) }) : null],
    ['popup.register', p.retired ? t('popup.retired') : null],
  ]);
}

export function unitPopup(p) {
  const status = element('span', 'fc-popup__status');
  const dot = element('span', 'fc-popup__dot');
  dot.style.background = UNIT_STATUS_COLOURS[p.status] ?? '#fff';
  status.append(dot, document.createTextNode(unitStatusText(p.status)));
  return card(p.callSign, enumName('apparatusType', p.type), [
    ['popup.status', status],
    ['popup.station', p.stationName],
  ]);
}

export function waterSourcePopup(p) {
  return card(p.code, enumName('waterSourceKind', p.kind), [
    ['popup.inService', t(p.inService === false ? 'popup.inServiceNo' : 'popup.inServiceYes')],
    ['popup.flow', present(p.flowLitersPerSecond) ? t('popup.flowValue', { value: number(p.flowLitersPerSecond, 1) }) : null],
    ['popup.address', p.address],
  ]);
}

/** A key place's name as the map shows it: a retired place says so. */
export function keyPlaceName(p) {
  return p.retired ? t('keyPlaces.retiredName', { name: p.name ?? '' }) : (p.name ?? '');
}

export function keyPlacePopup(p) {
  const categories = (p.categories ?? []).map((c) => enumName('keyPlaceCategory', c)).join(t('common.separator'));
  const group = keyPlaceGroup(p.categories);
  return card(keyPlaceName(p), enumName('keyPlaceGroup', group.id), [
    ['popup.categories', categories],
    ['popup.address', p.address],
    ['popup.floors', number(p.floors)],
    ['popup.height', present(p.heightMeters) ? t('popup.heightValue', { value: number(p.heightMeters, 1) }) : null],
    ['popup.register', p.retired ? t('popup.retired') : null],
  ], p.retired ? STATION_RETIRED : group.colour);
}

/** "12 分 05 秒" / "1 小时 03 分": how long an incident has been open, as a dispatcher says it. */
export function elapsedText(seconds) {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  if (h > 0) return t('time.hoursMinutes', { h, m: pad(m) });
  if (m > 0) return t('time.minutesSeconds', { m, s: pad(s) });
  return t('time.seconds', { s });
}

/** The elapsed time since `iso`, in an element the incidents layer ticks while the popup is open. */
export function elapsedElement(iso) {
  const since = Date.parse(iso);
  if (!Number.isFinite(since)) return null;
  const el = element('span', 'fc-popup__elapsed', elapsedText((Date.now() - since) / 1000));
  el.dataset.since = String(since);
  return el;
}

export function incidentPopup(p) {
  const level = element('span', 'fc-popup__level', t('incident.levelValue', { level: p.fireLevel }));
  const type = enumName('incidentType', p.type);
  const subtype = p.subtype ? (has(`incidentSubtype.${p.subtype}`) ? t(`incidentSubtype.${p.subtype}`) : p.subtype) : null;
  const root = card(p.number || `#${p.id}`, subtype ? `${type} · ${subtype}` : type, [
    ['popup.fireLevel', level],
    ['popup.state', enumName('incidentState', p.state)],
    ['popup.address', p.address],
    ['popup.elapsed', elapsedElement(p.receivedAt)],
  ], incidentColour(p.type));
  const link = element('a', 'fc-popup__link', t('popup.openCommand'));
  link.href = `/incident.html?id=${encodeURIComponent(p.id)}`;
  root.append(link);
  return root;
}
