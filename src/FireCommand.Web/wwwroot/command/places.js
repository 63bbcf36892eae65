// Around the incident: the key place it is at (its facts and its own response plan, 单位预案) and
// the risk places within reach (high-rise, underground, petrochemical, crowded…), nearest first;
// and the nearest water sources by road. Clicking a row centres the map on it.

import { t, has, currentLanguage, formatNumber } from '../shared/i18n.js';
import { el } from '../dispatch/dom.js';
import { duration, distance } from '../dispatch/format.js';
import { keyPlaceGroup } from '../map/symbols.js';

const categoryText = (c) => (has(`keyPlaceCategory.${c}`) ? t(`keyPlaceCategory.${c}`) : c);

/**
 * The mark of a record kept by another jurisdiction. The API gives such a record's name (or code),
 * kind and position only (docs/security.md, "Across a border"); the row says so instead of offering
 * details it does not have.
 */
function otherJurisdictionFlag(titleKey) {
  return el('span', { class: 'fc-flag fc-flag--cross fc-cmd-list__flag', text: t('command.nearby.otherJurisdiction'), title: t(titleKey) });
}

/** The nearest water sources by road, numbered as on the map. */
export function renderWater(root, list, { onFocus }) {
  if (!list) {
    root.replaceChildren(el('p', { class: 'fc-note fc-note--warn', text: t('command.water.unavailable') }));
    return;
  }
  if (!list.length) {
    root.replaceChildren(el('p', { class: 'fc-empty', text: t('command.water.none') }));
    return;
  }
  root.replaceChildren(el('ol', { class: 'fc-cmd-list', attrs: { id: 'water-list' } }, ...list.map((w, i) => el('li', {},
    el('button', {
      class: 'fc-cmd-list__row',
      attrs: { type: 'button' },
      data: { waterId: w.id, otherJurisdiction: w.otherJurisdiction ? 'true' : null },
      on: { click: () => onFocus(w.latitude, w.longitude) },
    },
    el('span', { class: 'fc-cmd-water fc-cmd-water--inline' }, el('span', { text: String(i + 1) })),
    el('span', { class: 'fc-cmd-list__main' },
      el('span', { class: 'fc-cmd-list__name' }, el('span', { class: 'fc-cmd-list__text', text: w.code }), w.otherJurisdiction ? otherJurisdictionFlag('command.water.otherJurisdictionLong') : null),
      el('span', { class: 'fc-cmd-list__sub', text: [has(`waterSourceKind.${w.kind}`) ? t(`waterSourceKind.${w.kind}`) : w.kind, w.inService === false ? t('waterSourceKind.outOfService') : null].filter(Boolean).join(' · ') })),
    el('span', { class: 'fc-cmd-list__figure' },
      el('strong', { text: w.travelSeconds !== null && w.travelSeconds !== undefined ? duration(w.travelSeconds) : t('command.water.noRoad') }),
      el('span', { text: t('command.water.straight', { distance: distance(w.straightLineMeters) }) })))))));
}

/** A key place's own response plan (PlanSet JSON: { plans: [{ type, level, subtype?, place?, slots: [{ count, zh, en }] }] }). */
function planView(plan) {
  const rows = Array.isArray(plan?.plans) ? plan.plans : null;
  if (!rows) return el('pre', { class: 'fc-cmd-plan__raw', text: JSON.stringify(plan, null, 2) });
  const en = currentLanguage() === 'en';
  return el('ul', { class: 'fc-cmd-plan' }, ...rows.map((row) => el('li', {},
    el('strong', { text: [
      has(`dispatch.incidentType.${row.type}`) ? t(`dispatch.incidentType.${row.type}`) : row.type,
      row.level ? t('dispatch.levelShort', { level: row.level }) : null,
      row.subtype ? (has(`dispatch.subtype.${row.subtype}`) ? t(`dispatch.subtype.${row.subtype}`) : row.subtype) : null,
    ].filter(Boolean).join(' · ') }),
    ' ',
    (row.slots ?? []).map((s) => `${(en ? s.en : s.zh) ?? s.zh ?? s.en ?? s.capability} ×${s.count ?? 1}`).join(t('common.separator')))));
}

