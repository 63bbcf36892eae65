// The 中文/English switch used in the header of every page.

import { LANGUAGES, currentLanguage, setLanguage, onLanguageChange, t } from './i18n.js';

/** Renders one button per language into `container` (a div with role="group"). */
export function mountLanguageToggle(container) {
  container.classList.add('fc-lang-toggle');
  container.setAttribute('role', 'group');
  const buttons = LANGUAGES.map((lang) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.lang = lang;
    button.addEventListener('click', () => {
      setLanguage(lang).catch((error) => console.error(error));
    });
    container.append(button);
    return button;
  });

  const render = () => {
    container.setAttribute('aria-label', t('lang.label'));
    for (const button of buttons) {
      const lang = button.dataset.lang;
      // Each language is named in itself (中文 / English), so both files hold the same two labels.
      button.textContent = t(`lang.${lang}`);
      button.lang = lang;
      button.setAttribute('aria-pressed', String(lang === currentLanguage()));
    }
  };
  render();
  onLanguageChange(render);
}
