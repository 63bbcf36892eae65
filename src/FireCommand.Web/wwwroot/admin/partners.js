// The partner registry for admins (三台联动): the 110/120 and other agencies' systems, their scopes, area and last
// use; register one, issue or rotate its key (shown once, with a copy button), revoke the key, disable or enable.
// Everything goes through /api/partners, which checks the role and the jurisdiction and audits each change.

import { initI18n, t, enumName, onLanguageChange, currentLanguage } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { requireUser, loginUrl } from '../shared/auth.js';
import { mountHeader } from '../shared/header.js';
import { corpsFormat } from '../shared/corps-time.js';

const KINDS = Object.freeze(['Police110', 'Medical120', 'Other']);
const SCOPES = Object.freeze(['transfer-in', 'receive-transfers', 'read-own']);

const state = { partners: [], jurisdictions: [], busy: false };
const $ = (id) => document.getElementById(id);

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

function when(iso) {
  if (!iso) return null;
  return corpsFormat(currentLanguage(), { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
}

function jurisdictionName(id) {
  return state.jurisdictions.find((j) => j.id === id)?.name ?? `#${id}`;
}

function showBanner(error) {
  const banner = $('partners-banner');
  if (!error) {
    banner.hidden = true;
    return;
  }
  if (error instanceof ApiError && error.status === 401) {
    location.replace(loginUrl());
    return;
  }
  console.error(error);
  banner.textContent = error instanceof ApiError
    ? (error.status === 403 ? t('admin.partners.forbidden') : t('admin.partners.failed', { status: error.status }))
    : t('admin.partners.unreachable');
  banner.hidden = false;
}

function button(key, className, onClick, label) {
  const b = element('button', `fc-button ${className ?? ''}`.trim(), t(key));
  b.type = 'button';
  if (label) b.setAttribute('aria-label', label);
  b.disabled = state.busy;
  b.addEventListener('click', onClick);
  return b;
}

function row(p) {
  const tr = element('tr', p.enabled ? null : 'is-disabled');
  tr.dataset.code = p.code;
  tr.append(element('td', null, p.code), element('td', null, p.name), element('td', null, enumName('admin.partnerKind', p.kind)),
    element('td', null, jurisdictionName(p.jurisdictionId)));
  const scopes = element('td');
  if (p.scopes.length === 0) scopes.append(element('span', 'fc-admin__muted', t('admin.partners.noScopes')));
  for (const s of p.scopes) scopes.append(element('span', 'fc-admin__chip', enumName('admin.scope', s)));
  tr.append(scopes);
  const key = element('td');
  if (p.keyId) {
    key.append(element('code', null, p.keyId), element('div', 'fc-admin__muted', t('admin.partners.issuedAt', { time: when(p.keyIssuedAt) })));
  } else key.append(element('span', 'fc-admin__muted', t('admin.partners.noKey')));
  tr.append(key);
  tr.append(element('td', p.lastUsedAt ? null : 'fc-admin__muted', when(p.lastUsedAt) ?? t('admin.partners.never')));
  const actions = element('div', 'fc-admin__actions');
  actions.append(button(p.keyId ? 'admin.partners.rotateKey' : 'admin.partners.issueKey', null, () => issueKey(p),
    `${t(p.keyId ? 'admin.partners.rotateKey' : 'admin.partners.issueKey')} ${p.code}`));
  if (p.keyId) actions.append(button('admin.partners.revokeKey', 'fc-button--danger', () => revokeKey(p),
    `${t('admin.partners.revokeKey')} ${p.code}`));
  actions.append(button(p.enabled ? 'admin.partners.disable' : 'admin.partners.enable', null, () => setEnabled(p, !p.enabled)));
  const cell = element('td');
  cell.append(actions);
  tr.append(cell);
  return tr;
}

function render() {
  const body = $('partners-rows');
  if (state.partners.length === 0) {
    const tr = element('tr');
    const td = element('td', 'fc-admin__muted', t('admin.partners.empty'));
    td.colSpan = 8;
    tr.append(td);
    body.replaceChildren(tr);
  } else body.replaceChildren(...state.partners.map(row));
}

function renderForm() {
  const kind = document.querySelector('#partner-form [name=kind]');
  const chosenKind = kind.value || KINDS[0];
  kind.replaceChildren(...KINDS.map((k) => new Option(enumName('admin.partnerKind', k), k)));
  kind.value = chosenKind;
  const area = document.querySelector('#partner-form [name=jurisdictionId]');
  const chosenArea = area.value;
  area.replaceChildren(...state.jurisdictions.map((j) =>
    new Option(`${j.name} · ${enumName('jurisdictionLevel', j.level)}`, String(j.id))));
  if (chosenArea) area.value = chosenArea;
  const boxes = $('scope-boxes');
  const checked = new Set([...boxes.querySelectorAll('input:checked')].map((i) => i.value));
  boxes.replaceChildren(...SCOPES.map((s) => {
    const label = element('label');
    const box = element('input');
    box.type = 'checkbox';
    box.name = 'scopes';
    box.value = s;
    box.checked = checked.has(s);
    label.append(box, document.createTextNode(` ${enumName('admin.scope', s)}`));
    return label;
  }));
}

async function load() {
  try {
    const [partners, jurisdictions] = await Promise.all([api.get('/api/partners'), api.get('/api/jurisdictions')]);
    state.partners = partners;
    state.jurisdictions = jurisdictions;
    showBanner(null);
  } catch (error) {
    showBanner(error);
  }
  render();
  renderForm();
}

async function act(work) {
  if (state.busy) return;
  state.busy = true;
  render();
  try {
    await work();
    showBanner(null);
  } catch (error) {
    showBanner(error);
  } finally {
    state.busy = false;
    await load();
  }
}

function showKey(partner, issued) {
  $('issued-key-title').textContent = t('admin.partners.keyFor', { code: partner.code, name: partner.name });
  $('issued-key-value').textContent = issued.key;
  $('issued-key-copy').textContent = t('admin.partners.copy');
  $('issued-key').hidden = false;
  $('issued-key-copy').focus();
}

function hideKey() {
  $('issued-key-value').textContent = ''; // the key leaves the page once the admin is done
  $('issued-key').hidden = true;
}

function issueKey(p) {
  if (p.keyId && !window.confirm(t('admin.partners.confirmRotate', { code: p.code }))) return;
  act(async () => showKey(p, await api.post(`/api/partners/${encodeURIComponent(p.id)}/key`, {})));
}

function revokeKey(p) {
  if (!window.confirm(t('admin.partners.confirmRevoke', { code: p.code }))) return;
  hideKey();
  act(() => api.delete(`/api/partners/${encodeURIComponent(p.id)}/key`));
}

function setEnabled(p, enabled) {
  act(() => api.put(`/api/partners/${encodeURIComponent(p.id)}`, {
    name: p.name, kind: p.kind, jurisdictionId: p.jurisdictionId, scopes: p.scopes, enabled,
  }));
}

function formErrors(error) {
  const box = $('form-errors');
  if (!error) {
    box.hidden = true;
    return;
  }
  const fields = error instanceof ApiError && error.status === 400 ? Object.keys(error.problem?.errors ?? {}) : [];
  box.textContent = fields.length
    ? t('admin.partners.invalid', { fields: fields.map((f) => t(`admin.partners.${f}`)).join(t('common.separator')) })
    : t('admin.partners.failed', { status: error instanceof ApiError ? error.status : '?' });
  box.hidden = false;
}

async function submit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const body = {
    code: form.code.value.trim(),
    name: form.name.value.trim(),
    kind: form.kind.value,
    jurisdictionId: Number(form.jurisdictionId.value) || null,
    scopes: [...form.querySelectorAll('input[name=scopes]:checked')].map((i) => i.value),
  };
  const submitButton = form.querySelector('button[type=submit]');
  submitButton.disabled = true;
  try {
    await api.post('/api/partners', body);
    formErrors(null);
    form.reset();
    await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) location.replace(loginUrl());
    else formErrors(error);
  } finally {
    submitButton.disabled = false;
  }
}

async function copyKey() {
  const value = $('issued-key-value').textContent;
  try {
    await navigator.clipboard.writeText(value);
    $('issued-key-copy').textContent = t('admin.partners.copied');
  } catch {
    // No clipboard (an http intranet address): select the key so that Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents($('issued-key-value'));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    $('issued-key-copy').textContent = t('admin.partners.selected');
  }
}

async function main() {
  await initI18n();
  const user = await requireUser();
  mountHeader(user, 'partners');
  $('partner-form').addEventListener('submit', submit);
  $('issued-key-copy').addEventListener('click', copyKey);
  $('issued-key-close').addEventListener('click', hideKey);
  onLanguageChange(() => {
    render();
    renderForm();
  });
  await load();
}

main();