export function renderKeyPlace(root, surroundings, incident) {
  if (surroundings === undefined) {
    root.replaceChildren(el('p', { class: 'fc-note fc-note--warn', text: t('command.place.unavailable') }));
    return;
  }
  const place = surroundings?.keyPlace;
  if (!place) {
    root.replaceChildren(el('p', { class: 'fc-empty', text: incident?.keyPlaceId ? t('command.place.hidden') : t('command.place.none') }));
    return;
  }
  const group = keyPlaceGroup(place.categories);
  const facts = [
    ['command.place.categories', (place.categories ?? []).map(categoryText).join(t('common.separator'))],
    ['command.place.address', place.address],
    ['command.place.floors', place.floors !== null && place.floors !== undefined ? t('command.place.floorsValue', { floors: place.floors, height: place.heightMeters ?? '—' }) : null],
    ['command.place.occupants', place.occupants !== null && place.occupants !== undefined ? formatNumber(place.occupants) : null],
    ['command.place.contact', [place.responsiblePerson, place.phone].filter(Boolean).join(' · ') || null],
  ].filter(([, value]) => value);
  const head = el('div', { class: 'fc-cmd-place-head' });
  const glyph = el('span', { class: 'fc-cmd-place__body', text: t(`keyPlaceGlyph.${group.id}`) });
  glyph.style.background = group.colour;
  head.append(glyph, el('strong', { attrs: { id: 'key-place-name' }, text: place.name }));
  root.replaceChildren(head,
    el('dl', { class: 'fc-cmd-facts' }, ...facts.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })])),
    el('h3', { class: 'fc-cmd-subtitle', text: t('command.place.ownPlan') }),
    place.ownPlan ? planView(place.ownPlan) : el('p', { class: 'fc-empty', text: t('command.place.noOwnPlan') }));
}

export function renderNearby(root, surroundings, { onFocus }) {
  if (surroundings === undefined) {
    root.replaceChildren(el('p', { class: 'fc-note fc-note--warn', text: t('command.place.unavailable') }));
    return;
  }
  const list = (surroundings?.nearbyKeyPlaces ?? []).filter((p) => p.id !== surroundings?.keyPlace?.id);
  if (!list.length) {
    root.replaceChildren(el('p', { class: 'fc-empty', text: t('command.nearby.none') }));
    return;
  }
  root.replaceChildren(el('ul', { class: 'fc-cmd-list', attrs: { id: 'nearby-list' } }, ...list.slice(0, 12).map((p) => {
    const group = keyPlaceGroup(p.categories);
    const glyph = el('span', { class: 'fc-cmd-place__body', text: t(`keyPlaceGlyph.${group.id}`) });
    glyph.style.background = group.colour;
    // A place across the border has no id: its row only shows it on the map.
    return el('li', {}, el('button', {
      class: ['fc-cmd-list__row', p.otherJurisdiction && 'is-other-jurisdiction'],
      attrs: { type: 'button' },
      data: { placeId: p.otherJurisdiction ? null : p.id, otherJurisdiction: p.otherJurisdiction ? 'true' : null },
      on: { click: () => onFocus(p.latitude, p.longitude) },
    },
    glyph,
    el('span', { class: 'fc-cmd-list__main' },
      el('span', { class: 'fc-cmd-list__name' }, el('span', { class: 'fc-cmd-list__text', text: p.name }),
        p.otherJurisdiction ? otherJurisdictionFlag('command.nearby.otherJurisdictionLong') : null),
      el('span', { class: 'fc-cmd-list__sub', text: (p.categories ?? []).map(categoryText).join(t('common.separator')) })),
    el('span', { class: 'fc-cmd-list__figure' }, el('strong', { text: distance(p.distanceMeters) }))));
  })));
}
