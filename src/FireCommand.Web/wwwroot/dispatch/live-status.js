// The live channel's state where a dispatcher cannot miss it: a dot in the status bar, and a banner
// over the screen while the connection is down ("实时连接中断，正在重连…"), since what the screen
// shows may then be stale.

import { t, onLanguageChange } from '../shared/i18n.js';
import { onLive, liveState } from '../shared/live.js';

export function mountLiveStatus(indicator, banner) {
  let state = liveState();
  let since = Date.now();
  function render() {
    indicator.dataset.state = state;
    indicator.textContent = t(`live.${state}`);
    indicator.title = t(`live.${state}`);
    const down = state !== 'connected';
    // Right after load the first connect is still running: no banner for that.
    banner.hidden = !down || (state === 'disconnected' && Date.now() - since < 4000 && !banner.dataset.shown);
    if (down) {
      banner.textContent = t(state === 'reconnecting' ? 'live.reconnecting' : 'live.disconnected');
      if (!banner.hidden) banner.dataset.shown = 'true';
    } else {
      delete banner.dataset.shown;
    }
    document.body.dataset.live = state;
  }
  onLive('state', (next) => {
    state = next;
    since = Date.now();
    render();
  });
  onLanguageChange(render);
  setTimeout(render, 4500);
  render();
}
