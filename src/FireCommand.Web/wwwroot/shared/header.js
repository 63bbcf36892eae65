// The header bar of every signed-in page: platform name, the page's own name, navigation, who is
// signed in (name, role, jurisdiction), language, sign-out. It exists once, here: a page holds only
// <header id="fc-header" class="fc-header" data-page-title="<i18n key>"></header> and calls
// mountHeader(user, '<nav id>') once the user is known.

import { t, enumName, onLanguageChange } from './i18n.js';
import { logout } from './auth.js';
import { mountLanguageToggle } from './language-toggle.js';
import { mountNav } from './nav.js';

function node(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Writes the header's markup into its placeholder; the page's i18n pass fills the texts. */
function renderShell(header) {
  if (!header || header.childElementCount > 0) return;
  header.classList.add('fc-header');
  const page = header.dataset.pageTitle ?? '';
  header.append(
    node('div', { class: 'fc-header__brand' },
      node('img', { src: '/shared/logo.svg', width: '28', height: '28', alt: '', 'data-i18n-attr': 'alt:app.logoAlt' }),
      node('span', { class: 'fc-header__name', 'data-i18n': 'app.name' }),
      node('span', { class: 'fc-header__divider', 'aria-hidden': 'true' }),
      node('span', { class: 'fc-header__page', ...(page ? { 'data-i18n': page } : {}) })),
    node('nav', { id: 'app-nav', class: 'fc-nav', 'data-i18n-attr': 'aria-label:nav.label' }),
    node('div', { class: 'fc-header__user', id: 'user-box' },
      node('span', { class: 'fc-user' },
        node('span', { class: 'fc-user__name', id: 'user-name' }),
        node('span', { class: 'fc-user__role', id: 'user-roles' })),
      node('span', { class: 'fc-user__jurisdiction', id: 'user-jurisdiction' }),
      node('div', { id: 'language-toggle' }),
      node('button', { type: 'button', class: 'fc-header__logout', id: 'logout', 'data-i18n': 'header.logout' })));
}

// Drawn as this module loads, before the page's module body translates the page, so the header is
// there (and translated) in the first frame the user sees, as when it was written in each page.
renderShell(document.getElementById('fc-header'));

/** Fills the header for the signed-in user; `page` marks the current navigation link. */
export function mountHeader(user, page) {
  mountNav(page, undefined, user);
  const name = document.getElementById('user-name');
  const roles = document.getElementById('user-roles');
  const jurisdiction = document.getElementById('user-jurisdiction');

  const render = () => {
    name.textContent = user.displayName || user.userName;
    name.title = user.userName;
    roles.textContent = (user.roles ?? []).map((r) => enumName('roles', r)).join(t('common.separator'));
    const j = user.jurisdiction;
    jurisdiction.textContent = j?.name
      ? (j.level ? `${j.name} · ${enumName('jurisdictionLevel', j.level)}` : j.name)
      : '';
    jurisdiction.title = t('header.jurisdiction');
  };
  render();
  onLanguageChange(render);

  mountLanguageToggle(document.getElementById('language-toggle'));

  const button = document.getElementById('logout');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await logout();
    } catch (error) {
      console.error(error); // the session may already be gone; the login page is right either way
    }
    location.replace('/login.html');
  });
}
