// The server's clock as seen from this browser. Timers tick locally every second from the server's
// timestamps; a workstation whose clock is a minute off would otherwise show every call as overdue
// (or never). The offset comes from the HTTP Date header (1 s resolution) and is applied only when
// it matters.

let offsetMs = 0;

/** Milliseconds since the epoch on the server's clock. */
export function serverNow() {
  return Date.now() + offsetMs;
}

export function clockOffsetMs() {
  return offsetMs;
}

/** Measures the offset once; failures leave the local clock in charge. */
export async function syncClock() {
  try {
    const before = Date.now();
    const response = await fetch('/health', { cache: 'no-store', credentials: 'same-origin' });
    const after = Date.now();
    const header = response.headers.get('Date');
    if (!header) return;
    // The header truncates to the second: the true server time is on average half a second later.
    const server = Date.parse(header) + 500;
    const offset = server - (before + after) / 2;
    offsetMs = Math.abs(offset) > 1500 ? offset : 0;
  } catch {
    offsetMs = 0;
  }
}
