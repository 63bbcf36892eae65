// What arrives on the live channel, in the API's shape. The HTTP API writes enums as names
// ("Received", "Fire"); the hub's payloads carry the same records with enums as numbers (SignalR's
// JSON protocol has no string-enum converter). The screens compare names, so live payloads are
// normalised here; a name passes through unchanged, so a server-side fix needs no change here.

const INCIDENT_TYPE = ['', 'Fire', 'Rescue', 'SocialAssistance', 'SecurityDuty', 'FalseAlarm'];
const INCIDENT_STATE = ['', 'Received', 'Dispatched', 'Working', 'Closing', 'Closed'];
const ALARM_SOURCE = ['', 'Call119', 'AutomaticFireAlarm', 'Police110', 'Medical120', 'AppOrSms'];
const APPARATUS = ['', 'WaterTender', 'Foam', 'MainPumper', 'AerialPlatform', 'Ladder', 'ElevatingJet', 'Rescue',
  'SmokeExtraction', 'Lighting', 'Command', 'AirSupply', 'Equipment', 'Decontamination', 'LongDistanceWaterSupply', 'Motorcycle'];
const TIMER_KIND = ['', 'CallProcessing', 'Turnout', 'Travel', 'FullFirstAlarm', 'StationReach', 'Total'];

const name = (table, value) => (typeof value === 'number' ? (table[value] || String(value)) : value);

export function incidentFromWire(view) {
  if (!view || typeof view !== 'object') return view;
  return {
    ...view,
    type: name(INCIDENT_TYPE, view.type),
    state: name(INCIDENT_STATE, view.state),
    source: name(ALARM_SOURCE, view.source),
    alarms: (view.alarms ?? []).map((a) => ({ ...a, source: name(ALARM_SOURCE, a.source) })),
  };
}

export function unitFromWire(view) {
  if (!view || typeof view !== 'object') return view;
  return { ...view, type: name(APPARATUS, view.type) };
}

export function timerAlertFromWire(alert) {
  if (!alert || typeof alert !== 'object') return alert;
  return { ...alert, kind: name(TIMER_KIND, alert.kind) };
}
