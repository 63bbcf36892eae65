// The overview's chart look, matching the map: quiet greys for axes and text, the page's font (the
// CJK face first in Chinese), counts in the current language's digits.

import { count } from './format.js';

export function chartTheme() {
  return {
    fontFamily: getComputedStyle(document.body).fontFamily,
    ink: '#1f2a36',
    soft: '#4f5f70',
    faint: '#7c8a99',
    line: '#d7dee6',
    grid: '#edf0f3',
    accent: '#2f6fb3',
    within: '#5b8fc7',
    beyond: '#e39b3b',
    objective: '#c62828',
    count,
  };
}
