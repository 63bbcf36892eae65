// The corps' clock in the browser. Clock times on every screen are written in the corps' time zone
// (Corps:TimeZone on the server, Asia/Shanghai by default), not in the workstation's: a dispatcher
// whose browser runs on UTC, or a commander travelling with a laptop, must read the same 14:03 as
// the radio log and the incident number.

let zone = 'Asia/Shanghai';

/** Called with the zone the server names in /api/auth/me; an id this browser does not know is ignored. */
export function setCorpsTimeZone(id) {
  if (!id) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    zone = id;
  } catch {
    console.warn(`Unknown time zone ${id}; clock times stay in ${zone}.`);
  }
}

export function corpsTimeZone() {
  return zone;
}

const formats = new Map();

/** An Intl.DateTimeFormat for `language` in the corps' zone, cached per language, zone and options. */
export function corpsFormat(language, options) {
  const key = `${language}|${zone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/** "HH:mm:ss" on the 24-hour clock in the corps' zone. */
export function corpsClock(date, language) {
  return corpsFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}

const dayFormats = new Map();

/** "YYYY-MM-DD" of `date` in `timeZone` (an IANA id); one formatter per zone, reused. */
export function dayIn(date, timeZone) {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** "YYYY-MM-DD" of `date` in the corps' zone: the corps' day, whatever the browser's zone. */
export function corpsDay(date) {
  return dayIn(date, zone);
}
