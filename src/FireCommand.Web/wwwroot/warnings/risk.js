// The places most at risk (GET /api/sensing/risk): score in its level's colour, name, trend and the
// reasons that weigh most, each named in the user's language as on the One Map's risk layer.

import { t, has, formatNumber, onLanguageChange } from '../shared/i18n.js';
import { el } from '../dispatch/dom.js';

export const RISK_LIMIT = 10;
const TOP_REASONS = 3;
const TREND_ARROWS = Object.freeze({ Rising: '↑', Steady: '→', Falling: '↓' });

/** As the map's risk card names a reason: with its figure where it has one, "other" when unknown. */
function reasonText(reason) {
  const key = `riskReason.${reason.code}`;
  if (!has(key)) return t('riskReason.other');
  const valued = `riskReasonValue.${reason.code}`;
  if (reason.value != null && has(valued)) return t(valued, { value: formatNumber(reason.value, { maximumFractionDigits: 1 }) });
  return t(key);
}

export function createRiskList(container) {
  let places = null;
  let error = null;

  function render() {
    if (error) {
      container.replaceChildren(el('p', { class: 'fc-warn__error', attrs: { role: 'alert' }, text: error }));
      return;
    }
    if (!places) return;
    if (places.length === 0) {
      container.replaceChildren(el('p', { class: 'fc-warn__empty', text: t('warnings.risk.empty') }));
      return;
    }
    container.replaceChildren(el('ol', { class: 'fc-risk-list', attrs: { id: 'risk-places' } }, places.map((p) => el('li', { data: { placeId: p.id } },
      el('span', { class: 'fc-risk-list__score', data: { level: p.level }, title: has(`riskLevel.${p.level}`) ? t(`riskLevel.${p.level}`) : '',
        text: formatNumber(p.score, { maximumFractionDigits: 0 }) }),
      el('span', { class: 'fc-risk-list__name', text: p.name, title: p.name }),
      el('span', { class: 'fc-risk-list__trend', data: { trend: p.trend },
        text: `${TREND_ARROWS[p.trend] ?? ''} ${has(`riskTrend.${p.trend}`) ? t(`riskTrend.${p.trend}`) : ''}`.trim() }),
      el('span', { class: 'fc-risk-list__reasons',
        text: (p.reasons ?? []).slice(0, TOP_REASONS).map(reasonText).join(t('common.separator')) || t('risk.noReasons') })))));
  }
  onLanguageChange(render);

  return {
    set(list) { places = list; error = null; render(); },
    fail(message) { error = message; render(); },
  };
}
