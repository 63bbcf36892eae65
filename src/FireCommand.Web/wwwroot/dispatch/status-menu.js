// The status menu of a board tile (Enter or a click on a tile): the GA/T 974.39 codes in the order
// a unit goes through them, each with its colour and its digit key. Arrow keys move, a digit or a
// click chooses, Escape goes back to the tile.

import { t } from '../shared/i18n.js';
import { UNIT_STATUS_COLOURS } from '../map/symbols.js';
import { el, button } from './dom.js';
import { unitStatusText } from './format.js';

/** Digit keys for the common codes: 1→21 途中, 2→22 到场, 3→23 出水, 4→24 停水, 5→25 返队, 6→26 驻防, 7→27 运水, 0→10 备勤. */
export const DIGIT_STATUS = Object.freeze({ 1: 21, 2: 22, 3: 23, 4: 24, 5: 25, 6: 26, 7: 27, 0: 10 });
// The menu's order: the field sequence first, then the rest (20 only comes with a dispatch order).
const MENU_CODES = [21, 22, 23, 24, 27, 25, 10, 26, 30, 40, 41];

/** @param onChoose (unitId, code) => the status change the dispatcher chose */
export function createStatusMenu({ onChoose }) {
  let menu = null;

  function open(unit, anchor) {
    close();
    const unitId = unit.id;
    const digitOf = Object.fromEntries(Object.entries(DIGIT_STATUS).map(([d, c]) => [c, d]));
    const items = MENU_CODES.filter((code) => code !== unit.status).map((code) => {
      const item = button('', {
        class: 'fc-menu__item',
        attrs: { role: 'menuitem', tabindex: '-1' },
        data: { status: code },
        on: { click: () => onChoose(unitId, code) },
      });
      const swatch = el('span', { class: 'fc-menu__swatch' });
      swatch.style.background = UNIT_STATUS_COLOURS[code];
      item.append(swatch, el('span', { text: `${code} ${unitStatusText(code)}` }),
        el('kbd', { class: 'fc-menu__key', text: digitOf[code] ?? '' }));
      return item;
    });
    menu = el('div', { class: 'fc-menu', attrs: { role: 'menu', 'aria-label': t('console.board.menuLabel', { unit: unit.callSign }) } },
      el('p', { class: 'fc-menu__title', text: unit.callSign }), ...items);
    document.body.append(menu);
    const r = anchor.getBoundingClientRect();
    const height = menu.offsetHeight;
    menu.style.left = `${Math.max(8, Math.min(window.innerWidth - menu.offsetWidth - 8, r.left))}px`;
    menu.style.top = `${r.bottom + 4 + height > window.innerHeight ? Math.max(8, r.top - height - 4) : r.bottom + 4}px`;
    let index = 0;
    items[0]?.focus();
    menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { close(); anchor.focus(); e.preventDefault(); }
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        index = (index + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items[index].focus();
        e.preventDefault();
      } else if (Object.hasOwn(DIGIT_STATUS, e.key)) {
        onChoose(unitId, DIGIT_STATUS[e.key]);
        anchor.focus();
        e.preventDefault();
      } else if (e.key === 'Tab') {
        close();
      }
    });
  }

  function close() {
    menu?.remove();
    menu = null;
  }
  document.addEventListener('pointerdown', (e) => { if (menu && !menu.contains(e.target)) close(); });

  return { open, close };
}
