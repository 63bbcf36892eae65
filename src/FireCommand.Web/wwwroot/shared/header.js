// The header bar of every signed-in page: platform name, navigation, who is signed in (name, role, jurisdiction), language, sign-out.

import { t, enumName, onLanguageChange } from './i18n.js';
import { logout } from './auth.js';
import { mountLanguageToggle } from './language-toggle.js';
import { mountNav } from './nav.js';

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
