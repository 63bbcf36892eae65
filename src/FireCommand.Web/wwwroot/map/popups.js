// Popup contents for every clickable map object, built when the popup opens so they are always in
// the current language. Built from DOM nodes with textContent: names and addresses come from data
// and are never parsed as HTML.

import { t, enumName, formatNumber } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS, keyPlaceGroup } from './symbols.js';

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
function card(title, subtitle, rows, accent) {
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

export function keyPlacePopup(p) {
  const categories = (p.categories ?? []).map((c) => enumName('keyPlaceCategory', c)).join(t('common.separator'));
  const group = keyPlaceGroup(p.categories);
  return card(p.name, enumName('keyPlaceGroup', group.id), [
    ['popup.categories', categories],
    ['popup.address', p.address],
    ['popup.floors', number(p.floors)],
    ['popup.height', present(p.heightMeters) ? t('popup.heightValue', { value: number(p.heightMeters, 1) }) : null],
  ], group.colour);
}
