// The i18n loader: every user-visible string lives in /i18n/<lang>.json. Chinese is the default
// (the users are a Chinese provincial corps); the choice persists in localStorage and <html lang>
// follows it so fonts, hyphenation and screen readers pick the right language.

const STORAGE_KEY = 'firecommand.lang';
export const LANGUAGES = Object.freeze(['zh-CN', 'en']);
export const DEFAULT_LANGUAGE = 'zh-CN';

let current = DEFAULT_LANGUAGE;
let messages = {};
const listeners = new Set();
const warned = new Set();

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the default
  }
}

function normalise(lang) {
  return LANGUAGES.includes(lang) ? lang : DEFAULT_LANGUAGE;
}

// A page names the extra resource bundles it needs in <meta name="fc-i18n-bundles" content="console,incident">;
// each lives in /i18n/<bundle>.<lang>.json under its own top-level keys, so screens own their strings.
function pageBundles() {
  const meta = document.querySelector('meta[name="fc-i18n-bundles"]');
  return (meta?.content ?? '').split(',').map((b) => b.trim()).filter((b) => /^[a-z-]+$/.test(b));
}

async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Cannot load ${url} (HTTP ${response.status})`);
  return response.json();
}

async function load(lang) {
  const [base, ...extra] = await Promise.all([
    fetchJson(`/i18n/${lang}.json`),
    ...pageBundles().map((bundle) => fetchJson(`/i18n/${bundle}.${lang}.json`)),
  ]);
  messages = Object.assign({}, base, ...extra);
  current = lang;
  document.documentElement.lang = lang;
}

/** Loads the stored (or default) language and translates the page. */
export async function initI18n(root = document) {
  await load(normalise(storedLanguage()));
  applyTranslations(root);
  document.documentElement.classList.remove('fc-i18n-pending');
}

export function currentLanguage() {
  return current;
}

/** The message at a dotted key, with {name} placeholders filled; the key itself when missing. */
export function t(key, params) {
  let value = messages;
  for (const part of key.split('.')) {
    value = value != null && typeof value === 'object' ? value[part] : undefined;
  }
  if (typeof value !== 'string') {
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`i18n: missing "${key}" in ${current}`);
    }
    return key;
  }
  if (!params) return value;
  return value.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** True when the current language has a message at the key (for optional enum names). */
export function has(key) {
  let value = messages;
  for (const part of key.split('.')) {
    value = value != null && typeof value === 'object' ? value[part] : undefined;
  }
  return typeof value === 'string';
}

/** An enum name in the current language, or the raw name when the resource file lacks it. */
export function enumName(group, value) {
  const key = `${group}.${value}`;
  return has(key) ? t(key) : String(value ?? '');
}

export function formatNumber(value, options) {
  return new Intl.NumberFormat(current, options).format(value);
}

/**
 * Fills elements marked in the HTML: data-i18n="key" sets the text; data-i18n-attr="attr:key;attr:key"
 * sets attributes (placeholder, title, aria-label, alt).
 */
export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

/** Switches language, persists the choice, re-translates the page and notifies listeners. */
export async function setLanguage(lang) {
  const next = normalise(lang);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted; the switch still applies to this page
  }
  if (next === current) return;
  await load(next);
  applyTranslations(document);
  for (const listener of listeners) listener(next);
}

/** Registers a callback run after each language switch; returns an unsubscribe function. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
