// A calm notice over the map while the live channel is down: the map still shows the last known
// picture, and says so, until the connection is back (then the live layers are reloaded).

import { t, onLanguageChange } from '../shared/i18n.js';

export function createConnectionBanner(element) {
  let state = null;
  const render = () => {
    const down = state === 'reconnecting' || state === 'disconnected';
    element.hidden = !down;
    element.dataset.state = state ?? '';
    element.textContent = down ? t(`live.${state}`) : '';
  };
  onLanguageChange(render);
  return {
    setState(next) {
      state = next;
      render();
    },
  };
}
