// Safe DOM building. Every name and string shown comes from an attacker-made app, so text only ever
// enters the page as text nodes (never parsed as markup), links only ever point inside the UI (#/...), and
// invisible or direction-changing characters are shown as visible escapes instead of acting.

/** Characters that must not act: C0/C1 controls, bidi embeddings/overrides/isolates, marks, BOM. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * A fragment showing `value` as inert text: control and bidi characters become visible escapes
 * (`\u202e`, `\n`) in a marked span, so "evil\u202Etxt.exe" cannot reorder what follows it.
 */
export function text(value) {
  const s = value == null ? '' : String(value);
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of s.matchAll(INVISIBLE)) {
    if (m.index > last) frag.appendChild(document.createTextNode(s.slice(last, m.index)));
    const esc = document.createElement('span');
    esc.className = 'esc';
    esc.textContent = escapeOf(m[0]);
    esc.title = 'U+' + m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
    frag.appendChild(esc);
    last = m.index + m[0].length;
  }
  if (last < s.length) frag.appendChild(document.createTextNode(s.slice(last)));
  return frag;
}

function escapeOf(ch) {
  switch (ch) {
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    default: return '\\u' + ch.codePointAt(0).toString(16).padStart(4, '0');
  }
}

/** The same text as a plain string (for titles, tooltips and the document title). */
export function plain(value) {
  return (value == null ? '' : String(value)).replace(INVISIBLE, (c) => escapeOf(c));
}

/**
 * An element. `attrs` may set className, title, id, role, tabIndex, dataset entries (data-*),
 * aria-* and event handlers (on*: functions only); `href` only through {@link route}. Children are
 * nodes or values shown with {@link text}.
 */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k === 'className') e.className = v;
      else if (k === 'href') e.setAttribute('href', safeHref(v));
      else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2).toLowerCase(), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k === 'title') e.title = plain(v);
      else if (k === 'hidden') e.hidden = Boolean(v);
      else if (/^(id|role|tabIndex|type|colSpan|aria-[a-z]+|disabled|value|min|max|step|for|name)$/.test(k)) e.setAttribute(k, v);
      else throw new Error('attribute not allowed: ' + k);
    }
  }
  append(e, children);
  return e;
}

/** Appends children: nodes as they are, arrays flattened, anything else as inert text. */
export function append(parent, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(text(c));
  }
  return parent;
}

/** Only UI routes (#/...) and the API (/api/...) can be link targets: never javascript: or another site. */
function safeHref(h) {
  const s = String(h);
  if (s.startsWith('#/') || s.startsWith('/api/') || s === '#') return s;
  throw new Error('link target not allowed: ' + s);
}

/** The hash of a UI page: `route('method', sig)` → `#/method/<encoded sig>`. */
export function route(kind, value, query) {
  let h = '#/' + kind;
  if (value != null) h += '/' + encodeURIComponent(value);
  if (query) {
    const q = new URLSearchParams(query).toString();
    if (q) h += '?' + q;
  }
  return h;
}

/** A link to a UI page. */
export function link(kind, value, label, attrs) {
  return el('a', Object.assign({href: route(kind, value), title: value}, attrs || {}), label == null ? value : label);
}

/** Removes every child of `e`. */
export function clear(e) {
  while (e.firstChild) e.removeChild(e.firstChild);
  return e;
}

// ---- names ------------------------------------------------------------------------------------

/** `Lcom/a/B$C;` → `com.a.B$C`; arrays and primitives as Java writes them. */
export function javaName(type) {
  if (!type) return '';
  let dims = 0;
  while (type[dims] === '[') dims++;
  const base = type.slice(dims);
  const prim = {Z: 'boolean', B: 'byte', S: 'short', C: 'char', I: 'int', J: 'long', F: 'float', D: 'double', V: 'void'};
  let name = base.startsWith('L') && base.endsWith(';') ? base.slice(1, -1).replaceAll('/', '.') : (prim[base] || base);
  return name + '[]'.repeat(dims);
}

/** The simple name of a class descriptor: `Lcom/a/B$C;` → `B$C`. */
export function simpleName(type) {
  const j = javaName(type);
  const i = j.lastIndexOf('.');
  return i < 0 ? j : j.slice(i + 1);
}

/** Splits `Lcom/a/B;->foo(I)V` into {cls, name, desc}; fields `Lcom/a/B;->n:I` into {cls, name, type}. */
export function splitMember(sig) {
  const arrow = sig.indexOf('->');
  if (arrow < 0) return {cls: sig, name: '', desc: ''};
  const cls = sig.slice(0, arrow);
  const rest = sig.slice(arrow + 2);
  const paren = rest.indexOf('(');
  if (paren >= 0) return {cls, name: rest.slice(0, paren), desc: rest.slice(paren)};
  const colon = rest.indexOf(':');
  return colon >= 0 ? {cls, name: rest.slice(0, colon), type: rest.slice(colon + 1)} : {cls, name: rest, desc: ''};
}

/** `Lcom/a/B;->foo(I)V` → `B.foo(int)` for labels. */
export function shortMethod(sig) {
  const m = splitMember(sig);
  if (m.desc === undefined) return simpleName(m.cls) + '.' + m.name;
  const close = m.desc.indexOf(')');
  const params = parseTypes(m.desc.slice(1, close)).map(javaName).map((n) => n.slice(n.lastIndexOf('.') + 1));
  return simpleName(m.cls) + '.' + m.name + '(' + params.join(', ') + ')';
}

/** `ILjava/lang/String;[B` → ['I', 'Ljava/lang/String;', '[B']. */
export function parseTypes(s) {
  const out = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (s[j] === '[') j++;
    if (s[j] === 'L') {
      const end = s.indexOf(';', j);
      j = end < 0 ? s.length - 1 : end;
    }
    out.push(s.slice(i, j + 1));
    i = j + 1;
  }
  return out;
}

/** A number with thousands separators. */
export function num(n) {
  return n == null ? '' : Number(n).toLocaleString('en-US');
}
