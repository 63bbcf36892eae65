// A timer as the dispatch screens show it: label and mm:ss, coloured by its state against the
// standard (ok / amber / red; none before it starts; done once the response time is in).

import { t } from '../shared/i18n.js';
import { el } from './dom.js';
import { duration } from './format.js';

export function timerChip(kind, reading, { id, compact = false, label = true } = {}) {
  const chip = el('span', {
    class: ['fc-timer', !compact && 'fc-timer--wide'],
    attrs: { id },
    data: { kind, state: reading.state, running: String(reading.running) },
  });
  if (label) chip.append(el('span', { class: 'fc-timer__label', text: t(`dispatch.timer.short.${kind}`) }));
  chip.append(el('span', { class: 'fc-timer__value', text: duration(reading.seconds) }));
  chip.title = t(`dispatch.timer.long.${kind}`);
  return chip;
}

export function updateTimerChip(chip, reading) {
  chip.dataset.state = reading.state;
  chip.dataset.running = String(reading.running);
  chip.querySelector('.fc-timer__value').textContent = duration(reading.seconds);
}
