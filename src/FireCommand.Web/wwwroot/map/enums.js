// Enum values as names. The HTTP API sends enums as names ("Fire", "Received"); the live channel's
// events have arrived with their numeric values (SignalR's JSON protocol does not share the API's
// string-enum setting), so live payloads are normalised here before any layer reads them. The
// numbers are the server's enum values (FireCommand.Core: IncidentType, IncidentState, ApparatusType).

const INCIDENT_TYPES = Object.freeze({ 1: 'Fire', 2: 'Rescue', 3: 'SocialAssistance', 4: 'SecurityDuty', 5: 'FalseAlarm' });
const INCIDENT_STATES = Object.freeze({ 1: 'Received', 2: 'Dispatched', 3: 'Working', 4: 'Closing', 5: 'Closed' });
const APPARATUS_TYPES = Object.freeze({
  1: 'WaterTender', 2: 'Foam', 3: 'MainPumper', 4: 'AerialPlatform', 5: 'Ladder', 6: 'ElevatingJet', 7: 'Rescue',
  8: 'SmokeExtraction', 9: 'Lighting', 10: 'Command', 11: 'AirSupply', 12: 'Equipment', 13: 'Decontamination',
  14: 'LongDistanceWaterSupply', 15: 'Motorcycle',
});

const nameOf = (table, value) => (typeof value === 'number' ? table[value] ?? String(value) : value);

export const incidentTypeName = (value) => nameOf(INCIDENT_TYPES, value);
export const incidentStateName = (value) => nameOf(INCIDENT_STATES, value);
export const apparatusTypeName = (value) => nameOf(APPARATUS_TYPES, value);
