// Alarm intake (接警登记). The call-taker types what the caller says; as soon as there is a place
// (an address picked from the search, or a pin) and a type, POST /api/alarms/preview shows — while
// the caller is still on the line — whose area it is, the suggested fire level and why (the
// call-taker may override it), open incidents it may duplicate (merge into one, or take it as new),
// and the units the plan would send. Submit (Ctrl+Enter) stores it with POST /api/alarms.

import { t, onLanguageChange } from '../shared/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { el, debounce } from './dom.js';
import { reasonText, levelBadge, problemText } from './format.js';
import { createAddressSearch } from './address-search.js';
import { IMPRECISE_KINDS, keyPlaceIdOf, metersBetween } from './intake-place.js';
import { createIntakeForm } from './intake-form.js';
import { createDuplicateChoice } from './intake-duplicates.js';
import { createPinMap } from './pin-map.js';
import { createRecommendationPanel } from './recommendation.js';

const SUBTYPES = {
  Fire: ['automatic-alarm'],
  Rescue: ['traffic', 'collapse', 'hazmat-leak', 'water', 'lift'],
  SocialAssistance: [],
  SecurityDuty: [],
};

export function createIntake(root, store, { onTaken, onFailed }) {
  const state = { lat: null, lng: null, keyPlaceId: null, keyPlaceAt: null, levelOverride: null, suggested: null,
    imprecise: null, impreciseAccepted: false };
  let previewSeq = 0;
  let previewController = null;
  let submitting = false;

  // ---- the form ----
  const { form, caller, callerName, source, typeGroup, subtype, trapped, injured, address, located, imprecise,
    description, levelGroup, levelAuto, levelNote, formError, submit, reset } = createIntakeForm();
  for (const input of levelGroup.querySelectorAll('input[name="intake-level"]')) {
    const level = Number(input.value);
    input.addEventListener('change', () => {
      state.levelOverride = state.suggested && level === state.suggested.level ? null : level;
      renderLevel();
      previewSoon();
    });
  }
  levelAuto.addEventListener('click', () => { state.levelOverride = null; renderLevel(); previewSoon(); });

  // ---- the map and the preview ----
  const mapBox = el('div', { class: 'fc-intake__map', attrs: { id: 'intake-map' } });
  const previewBox = el('div', { class: 'fc-preview', attrs: { id: 'preview', 'aria-live': 'polite' } });
  const previewState = el('p', { class: 'fc-empty', attrs: { id: 'preview-state' } });
  const facts = el('dl', { class: 'fc-preview__facts' });
  const dupBox = el('div', { class: 'fc-dups', attrs: { id: 'preview-duplicates' } });
  const recTitle = el('h4', { class: 'fc-section__title', data: { i18n: 'console.intake.recPreview' } });
  const recBox = el('div', { attrs: { id: 'preview-recommendation' } });
  previewBox.append(previewState, facts, dupBox, recTitle, recBox);
  const previewRec = createRecommendationPanel(recBox, { preview: true, idPrefix: 'preview-rec' });
  const duplicates = createDuplicateChoice(dupBox, store, { onChange: () => renderSubmit() });

  root.replaceChildren(form, el('div', { class: 'fc-intake__aside' }, mapBox, previewBox));
  let pinMap = null;
  const search = createAddressSearch(address, {
    near: () => (state.lat !== null ? { lat: state.lat, lng: state.lng } : pinMap?.centre() ?? null),
    onPick: async (r) => {
      const context = (r.context ?? '').replace(/\s+/g, '');
      if (context && !r.name.startsWith(context)) address.value = `${context} ${r.name}`;
      state.keyPlaceId = null;
      state.keyPlaceAt = null;
      const keyPlaceId = await keyPlaceIdOf(r);
      state.keyPlaceId = keyPlaceId;
      state.keyPlaceAt = keyPlaceId ? { lat: r.latitude, lng: r.longitude } : null;
      setLocation(r.latitude, r.longitude, 'search');
      setImprecise(IMPRECISE_KINDS.has(r.kind) ? r.kind : null);
      pinMap?.setPin(r.latitude, r.longitude, { fly: true, zoom: IMPRECISE_KINDS.has(r.kind) ? 12 : 15 });
      located.textContent = t('console.intake.locatedAt', { name: r.name, lat: r.latitude.toFixed(5), lng: r.longitude.toFixed(5) });
    },
  });

  function ensureMap() {
    if (pinMap) { pinMap.invalidate(); return; }
    pinMap = createPinMap(mapBox, {
      onPin: (latlng) => {
        // A pin moved away from the key place no longer describes it.
        if (state.keyPlaceAt && metersBetween(state.keyPlaceAt, latlng) > 200) { state.keyPlaceId = null; state.keyPlaceAt = null; }
        setLocation(latlng.lat, latlng.lng, 'pin');
        setImprecise(null); // a pin is where the dispatcher put it
        located.textContent = t('console.intake.pinnedAt', { lat: latlng.lat.toFixed(5), lng: latlng.lng.toFixed(5) });
      },
    });
    if (state.lat !== null) pinMap.setPin(state.lat, state.lng, { fly: true, zoom: 15 });
  }

  function setLocation(lat, lng) {
    state.lat = lat;
    state.lng = lng;
    clearError('address');
    previewSoon();
  }

  /** Flags a location that is only a city or county centre; submitting then asks once more. */
  function setImprecise(kind) {
    state.imprecise = kind;
    state.impreciseAccepted = false;
    imprecise.hidden = !kind;
    imprecise.textContent = kind ? t('console.intake.imprecise', { kind: t(`dispatch.placeKind.${kind}`) }) : '';
  }

  function selectedType() {
    return form.querySelector('input[name="intake-type"]:checked')?.value ?? null;
  }

  function fillSubtypes() {
    const type = selectedType();
    const current = subtype.value;
    subtype.replaceChildren(el('option', { attrs: { value: '' }, text: t('console.intake.subtypeNone') }),
      ...(SUBTYPES[type] ?? []).map((code) => el('option', { attrs: { value: code }, text: t(`dispatch.subtype.${code}`) })));
    subtype.value = (SUBTYPES[type] ?? []).includes(current) ? current : '';
    subtype.disabled = !type || !(SUBTYPES[type] ?? []).length;
  }

  const count = (input) => {
    const n = Number.parseInt(input.value, 10);
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };

  function request() {
    const body = {
      source: source.value,
      callerNumber: caller.value.trim() || null,
      callerName: callerName.value.trim() || null,
      address: address.value.trim() || null,
      type: selectedType(),
      subtype: subtype.value || null,
      description: description.value.trim() || null,
      trapped: count(trapped),
      injured: count(injured),
      coordinateSystem: 'Wgs84',
    };
    if (state.lat !== null) { body.latitude = state.lat; body.longitude = state.lng; }
    if (state.keyPlaceId) body.keyPlaceId = state.keyPlaceId;
    if (state.levelOverride) body.fireLevel = state.levelOverride;
    return body;
  }

  const ready = () => selectedType() && (state.lat !== null || state.keyPlaceId);

  // ---- preview ----
  async function preview() {
    if (!ready()) {
      renderPreview(null);
      return;
    }
    const seq = ++previewSeq;
    previewController?.abort();
    previewController = new AbortController();
    previewBox.dataset.state = 'loading';
    previewState.textContent = t('console.intake.previewLoading');
    previewState.hidden = false;
    try {
      const result = await api.post('/api/alarms/preview', request(), { signal: previewController.signal });
      if (seq !== previewSeq) return;
      renderPreview(result);
    } catch (error) {
      if (error?.name === 'AbortError' || seq !== previewSeq) return;
      renderPreview(null, error);
    }
  }
  const previewSoon = debounce(preview, 250);

  function renderPreview(result, error) {
    state.suggested = result?.suggestedLevel ?? null;
    duplicates.set(result?.duplicates);
    facts.replaceChildren();
    dupBox.replaceChildren();
    previewBox.dataset.state = result ? 'ready' : error ? 'failed' : 'idle';
    if (!result) {
      previewState.hidden = false;
      previewState.className = error ? 'fc-note fc-note--error' : 'fc-empty';
      previewState.textContent = error ? locationProblem(error) : t('console.intake.previewIdle');
      recTitle.hidden = true;
      previewRec.clear();
      pinMap?.showDuplicates([], store.incidents);
      renderLevel();
      renderSubmit();
      return;
    }
    previewState.hidden = true;
    const row = (key, value, id) => [el('dt', { text: t(key) }), el('dd', { attrs: { id } }, value)];
    const reasons = el('ul', { class: 'fc-preview__reasons', attrs: { id: 'preview-reasons' } },
      ...(result.suggestedLevel?.reasons ?? []).map((r) => el('li', { text: reasonText(r), data: { code: r.code } })));
    facts.append(
      ...row('console.intake.jurisdiction', result.jurisdictionName ?? `#${result.jurisdictionId}`, 'preview-jurisdiction'),
      ...row('console.intake.suggestedLevel', el('span', {}, levelBadge(result.suggestedLevel.level), reasons), 'preview-level'),
    );
    duplicates.render();
    recTitle.hidden = false;
    if (result.recommendation) previewRec.show(result.recommendation);
    else previewRec.clear();
    pinMap?.showDuplicates(duplicates.list, store.incidents);
    renderLevel();
    renderSubmit();
  }

  function locationProblem(error) {
    const text = problemText(error);
    if (/outside the province/i.test(text)) return t('console.intake.outsideProvince');
    if (/outside your jurisdiction/i.test(text)) return t('console.intake.outsideJurisdiction');
    return t('console.intake.previewFailed', { detail: text });
  }

  function renderLevel() {
    const suggested = state.suggested?.level ?? null;
    const effective = state.levelOverride ?? suggested;
    for (const label of levelGroup.querySelectorAll('.fc-levels__option')) {
      const level = Number(label.dataset.level);
      label.classList.toggle('is-suggested', level === suggested);
      label.querySelector('input').checked = level === effective;
    }
    levelNote.textContent = state.levelOverride
      ? t('console.intake.levelOverridden', { level: state.levelOverride })
      : suggested ? t('console.intake.levelSuggested', { level: suggested }) : t('console.intake.levelPending');
    levelGroup.dataset.override = String(Boolean(state.levelOverride));
    levelAuto.hidden = !state.levelOverride;
    levelAuto.textContent = t('console.intake.levelAuto');
  }

  function renderSubmit() {
    const merge = duplicates.chosen;
    submit.textContent = submitting ? t('console.intake.submitting')
      : merge ? t('console.intake.submitMerge', { number: merge.number }) : t('console.intake.submit');
    submit.disabled = submitting;
    submit.dataset.mode = merge ? 'merge' : 'new';
  }

  // ---- errors ----
  const errorTargets = { latitude: 'intake-address', longitude: 'intake-address', keyPlaceId: 'intake-address', address: 'intake-address',
    type: 'intake-type', callerNumber: 'intake-caller', callerName: 'intake-caller-name', subtype: 'intake-subtype',
    trapped: 'intake-trapped', injured: 'intake-injured', description: 'intake-description' };
  function showError(fieldName, text) {
    const target = errorTargets[fieldName] ?? null;
    const box = target ? document.getElementById(`${target}-error`) : null;
    if (box) {
      box.textContent = text;
      box.hidden = false;
      document.getElementById(target)?.setAttribute('aria-invalid', 'true');
    } else {
      formError.textContent = text;
      formError.hidden = false;
    }
  }
  function clearError(name) {
    const target = errorTargets[name];
    const box = document.getElementById(`${target}-error`);
    if (box) box.hidden = true;
    document.getElementById(target)?.removeAttribute('aria-invalid');
  }
  function clearErrors() {
    for (const box of form.querySelectorAll('.fc-field__error')) box.hidden = true;
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    formError.hidden = true;
  }

  async function take() {
    if (submitting) return;
    submitting = true; // Enter in the address may still be choosing the place: wait for it
    renderSubmit();
    await search.settled();
    submitting = false;
    clearErrors();
    let valid = true;
    if (!selectedType()) { showError('type', t('console.intake.typeRequired')); valid = false; }
    if (state.lat === null && !state.keyPlaceId) { showError('latitude', t('console.intake.locationRequired')); valid = false; }
    if (!valid) {
      form.querySelector('[aria-invalid="true"], [aria-invalid="true"] input')?.focus();
      onFailed?.();
      return;
    }
    if (state.imprecise && !state.impreciseAccepted) {
      // Said before the incident exists: the next submit takes the centre as it is.
      state.impreciseAccepted = true;
      showError('address', t('console.intake.impreciseConfirm', { kind: t(`dispatch.placeKind.${state.imprecise}`) }));
      onFailed?.();
      return;
    }
    submitting = true;
    renderSubmit();
    const body = request();
    if (duplicates.chosen) body.mergeIntoIncidentId = duplicates.chosen.incidentId;
    try {
      const taken = await api.post('/api/alarms', body);
      submitting = false;
      clear();
      onTaken(taken.incident, { merged: Boolean(body.mergeIntoIncidentId) });
    } catch (error) {
      submitting = false;
      renderSubmit();
      onFailed?.();
      const errors = error instanceof ApiError ? error.problem?.errors : null;
      if (errors && Object.keys(errors).length) {
        for (const [name, messages] of Object.entries(errors)) {
          const text = messages.join(' ');
          showError(name, /outside/i.test(text) ? locationProblem(error) : text);
        }
      } else {
        formError.textContent = t('console.intake.failed', { detail: problemText(error) });
        formError.hidden = false;
      }
    }
  }

  function clear() {
    form.reset();
    for (const input of form.querySelectorAll('input[type="radio"]')) input.checked = false;
    trapped.value = '0';
    injured.value = '0';
    Object.assign(state, { lat: null, lng: null, keyPlaceId: null, keyPlaceAt: null, levelOverride: null, suggested: null });
    duplicates.reset();
    setImprecise(null);
    located.textContent = '';
    search.clear();
    pinMap?.clearPin();
    clearErrors();
    fillSubtypes();
    renderPreview(null);
  }

  // ---- wiring ----
  typeGroup.addEventListener('change', () => { clearError('type'); fillSubtypes(); previewSoon(); });
  for (const input of [subtype, trapped, injured]) input.addEventListener('change', previewSoon);
  for (const input of [trapped, injured]) input.addEventListener('input', previewSoon);
  address.addEventListener('input', () => clearError('address'));
  form.addEventListener('submit', (e) => { e.preventDefault(); take(); });
  // Ctrl+Enter anywhere in the intake panel: the form, the map, the duplicate choice beside it.
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); take(); }
  });
  reset.addEventListener('click', () => { clear(); caller.focus(); });

  function translate() {
    for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    caller.placeholder = t('console.intake.callerPlaceholder');
    address.placeholder = t('console.intake.addressPlaceholder');
    description.placeholder = t('console.intake.descriptionPlaceholder');
    fillSubtypes();
    renderLevel();
    renderSubmit();
    if (state.imprecise) imprecise.textContent = t('console.intake.imprecise', { kind: t(`dispatch.placeKind.${state.imprecise}`) });
    if (previewBox.dataset.state === 'ready') duplicates.render();
    else if (previewBox.dataset.state !== 'failed') previewState.textContent = t('console.intake.previewIdle');
  }
  onLanguageChange(translate);
  translate();
  renderPreview(null);

  return {
    show() {
      ensureMap();
    },
    focus() {
      caller.focus();
    },
    get submitting() { return submitting; },
    clear,
  };
}
