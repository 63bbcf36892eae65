// One dashboard card: a titled SVG chart with a table view of the same numbers behind a toggle
// (for screen readers, for reading exact values, for copying into a report). The chart module only
// says what to draw ({ draw, table, stats }); this file owns the DOM, the language switch (re-render
// with the new words) and resizing (drawn again at the new pixel size). SVG is crisp on a wall
// screen and its text is real text.

import { t, onLanguageChange } from '../shared/i18n.js';
import { chartTheme } from './chart-theme.js';

let sequence = 0;

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

/** Renders { caption, columns: [{ label, numeric }], rows: [[cell]], foot: [[cell]] } as a table. */
function renderTable(model) {
  const table = element('table', 'fc-table');
  if (model.caption) table.append(element('caption', 'fc-visually-hidden', model.caption));
  const head = element('thead');
  const headRow = element('tr');
  for (const column of model.columns) {
    const th = element('th', column.numeric ? 'is-numeric' : null, column.label);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  const row = (cells, tag = 'td') => {
    const tr = element('tr');
    cells.forEach((cell, i) => {
      // The first cell names the row.
      const el = element(i === 0 ? 'th' : tag, model.columns[i]?.numeric ? 'is-numeric' : null, cell);
      if (i === 0) el.scope = 'row';
      tr.append(el);
    });
    return tr;
  };
  for (const cells of model.rows) body.append(row(cells));
  table.append(head, body);
  if (model.foot?.length) {
    const foot = element('tfoot');
    for (const cells of model.foot) foot.append(row(cells));
    table.append(foot);
  }
  return table;
}

/**
 * @param parent where the card goes
 * @param spec { id, titleKey, headingLevel, subtitle(data), draw(data, theme, width, height) → <svg>, table(data), stats?(data) }
 */
export function createChartCard(parent, spec) {
  const id = spec.id ?? `chart-${++sequence}`;
  const card = element('section', `fc-dash-card fc-dash-card--${id}`);
  card.id = `card-${id}`;
  const head = element('header', 'fc-dash-card__head');
  const title = element(`h${spec.headingLevel ?? 2}`, 'fc-dash-card__title');
  title.id = `card-${id}-title`;
  card.setAttribute('aria-labelledby', title.id);
  const subtitle = element('p', 'fc-dash-card__subtitle');
  const toggle = element('button', 'fc-dash-card__toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-pressed', 'false');
  toggle.setAttribute('aria-controls', `card-${id}-table`);
  const titles = element('div', 'fc-dash-card__titles');
  titles.append(title, subtitle);
  head.append(titles, toggle);

  const body = element('div', 'fc-dash-card__body');
  const chartEl = element('div', 'fc-dash-card__chart');
  chartEl.id = `card-${id}-chart`;
  chartEl.setAttribute('role', 'img');
  const tableEl = element('div', 'fc-dash-card__table');
  tableEl.id = `card-${id}-table`;
  tableEl.hidden = true;
  tableEl.tabIndex = 0; // a scrolling region must be reachable by keyboard
  const message = element('p', 'fc-dash-card__message');
  message.hidden = true;
  body.append(chartEl, tableEl, message);
  const stats = element('dl', 'fc-dash-card__stats');
  stats.hidden = true;
  card.append(head, body, stats);
  parent.append(card);

  let data = null;
  let failure = null; // a message key (+ params) while the data cannot be shown
  let showingTable = false;

  let drawnSize = '';
  function drawChart() {
    const width = Math.floor(chartEl.clientWidth);
    const height = Math.floor(chartEl.clientHeight);
    drawnSize = `${width}x${height}`;
    if (width < 40 || height < 40) return;
    chartEl.replaceChildren(spec.draw(data, chartTheme(), width, height));
  }

  function render() {
    title.textContent = t(spec.titleKey);
    chartEl.setAttribute('aria-label', t(spec.titleKey));
    toggle.textContent = t(showingTable ? 'dashboard.showChart' : 'dashboard.showTable');
    toggle.title = t(showingTable ? 'dashboard.showChartLong' : 'dashboard.showTableLong', { title: t(spec.titleKey) });
    toggle.setAttribute('aria-pressed', String(showingTable));
    const ready = data && !failure;
    subtitle.textContent = ready ? spec.subtitle?.(data) ?? '' : '';
    message.hidden = Boolean(ready);
    message.textContent = failure ? t(failure.key, failure.params) : ready ? '' : t('dashboard.loading');
    chartEl.hidden = !ready || showingTable;
    tableEl.hidden = !ready || !showingTable;
    toggle.disabled = !ready;
    stats.hidden = !spec.stats || !ready;
    if (!ready) return;

    tableEl.replaceChildren(renderTable(spec.table(data)));
    if (spec.stats) {
      stats.replaceChildren();
      for (const item of spec.stats(data)) {
        const group = element('div', `fc-dash-stat${item.tone ? ` is-${item.tone}` : ''}`);
        group.append(element('dt', null, item.label), element('dd', null, item.value));
        stats.append(group);
      }
    }
    if (!showingTable) drawChart();
  }

  toggle.addEventListener('click', () => {
    showingTable = !showingTable;
    render();
    (showingTable ? tableEl : chartEl).focus?.();
  });

  onLanguageChange(render);
  new ResizeObserver(() => {
    const size = `${Math.floor(chartEl.clientWidth)}x${Math.floor(chartEl.clientHeight)}`;
    if (data && !failure && !showingTable && size !== drawnSize) drawChart();
  }).observe(chartEl);
  render();

  return {
    element: card,
    setData(next) {
      data = next;
      failure = null;
      render();
    },
    setFailure(key, params) {
      failure = { key, params };
      render();
    },
    get data() { return data; },
  };
}
