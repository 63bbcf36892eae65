// A place's risk card: score and level, the trend since the previous reading, and the reasons that
// weigh most, each named in the user's language (the codes never reach the screen).

import { t, has, formatNumber } from '../../shared/i18n.js';
import { card } from '../popups.js';

/** The four-colour scheme of risk levels: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_COLOURS = Object.freeze({
  Low: '#1e88e5',
  General: '#fdd835',
  Considerable: '#fb8c00',
  Major: '#e53935',
});

const TOP_REASONS = 4;
const TREND_ARROWS = Object.freeze({ Rising: '↑', Steady: '→', Falling: '↓' });

/** The reason's name, with its count or value where it has one ("故障 2 处", "高度 120 米"). */
export function reasonText(reason) {
  const key = `riskReason.${reason.code}`;
  if (!has(key)) return t('riskReason.other');
  const valued = `riskReasonValue.${reason.code}`;
  if (reason.value != null && has(valued)) return t(valued, { value: formatNumber(reason.value, { maximumFractionDigits: 1 }) });
  return t(key);
}

export function riskPopup(p) {
  const colour = RISK_COLOURS[p.level];
  const reasons = document.createElement('ol');
  reasons.className = 'fc-risk-reasons';
  for (const reason of (p.reasons ?? []).slice(0, TOP_REASONS)) {
    const item = document.createElement('li');
    item.dataset.reason = reason.code;
    item.textContent = `${reasonText(reason)} +${formatNumber(reason.points, { maximumFractionDigits: 1 })}`;
    reasons.append(item);
  }
  const trend = document.createElement('span');
  trend.className = `fc-risk-trend fc-risk-trend--${String(p.trend).toLowerCase()}`;
  trend.textContent = `${TREND_ARROWS[p.trend] ?? ''} ${has(`riskTrend.${p.trend}`) ? t(`riskTrend.${p.trend}`) : ''}`.trim();
  const level = has(`riskLevel.${p.level}`) ? t(`riskLevel.${p.level}`) : '';
  return card(p.name, level, [
    ['risk.score', t('risk.scoreValue', { value: formatNumber(p.score, { maximumFractionDigits: 1 }) })],
    ['risk.trend', trend],
    ['risk.reasons', reasons.childElementCount ? reasons : t('risk.noReasons')],
  ], colour);
}
