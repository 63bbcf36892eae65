// The dashboard's chart look, matching the map: quiet greys for axes and text, the page's font (the
// CJK face first in Chinese), no animation (a control-room wall is watched, not played with).

export function chartTheme() {
  const fontFamily = getComputedStyle(document.body).fontFamily;
  const ink = '#1f2a36';
  const soft = '#4f5f70';
  const faint = '#7c8a99';
  const line = '#d7dee6';
  const axis = {
    axisLine: { lineStyle: { color: line } },
    axisTick: { lineStyle: { color: line } },
    axisLabel: { color: soft, fontFamily, fontSize: 11 },
    splitLine: { lineStyle: { color: '#edf0f3' } },
    nameTextStyle: { color: faint, fontFamily, fontSize: 11 },
  };
  return {
    fontFamily,
    ink,
    soft,
    faint,
    accent: '#2f6fb3',
    within: '#5b8fc7',
    beyond: '#e39b3b',
    objective: '#c62828',
    axis,
    base: {
      animation: false,
      textStyle: { fontFamily, color: ink },
      tooltip: {
        backgroundColor: 'rgba(22, 40, 59, 0.94)',
        borderWidth: 0,
        textStyle: { color: '#fff', fontFamily, fontSize: 12 },
        confine: true,
      },
    },
  };
}
