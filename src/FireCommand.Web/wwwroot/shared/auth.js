// The auth guard and session calls. The server enforces every rule; this only decides where the
// browser goes (a page without a session goes to the login page and comes back afterwards).

import { api, ApiError, resetAntiforgery } from './api.js';
import { setCorpsTimeZone } from './corps-time.js';

const LOGIN_PAGE = '/login.html';

/** The signed-in user from GET /api/auth/me, or null when there is no session. */
export async function currentUser() {
  try {
    const user = await api.get('/api/auth/me');
    setCorpsTimeZone(user?.timeZone);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The login page URL that brings the user back to `returnTo` (the current page by default). */
export function loginUrl(returnTo = location.pathname + location.search + location.hash) {
  const back = safeReturnUrl(returnTo);
  return back === '/' ? LOGIN_PAGE : `${LOGIN_PAGE}?returnUrl=${encodeURIComponent(back)}`;
}

/**
 * Resolves with the signed-in user; without a session it sends the browser to the login page and
 * never resolves, so the page's code stops there.
 */
export async function requireUser() {
  const user = await currentUser();
  if (user) return user;
  location.replace(loginUrl());
  return new Promise(() => {});
}

/** POST /api/auth/login with a token fetched for the anonymous session, then a fresh one for the user. */
export async function login(userName, password) {
  resetAntiforgery();
  const user = await api.post('/api/auth/login', { userName, password });
  resetAntiforgery();
  return user;
}

export async function logout() {
  try {
    await api.post('/api/auth/logout');
  } finally {
    resetAntiforgery();
  }
}

/**
 * A return URL is honoured only when it is a path on this site: "/x" yes; "//evil", "/\\evil",
 * "https://evil" and anything that resolves to another origin no (open-redirect defence).
 */
export function safeReturnUrl(raw) {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  try {
    const url = new URL(raw, location.origin);
    if (url.origin !== location.origin || url.pathname === LOGIN_PAGE) return '/';
    const path = url.pathname === '/index.html' ? '/' : url.pathname;
    return path + url.search + url.hash;
  } catch {
    return '/';
  }
}
