// The platform's top navigation: the same links on every page, the current one marked. Pages put
// <nav id="app-nav" class="fc-nav"></nav> in their header (shared/header.js writes it) and call
// mountNav('map' | 'console' | 'warnings' | 'dashboard' | 'partners').
// A page with `roles` is linked only for users holding one of them (the server checks the role again).

import { t, onLanguageChange } from './i18n.js';

const PAGES = Object.freeze([
  { id: 'map', href: '/', key: 'nav.map' },
  { id: 'console', href: '/console.html', key: 'nav.console' },
  // Every signed-in role may read sensing alarms, risk and device health (the actions need Dispatch).
  { id: 'warnings', href: '/warnings.html', key: 'nav.warnings' },
  { id: 'dashboard', href: '/dashboard.html', key: 'nav.dashboard' },
  { id: 'partners', href: '/admin.html', key: 'nav.partners', roles: ['Admin'] },
]);

export function mountNav(active, element = document.getElementById('app-nav'), user = null) {
  if (!element) return;
  const roles = new Set(user?.roles ?? []);
  const pages = PAGES.filter((page) => !page.roles || page.roles.some((r) => roles.has(r)));
  const render = () => {
    element.replaceChildren(...pages.map((page) => {
      const link = document.createElement('a');
      link.href = page.href;
      link.className = 'fc-nav__link';
      link.textContent = t(page.key);
      if (page.id === active) link.setAttribute('aria-current', 'page');
      return link;
    }));
  };
  render();
  onLanguageChange(render);
}
