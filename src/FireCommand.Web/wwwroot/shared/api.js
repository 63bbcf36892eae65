// The API client. Cookie authentication means a forged cross-site POST would carry the cookie, so
// every unsafe method sends the anti-forgery token from GET /api/auth/antiforgery in its header.
// Tokens are bound to the signed-in user: call resetAntiforgery() after login and logout.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_HEADER = 'X-XSRF-TOKEN';

/** A non-2xx response; `problem` is the RFC 9457 ProblemDetails body when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem, retryAfterSeconds) {
    super(problem?.title || problem?.detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? null;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let antiforgery = null;

async function antiforgeryToken() {
  antiforgery ??= send('GET', '/api/auth/antiforgery').catch((error) => {
    antiforgery = null; // do not cache a failure
    throw error;
  });
  return antiforgery;
}

export function resetAntiforgery() {
  antiforgery = null;
}

function retryAfter(response) {
  const raw = response.headers.get('Retry-After');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function send(method, url, body, signal) {
  const headers = { Accept: 'application/json' };
  if (UNSAFE.has(method)) {
    const { token, headerName } = await antiforgeryToken();
    headers[headerName || DEFAULT_HEADER] = token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem, retryAfter(response));
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

async function request(method, url, body, signal) {
  try {
    return await send(method, url, body, signal);
  } catch (error) {
    // A token issued before a login/logout elsewhere (another tab) is stale: refresh once and retry.
    const stale = error instanceof ApiError && error.status === 400 && UNSAFE.has(method) &&
      /anti-?forgery/i.test(`${error.problem?.title ?? ''} ${error.problem?.detail ?? ''}`);
    if (!stale) throw error;
    resetAntiforgery();
    return send(method, url, body, signal);
  }
}

export const api = Object.freeze({
  get: (url, { signal } = {}) => request('GET', url, undefined, signal),
  post: (url, body, { signal } = {}) => request('POST', url, body, signal),
  put: (url, body, { signal } = {}) => request('PUT', url, body, signal),
  patch: (url, body, { signal } = {}) => request('PATCH', url, body, signal),
  delete: (url, { signal } = {}) => request('DELETE', url, undefined, signal),
});
