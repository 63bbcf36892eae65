// Tiny DOM builders for the dispatch screens. Text from data always goes in through textContent,
// never as HTML: addresses, caller names and outcomes are typed by people.

/**
 * el('div', { class: 'x', text: 'y', attrs: { role: 'list' }, data: { id: 3 }, on: { click } }, ...children)
 * Children may be nodes, strings or null/false (skipped).
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { class: className, text, attrs, data, on, title, hidden } = options;
  if (className) node.className = Array.isArray(className) ? className.filter(Boolean).join(' ') : className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (title) node.title = title;
  if (hidden) node.hidden = true;
  if (attrs) for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  if (data) for (const [name, value] of Object.entries(data)) {
    if (value !== undefined && value !== null) node.dataset[name] = String(value);
  }
  if (on) for (const [event, handler] of Object.entries(on)) node.addEventListener(event, handler);
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A button; `type` defaults to "button" so nothing submits by accident. */
export function button(text, options = {}) {
  const b = el('button', { ...options, text, attrs: { type: 'button', ...(options.attrs ?? {}) } });
  return b;
}

/** Calls `fn` once input has been quiet for `ms`; `.cancel()` drops a pending call. */
export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}
