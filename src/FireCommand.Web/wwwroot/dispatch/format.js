// How the dispatch screens write times, durations, distances, levels and server reasons. Durations
// are mm:ss (what a dispatcher reads off a stopwatch); clock times are 24-hour in the corps' zone.

import { t, has, currentLanguage, formatNumber } from '../shared/i18n.js';
import { el } from './dom.js';
import { corpsFormat, corpsDay } from '../shared/corps-time.js';

/** 75 → "1:15", 3725 → "1:02:05"; null → "—". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function clockFormat(withDate) {
  return corpsFormat(currentLanguage(), {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
  });
}

/** "14:03:27" (or "11-28 14:03:27" when not the corps' today), in the corps' time zone. */
export function clock(iso, { date = false } = {}) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const other = corpsDay(d) !== corpsDay(new Date());
  return clockFormat(date || other).format(d);
}

export function ms(iso) {
  return iso ? new Date(iso).getTime() : null;
}

/** 850 → "850 m", 12 345 → "12.3 km". */
export function distance(meters) {
  if (meters === null || meters === undefined || !Number.isFinite(meters)) return '—';
  return meters < 1000
    ? t('dispatch.units.meters', { value: formatNumber(Math.round(meters)) })
    : t('dispatch.units.kilometers', { value: formatNumber(meters / 1000, { maximumFractionDigits: 1 }) });
}

/** A server DecisionReason in the current language. */
export function reasonText(reason) {
  if (!reason) return '';
  if (typeof reason === 'string') return reason;
  return currentLanguage() === 'en' ? (reason.english || reason.chinese || reason.code) : (reason.chinese || reason.english || reason.code);
}

// A unit's task is stored on its assignment as the plan slot's Chinese name (what the order said);
// the English names come from the plans in force and from every recommendation seen.
const slotEnglish = new Map();

/** Remembers the English names of plan slots ({chinese, english} or the plan document's {zh, en}). */
export function learnSlotNames(slots) {
  for (const s of slots ?? []) {
    const chinese = s?.chinese ?? s?.zh;
    const english = s?.english ?? s?.en;
    if (chinese && english) slotEnglish.set(chinese, english);
  }
}

/** A plan slot label ({chinese, english}) or a stored slot string in the current language. */
export function slotText(slot) {
  if (!slot) return '';
  const english = currentLanguage() === 'en';
  if (typeof slot === 'string') return english ? (slotEnglish.get(slot) ?? slot) : slot;
  return english ? (slot.english || slot.chinese) : (slot.chinese || slot.english);
}

export function typeText(type) {
  return has(`dispatch.incidentType.${type}`) ? t(`dispatch.incidentType.${type}`) : String(type ?? '');
}

/** A known subtype code in words; free text as typed. */
export function subtypeText(subtype) {
  if (!subtype) return '';
  return has(`dispatch.subtype.${subtype}`) ? t(`dispatch.subtype.${subtype}`) : subtype;
}

export function stateText(state) {
  return has(`dispatch.state.${state}`) ? t(`dispatch.state.${state}`) : String(state ?? '');
}

export function sourceText(source) {
  return has(`dispatch.source.${source}`) ? t(`dispatch.source.${source}`) : String(source ?? '');
}

export function apparatusText(type) {
  return has(`apparatusType.${type}`) ? t(`apparatusType.${type}`) : String(type ?? '');
}

export function unitStatusText(code) {
  return has(`unitStatus.${code}`) ? t(`unitStatus.${code}`) : t('unitStatus.unknown');
}

/** The fire level badge: "2级" / "L2", coloured by level. */
export function levelBadge(level, extraClass = '') {
  return el('span', {
    class: ['fc-level', `fc-level--${level}`, extraClass],
    text: t('dispatch.levelShort', { level }),
    title: t('dispatch.levelLong', { level }),
  });
}

/** The state pill: 新警情 / 已调派 / 处置中 / 收尾 / 已结案. */
export function statePill(state) {
  return el('span', { class: ['fc-state', `fc-state--${state}`], text: stateText(state) });
}

/** A call sign without its station prefix ("麓谷特勤站 主战1" → "主战1") for tiles inside a station group. */
export function shortCallSign(callSign) {
  const text = String(callSign ?? '');
  const space = text.lastIndexOf(' ');
  return space > 0 ? text.slice(space + 1) : text;
}

// The server's refusals are English sentences with the facts in them; the common ones are said again
// in the user's language (the original stays available as the element's title for support calls).
const SERVER_SENTENCES = [
  [/^Unit status cannot change from (\d+) to (\d+)\.?$/, (m) => t('dispatch.server.illegalMove', {
    from: `${m[1]} ${unitStatusText(Number(m[1]))}`, to: `${m[2]} ${unitStatusText(Number(m[2]))}`,
  })],
  [/^Release these units before closing: (.+)$/, (m) => t('dispatch.server.unitsWorking', { units: m[1] })],
  [/^(.+) is in status (\d+)(?: on incident (\d+))?\.$/, (m) => t('dispatch.server.unitBusy', {
    unit: m[1], status: `${m[2]} ${unitStatusText(Number(m[2]))}`,
  })],
  [/^Another dispatcher sent one of these units/, () => t('dispatch.server.raced')],
  [/^Incident in state (\w+) cannot (.+)\.$/, (m) => t('dispatch.server.illegalIncident', { state: stateText(m[1]) })],
];

export function localizeDetail(detail) {
  if (!detail) return detail;
  for (const [pattern, say] of SERVER_SENTENCES) {
    const m = pattern.exec(detail.trim());
    if (m) return say(m);
  }
  return detail;
}

/** A ProblemDetails (or any error) as one readable sentence, prefixed in the user's language. */
export function problemText(error, fallbackKey = 'dispatch.errors.generic') {
  const problem = error?.problem;
  if (problem) {
    const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
    const detail = [localizeDetail(problem.detail), ...fieldErrors].filter(Boolean).join(' ');
    if (error.status === 403) return t('dispatch.errors.forbidden');
    return detail || problem.title || t(fallbackKey, { status: error.status });
  }
  if (error?.status === 403) return t('dispatch.errors.forbidden');
  if (error?.status) return t(fallbackKey, { status: error.status });
  if (error instanceof TypeError) return t('dispatch.errors.network');
  if (error?.message) return error.message; // our own validation messages, already translated
  return t(fallbackKey, { status: '—' });
}
