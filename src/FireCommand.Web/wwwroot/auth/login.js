// The login page: posts the credentials, explains failures (401 wrong credentials, 429 wait after
// repeated failures or too many attempts from this address) and returns to the page that sent the
// user here, if that page is on this site.

import { initI18n, t, onLanguageChange } from '../shared/i18n.js';
import { ApiError, api } from '../shared/api.js';
import { login, safeReturnUrl } from '../shared/auth.js';
import { mountLanguageToggle } from '../shared/language-toggle.js';

const form = document.getElementById('login-form');
const userInput = document.getElementById('login-user');
const passwordInput = document.getElementById('login-password');
const errorBox = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

const returnUrl = safeReturnUrl(new URLSearchParams(location.search).get('returnUrl') ?? '/');

// The last error as a key + params, so a language switch re-renders it in the new language.
let lastError = null;

function showError(key, params) {
  lastError = key ? { key, params } : null;
  errorBox.hidden = !key;
  errorBox.textContent = key ? t(key, params) : '';
}

function errorFor(error) {
  if (!(error instanceof ApiError)) return ['login.errors.network'];
  switch (error.status) {
    case 400: return ['login.errors.required'];
    case 401: return ['login.errors.wrongCredentials'];
    case 429:
      return error.retryAfterSeconds
        ? ['login.errors.tooManyAttemptsWait', { seconds: error.retryAfterSeconds }]
        : ['login.errors.tooManyAttempts'];
    default: return ['login.errors.unexpected', { status: error.status }];
  }
}

function setBusy(busy) {
  submit.disabled = busy;
  submit.textContent = t(busy ? 'login.submitting' : 'login.submit');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const userName = userInput.value.trim();
  const password = passwordInput.value;
  userInput.setAttribute('aria-invalid', String(!userName));
  passwordInput.setAttribute('aria-invalid', String(!password));
  if (!userName || !password) {
    showError('login.errors.required');
    (userName ? passwordInput : userInput).focus();
    return;
  }
  setBusy(true);
  try {
    const user = await login(userName, password);
    if (user?.mustChangePassword) {
      askForNewPassword(password);
      return;
    }
    location.assign(returnUrl);
  } catch (error) {
    const [key, params] = errorFor(error);
    showError(key, params);
    if (error instanceof ApiError && error.status === 401) {
      passwordInput.value = '';
      passwordInput.focus();
    }
    setBusy(false);
  }
});

// A generated one-time password must be replaced before anything else (the server refuses all
// other calls until then).
function askForNewPassword(oneTimePassword) {
  const changeForm = document.getElementById('change-form');
  const newInput = document.getElementById('change-new');
  const confirmInput = document.getElementById('change-confirm');
  const changeError = document.getElementById('change-error');
  const changeSubmit = document.getElementById('change-submit');
  form.hidden = true;
  changeForm.hidden = false;
  newInput.focus();
  const fail = (key, params) => {
    changeError.textContent = t(key, params);
    changeError.hidden = false;
  };
  changeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    changeError.hidden = true;
    if (newInput.value.length < 10) return fail('login.change.tooShort');
    if (newInput.value !== confirmInput.value) return fail('login.change.mismatch');
    changeSubmit.disabled = true;
    try {
      await api.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: newInput.value });
      location.assign(returnUrl);
    } catch (error) {
      const errors = error instanceof ApiError ? error.problem?.errors : null;
      const first = errors ? Object.values(errors).flat()[0] : null;
      if (first) {
        changeError.textContent = first;
        changeError.hidden = false;
      } else {
        fail('login.errors.unexpected', { status: error?.status ?? '?' });
      }
      changeSubmit.disabled = false;
    }
  });
}

async function start() {
  await initI18n();
  mountLanguageToggle(document.getElementById('language-toggle'));
  onLanguageChange(() => {
    if (lastError) showError(lastError.key, lastError.params);
    setBusy(submit.disabled);
  });
  // Somebody already signed in goes straight on; GET /api/auth/session answers 200 either way, so a
  // visit without a session logs no error.
  const session = await api.get('/api/auth/session');
  if (session?.signedIn && !session.user?.mustChangePassword) {
    location.replace(returnUrl);
    return;
  }
  userInput.focus();
}

start().catch((error) => {
  document.documentElement.classList.remove('fc-i18n-pending');
  console.error(error);
});
