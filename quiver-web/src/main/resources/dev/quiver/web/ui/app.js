// Quiver's browser UI: a hash router over the read-only API. Every page is a URL (#/class/...,
// #/method/..., #/graph/...), so back/forward and shared links work. Everything from the app is
// shown through dom.js (text nodes only).
import {el, append, clear, link, route, text, plain, javaName, simpleName, splitMember, shortMethod, num}
  from './dom.js';
import {GraphView, methodLabel, typeLabel} from './graph.js';

const main = document.getElementById('main');

// ---- API ----------------------------------------------------------------------------------------

/** GET /api/...; resolves to the JSON answer, rejects with the server's one-line message. */
async function api(path, params, signal) {
  const qs = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString() : '';
  const res = await fetch(path + (qs ? '?' + qs : ''), {signal, headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error(body && body.message ? body.message : `HTTP ${res.status}`);
  return body;
}

/** The ids of the rows a listing has for an exact value (a class or member may be defined twice). */
async function findIds(listing, column, value) {
  const r = await api('/api/v1/' + listing, {[column]: value, match: 'exact', columns: 'id,app,path', limit: 20});
  return r.rows;
}

// ---- page frame ---------------------------------------------------------------------------------

let pageToken = 0;

function page(title, ...children) {
  document.title = plain(title) + ' — Quiver';
  clear(main);
  append(main, children);
  main.scrollTop = 0;
}

function loading(what) {
  clear(main);
  main.appendChild(el('div', {className: 'loading'}, 'Loading ' + what + '…'));
}

function failure(err) {
  page('Error', el('div', {className: 'error'}, el('strong', null, 'Could not load this page. '), err.message));
}

function section(title, count, ...body) {
  return el('section', {className: 'card'},
      el('h2', null, title, count != null ? el('span', {className: 'count'}, num(count)) : null), ...body);
}

function empty(msg) {
  return el('p', {className: 'muted'}, msg);
}

function badges(flags) {
  return el('span', {className: 'flags'}, ...(flags || '').split(' ').filter(Boolean).map((f) => el('span', {className: 'badge'}, f)));
}

function typeLink(t) {
  if (!t) return el('span', {className: 'muted'}, '—');
  let base = t;
  while (base.startsWith('[')) base = base.slice(1);
  if (!base.startsWith('L')) return el('code', null, t);
  return el('a', {href: route('class', base), title: t, className: 'type'}, javaName(t));
}

function methodLink(sig, label) {
  return el('a', {href: route('method', sig), title: sig, className: 'method'}, label || sig);
}

function where(row) {
  if (!row.path) return null;
  return el('span', {className: 'where', title: 'source file and line'}, row.path, row.line ? ':' + row.line : '');
}

/** A table: `cols` are [header, row → cell] pairs. */
function table(rows, cols, attrs) {
  return el('table', Object.assign({className: 'grid'}, attrs || {}),
      el('thead', null, el('tr', null, ...cols.map(([h]) => el('th', null, h)))),
      el('tbody', null, ...rows.map((r) => el('tr', null, ...cols.map(([, f]) => el('td', null, f(r)))))));
}

function more(flag, what) {
  return flag ? el('p', {className: 'muted'}, 'More ' + what + ' than shown; narrow the question in the API.') : null;
}

// ---- overview and apps --------------------------------------------------------------------------

async function overview() {
  const s = await api('/api/v1/stats');
  document.getElementById('index-name').textContent = plain(s.index);
  const counts = Object.entries(s.counts).filter(([k]) => !['inputs', 'interfaces', 'annotations'].includes(k));
  page('Overview',
      el('h1', null, 'Overview'),
      el('div', {className: 'stats'}, ...counts.map(([k, v]) => el('div', {className: 'stat'},
          el('div', {className: 'stat-n'}, num(v)), el('div', {className: 'stat-k'}, k.replace('_', ' '))))),
      section('Inputs', s.apps.length, table(s.apps, [
        ['App', (a) => link('app', String(a.id), a.label)],
        ['Kind', (a) => a.kind],
        ['Classes', (a) => num(a.classes)],
        ['Files', (a) => num(a.sources)],
        ['Problems', (a) => a.problems ? el('span', {className: 'warn'}, num(a.problems)) : '0'],
        ['Path', (a) => el('code', null, a.path)],
      ])),
      section('Start here', null, el('ul', {className: 'tips'},
          el('li', null, 'Press ', el('kbd', null, '/'), ' and type a class, a method name, or a string.'),
          el('li', null, 'Browse the packages on the left.'),
          el('li', null, 'Every class, method, field and string in the code is a link.'))));
}

async function appPage(id, query) {
  const offset = Number(query.get('offset') || 0);
  const r = await api('/api/v1/apps/' + encodeURIComponent(id), {limit: 100, offset});
  const a = r.app;
  const facts = [['Path', a.path], ['Kind', a.kind], ['Package', a.package], ['Version', a.version_name
      ? a.version_name + (a.version_code != null ? ' (' + a.version_code + ')' : '') : null],
  ['SDK', a.min_sdk != null ? 'min ' + a.min_sdk + (a.target_sdk != null ? ', target ' + a.target_sdk : '') : null],
  ['Size', a.bytes != null ? num(a.bytes) + ' bytes' : null], ['SHA-256', a.sha256]].filter(([, v]) => v != null);
  const p = r.problems;
  page(a.label,
      el('h1', null, a.label, el('span', {className: 'sub'}, 'input ' + a.id)),
      el('dl', {className: 'facts'}, ...facts.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, el('code', null, v))])),
      el('div', {className: 'stats'}, ...Object.entries(r.counts).map(([k, v]) => el('div', {className: 'stat'},
          el('div', {className: 'stat-n'}, num(v)), el('div', {className: 'stat-k'}, k.replace('-', ' '))))),
      section('Problems', r.counts.problems, p.rows.length ? table(p.rows, [
        ['Kind', (x) => el('span', {className: 'badge warn'}, x.kind)],
        ['File', (x) => el('code', null, x.path + (x.line ? ':' + x.line : ''))],
        ['Message', (x) => x.message],
      ]) : empty('No problems: everything was read as it is.'),
      el('div', {className: 'pager'},
          offset > 0 ? el('a', {href: route('app', id, {offset: Math.max(0, offset - 100)})}, '← previous') : null,
          p.more ? el('a', {href: route('app', id, {offset: offset + 100})}, 'next →') : null)));
}

// ---- class page ---------------------------------------------------------------------------------

async function classPage(desc, query) {
  const rows = await findIds('classes', 'class', desc);
  if (!rows.length) return typePage(desc);
  const pick = rows.find((r) => String(r.id) === query.get('id')) || rows[0];
  const o = await api('/api/v1/classes/' + pick.id);
  const c = o.row;
  const isInterface = (' ' + c.flags + ' ').includes(' interface ');
  page(simpleName(desc),
      el('div', {className: 'crumbs'}, packageCrumbs(desc)),
      el('h1', null, el('span', {className: 'kind'}, isInterface ? 'interface' : 'class'), javaName(desc)),
      el('div', {className: 'sig'}, el('code', null, desc), ' ', badges(c.flags), ' ', where(c),
          c.duplicate ? el('span', {className: 'badge warn', title: 'defined more than once in its input'}, 'duplicate') : null),
      rows.length > 1 ? el('p', {className: 'warn'}, 'Defined ' + rows.length + ' times: ',
          ...rows.map((r) => el('a', {href: route('class', desc, {id: r.id})}, ' #' + r.id + ' (' + r.path + ')'))) : null,
      el('div', {className: 'actions'},
          el('a', {className: 'button', href: route('hierarchy', desc)}, 'Inheritance'),
          el('a', {className: 'button', href: route('typeusers', desc)}, 'Users of this type'),
          el('a', {className: 'button', href: route('app', String(c.app))}, 'App')),
      el('div', {className: 'cols'},
          section('Hierarchy', null, el('dl', {className: 'facts'},
              el('dt', null, 'Superclasses'), el('dd', null, o.superclasses.length
                ? el('span', {className: 'chain'}, ...o.superclasses.map((s, i) => [i ? ' → ' : '', typeLink(s.type)]))
                : el('span', {className: 'muted'}, 'none')),
              el('dt', null, 'Interfaces'), el('dd', null, o.interfaces.length ? list(o.interfaces.map((s) => typeLink(s.type))) : el('span', {className: 'muted'}, 'none')),
              el('dt', null, 'Subclasses'), el('dd', null, o.subclasses.length ? list(o.subclasses.map((s) => typeLink(s.type)), o.subclasses_count) : el('span', {className: 'muted'}, 'none')),
              isInterface ? el('dt', null, 'Implementers') : null,
              isInterface ? el('dd', null, o.implementers.length ? list(o.implementers.map((s) => typeLink(s.type)), o.implementers_count) : el('span', {className: 'muted'}, 'none')) : null,
              el('dt', null, 'Annotations'), el('dd', null, c.annotations ? list(c.annotations.split(' ').map(typeLink)) : el('span', {className: 'muted'}, 'none')),
              el('dt', null, 'Source'), el('dd', null, c.source_file || el('span', {className: 'muted'}, 'none')))),
          section('Fields', o.fields.length, o.fields.length ? table(o.fields, [
            ['', (f) => badges(f.flags)],
            ['Name', (f) => el('a', {href: route('field', f.field), title: f.field}, f.name)],
            ['Type', (f) => typeLink(f.type)],
            ['Value', (f) => f.value != null ? el('code', null, f.value) : ''],
          ]) : empty('No fields.'), more(o.fields_more, 'fields'))),
      section('Methods', o.methods.length, o.methods.length ? table(o.methods, [
        ['', (m) => badges(m.flags)],
        ['Method', (m) => methodLink(m.method, m.name + m.descriptor)],
        ['Returns', (m) => typeLink(m.return_type)],
        ['Line', (m) => m.line || ''],
      ]) : empty('No methods.'), more(o.methods_more, 'methods')));
}

function list(items, total) {
  const out = el('span', {className: 'list'});
  items.forEach((it, i) => append(out, [i ? ', ' : '', it]));
  if (total != null && total > items.length) append(out, [' … ', el('span', {className: 'muted'}, num(total - items.length) + ' more')]);
  return out;
}

function packageCrumbs(desc) {
  const name = desc.startsWith('L') ? desc.slice(1, -1) : desc;
  const segs = name.split('/');
  const out = [el('a', {href: route('package', '')}, 'packages')];
  for (let i = 0; i < segs.length - 1; i++) {
    out.push(' / ', el('a', {href: route('package', segs.slice(0, i + 1).join('/'))}, segs[i]));
  }
  return out;
}

/** A type the index does not define (framework or missing): what the app does with it. */
async function typePage(desc) {
  const h = await api('/api/v1/graph/classes', {type: desc, up: 0, down: 1});
  const subs = h.edges.filter((e) => e.target === desc).map((e) => e.source);
  const users = await api('/api/v1/xref/type-users', {spec: desc, limit: 200}).catch(() => ({rows: []}));
  page(simpleName(desc),
      el('h1', null, el('span', {className: 'kind'}, 'type'), javaName(desc)),
      el('div', {className: 'sig'}, el('code', null, desc), ' ', el('span', {className: 'badge external'}, 'not defined in this index')),
      el('div', {className: 'actions'}, el('a', {className: 'button', href: route('hierarchy', desc)}, 'Inheritance')),
      section('Defined subtypes', subs.length, subs.length ? list(subs.map(typeLink)) : empty('None.')),
      section('Methods using it', users.rows.length, xrefTable(users.rows, 'uses')));
}

// ---- method page --------------------------------------------------------------------------------

async function methodPage(sig, query) {
  const rows = await findIds('methods', 'method', sig);
  if (!rows.length) return externalMethod(sig);
  const pick = rows.find((r) => String(r.id) === query.get('id')) || rows[0];
  const o = await api('/api/v1/methods/' + pick.id);
  const m = o.row;
  page(shortMethod(sig),
      el('div', {className: 'crumbs'}, packageCrumbs(m.class), ' / ', el('a', {href: route('class', m.class)}, simpleName(m.class))),
      el('h1', null, el('span', {className: 'kind'}, 'method'), shortMethod(sig)),
      el('div', {className: 'sig'}, el('code', null, sig), ' ', badges(m.flags), ' ', where(m)),
      rows.length > 1 ? el('p', {className: 'warn'}, 'Defined ' + rows.length + ' times: ',
          ...rows.map((r) => el('a', {href: route('method', sig, {id: r.id})}, ' #' + r.id + ' (' + r.path + ')'))) : null,
      el('div', {className: 'actions'},
          el('a', {className: 'button primary', href: route('graph', sig)}, 'Call graph'),
          el('a', {className: 'button', href: route('class', m.class)}, 'Class'),
          el('button', {type: 'button', className: 'button', onclick: () => document.getElementById('callers').scrollIntoView()},
              'Callers (' + o.callers.length + ')')),
      section('Code', null, codeView(o.code)),
      el('div', {className: 'cols'},
          section('Callers', o.callers.length, el('a', {id: 'callers'}), xrefTable(o.callers, 'calls'), more(o.callers_more, 'callers')),
          section('Calls', o.calls.length, o.calls.length ? table(o.calls, [
            ['Kind', (k) => el('span', {className: 'badge'}, k.kind)],
            ['Callee', (k) => methodLink(k.callee, shortMethod(k.callee))],
            ['Line', (k) => k.line || ''],
          ]) : empty('Calls nothing.'), more(o.calls_more, 'calls'))),
      el('div', {className: 'cols'},
          section('Strings', o.strings.length, o.strings.length ? table(o.strings, [
            ['Value', (s) => el('a', {href: route('string', s.value), className: 'string'}, quote(s.value))],
            ['Line', (s) => s.line || ''],
          ]) : empty('Loads no string.')),
          section('Fields', o.field_refs.length, o.field_refs.length ? table(o.field_refs, [
            ['Access', (f) => el('span', {className: 'badge ' + f.access}, f.access)],
            ['Field', (f) => el('a', {href: route('field', f.field), title: f.field}, simpleName(f.target_class) + '.' + f.target_name)],
            ['Line', (f) => f.line || ''],
          ]) : empty('Uses no field.'))),
      o.type_refs.length ? section('Types', o.type_refs.length, table(o.type_refs, [
        ['Instruction', (t) => el('span', {className: 'badge'}, t.kind)],
        ['Type', (t) => typeLink(t.type)],
        ['Line', (t) => t.line || ''],
      ])) : null);
}

/** A method the index does not define: known by the calls that name it. */
async function externalMethod(sig) {
  const r = await api('/api/v1/xref/callers', {spec: sig, match: 'exact', limit: 1000});
  const m = splitMember(sig);
  page(shortMethod(sig),
      el('h1', null, el('span', {className: 'kind'}, 'method'), shortMethod(sig)),
      el('div', {className: 'sig'}, el('code', null, sig), ' ', el('span', {className: 'badge external'}, 'not defined in this index'),
          ' ', el('span', {className: 'muted'}, 'of '), typeLink(m.cls)),
      el('div', {className: 'actions'}, el('a', {className: 'button primary', href: route('graph', sig, {dir: 'callers'})}, 'Call graph')),
      section('Callers', r.rows.length, el('a', {id: 'callers'}), xrefTable(r.rows, 'calls'), more(r.truncated, 'callers')));
}

function quote(s) {
  return '"' + s + '"';
}

function xrefTable(rows, verb) {
  if (!rows.length) return empty('None in this index.');
  return table(rows, [
    ['Method', (x) => methodLink(x.method, shortMethod(x.method))],
    ['Class', (x) => typeLink(splitMember(x.method).cls)],
    ['Instruction', (x) => el('span', {className: 'badge' + (x.dispatch ? ' dispatch' : '')}, x.kind + (x.dispatch ? ' (dispatch)' : ''))],
    ['Where', (x) => where(x)],
  ], {'aria-label': verb});
}

/** The smali code with every reference a link. */
function codeView(code) {
  if (!code.lines.length) {
    return el('div', {className: 'note'}, code.note || 'No code available.');
  }
  const body = el('tbody');
  for (const ln of code.lines) {
    const cell = el('td', {className: 'src'});
    let at = 0;
    const t = ln.text;
    const refs = ln.refs || [];
    const opEnd = opcodeEnd(t);
    for (const r of refs) {
      if (r.start > at) appendCode(cell, t.slice(at, r.start), at, opEnd);
      cell.appendChild(refLink(r, t.slice(r.start, r.end)));
      at = r.end;
    }
    if (at < t.length) appendCode(cell, t.slice(at), at, opEnd);
    body.appendChild(el('tr', null, el('td', {className: 'ln'}, String(ln.line)), cell));
  }
  return el('div', null,
      code.note ? el('div', {className: 'note'}, code.note) : null,
      el('div', {className: 'code-origin muted'}, code.origin === 'baksmali' ? 'Rendered from the DEX by baksmali' : 'From the smali file'),
      el('div', {className: 'code'}, el('table', {className: 'smali'}, body)));
}

/** Where the instruction or directive of a line ends (it is coloured). */
function opcodeEnd(t) {
  const m = /^\s*([.:]?[A-Za-z][\w/\-.]*)/.exec(t);
  return m ? m[0].length : 0;
}

function appendCode(cell, s, offset, opEnd) {
  const hash = s.indexOf('#');
  if (hash >= 0 && !/"/.test(s.slice(0, hash))) {
    appendCode(cell, s.slice(0, hash), offset, opEnd);
    cell.appendChild(el('span', {className: 'cmt'}, s.slice(hash)));
    return;
  }
  if (offset < opEnd) {
    const cut = Math.min(s.length, opEnd - offset);
    const head = s.slice(0, cut);
    const lead = /^\s*/.exec(head)[0];
    if (lead) cell.appendChild(text(lead));
    const word = head.slice(lead.length);
    cell.appendChild(el('span', {className: word.startsWith('.') ? 'dir' : word.startsWith(':') ? 'lbl' : 'op'}, word));
    if (cut < s.length) cell.appendChild(text(s.slice(cut)));
    return;
  }
  cell.appendChild(text(s));
}

function refLink(r, shown) {
  switch (r.kind) {
    case 'method': return el('a', {href: route('method', r.target), title: r.target, className: 'r-method'}, shown);
    case 'field': return el('a', {href: route('field', r.target), title: r.target, className: 'r-field'}, shown);
    case 'type': return el('a', {href: route('class', r.target), title: javaName(r.target), className: 'r-type'}, shown);
    case 'string': return el('a', {href: route('string', r.target), title: 'methods loading this string', className: 'r-string'}, shown);
    default: return text(shown);
  }
}

// ---- fields, strings, type users ---------------------------------------------------------------

async function fieldPage(sig) {
  const rows = await findIds('fields', 'field', sig);
  const m = splitMember(sig);
  let row = null;
  let readers;
  let writers;
  if (rows.length) {
    const o = await api('/api/v1/fields/' + rows[0].id);
    row = o.row;
    readers = o.readers;
    writers = o.writers;
  } else {
    const opts = {spec: sig, match: 'exact', limit: 1000};
    readers = (await api('/api/v1/xref/readers', opts).catch(() => ({rows: []}))).rows;
    writers = (await api('/api/v1/xref/writers', opts).catch(() => ({rows: []}))).rows;
  }
  page(simpleName(m.cls) + '.' + m.name,
      el('h1', null, el('span', {className: 'kind'}, 'field'), simpleName(m.cls) + '.' + m.name),
      el('div', {className: 'sig'}, el('code', null, sig), ' ', row ? badges(row.flags) : el('span', {className: 'badge external'}, 'not defined in this index'),
          ' ', row ? where(row) : null),
      el('dl', {className: 'facts'}, el('dt', null, 'Class'), el('dd', null, typeLink(m.cls)),
          el('dt', null, 'Type'), el('dd', null, typeLink(m.type)),
          row && row.value != null ? [el('dt', null, 'Initial value'), el('dd', null, el('code', null, row.value))] : null),
      el('div', {className: 'cols'},
          section('Readers', readers.length, xrefTable(readers, 'reads')),
          section('Writers', writers.length, xrefTable(writers, 'writes'))));
}

async function stringPage(value) {
  const r = await api('/api/v1/xref/string-users', {spec: value, limit: 1000});
  page('"' + value + '"',
      el('h1', null, el('span', {className: 'kind'}, 'string')),
      el('pre', {className: 'string-value'}, value),
      section('Methods loading it', r.rows.length, xrefTable(r.rows, 'loads'), more(r.truncated, 'methods')));
}

async function typeUsersPage(desc) {
  const r = await api('/api/v1/xref/type-users', {spec: desc, limit: 1000});
  page('Users of ' + simpleName(desc),
      el('h1', null, el('span', {className: 'kind'}, 'users of'), javaName(desc)),
      el('div', {className: 'sig'}, el('code', null, desc), ' ', typeLink(desc)),
      section('Methods instantiating, casting, checking or naming it', r.rows.length, xrefTable(r.rows, 'uses'), more(r.truncated, 'methods')));
}

// ---- graphs -------------------------------------------------------------------------------------

async function callGraphPage(sig, query) {
  const dir = ['callers', 'callees', 'both'].includes(query.get('dir')) ? query.get('dir') : 'both';
  const depth = Math.min(5, Math.max(1, Number(query.get('depth') || 1)));
  const dispatch = query.get('dispatch') === 'true';
  const info = el('div', {className: 'graph-info'});
  const host = el('div', {className: 'graph'});
  const set = (k, v) => { const q = new URLSearchParams(query); q.set(k, v); location.hash = route('graph', sig) + '?' + q; };
  page('Call graph of ' + shortMethod(sig),
      el('div', {className: 'crumbs'}, el('a', {href: route('method', sig)}, shortMethod(sig)), ' / call graph'),
      el('h1', null, el('span', {className: 'kind'}, 'call graph'), shortMethod(sig)),
      el('div', {className: 'toolbar'},
          el('label', null, 'Show ', select(['both', 'callers', 'callees'], dir, (v) => set('dir', v))),
          el('label', null, 'Depth ', select(['1', '2', '3', '4', '5'], String(depth), (v) => set('depth', v))),
          el('label', null, el('input', {type: 'checkbox', onchange: (e) => set('dispatch', e.target.checked)}), ' virtual dispatch'),
          el('span', {className: 'muted'}, 'Click a node to expand it; drag to pan, wheel to zoom; Open goes to its page.')),
      el('div', {className: 'graph-wrap'}, host, info));
  if (dispatch) host.parentNode.parentNode.querySelector('input[type=checkbox]').checked = true;
  const view = new GraphView(host, {
    title: 'call graph',
    label: methodLabel,
    sortKey: (n) => n.id,
    expandable: (n) => n.defined !== false || dir !== 'callees',
    onClick: (n, ev) => (ev.ctrlKey || ev.metaKey || ev.detail > 1 ? (location.hash = route('method', n.id)) : expand(n)),
  });
  const colOf = (n) => (n.side === 'caller' ? -n.depth : n.side === 'callee' ? n.depth : 0);
  async function load(center, col, direction, d) {
    const r = await api('/api/v1/graph/calls', {method: center, direction, depth: d, dispatch: dispatch || null, max_nodes: 300});
    const nodes = r.nodes.map((n) => Object.assign({}, n, {col: n.id === center ? col : col + Math.sign(colOf(n)) * Math.abs(colOf(n))}));
    const added = view.merge(nodes, r.edges);
    return {added, truncated: r.truncated};
  }
  async function expand(n) {
    view.select(n);
    showInfo(n, 'Expanding…');
    const dirs = dir === 'both' ? (n.side === 'caller' ? ['callers'] : n.side === 'callee' ? ['callees'] : ['callers', 'callees']) : [dir];
    let added = 0;
    let cut = false;
    try {
      for (const d of dirs) {
        if (n.expanded.has(d)) continue;
        n.expanded.add(d);
        const r = await load(n.id, n.col, d, 1);
        added += r.added;
        cut ||= r.truncated;
      }
      view.render();
      if (added) view.fit();
      showInfo(n, added ? added + ' new node' + (added > 1 ? 's' : '') + (cut ? ' (capped)' : '') : 'Nothing new to show.');
    } catch (e) {
      showInfo(n, e.message);
    }
  }
  function showInfo(n, status) {
    clear(info);
    append(info, [
      el('div', {className: 'gi-title'}, shortMethod(n.id)),
      el('code', {className: 'gi-sig'}, n.id),
      n.defined === false ? el('div', null, el('span', {className: 'badge external'}, 'not defined in this index')) : null,
      el('div', {className: 'actions'}, el('a', {className: 'button primary', href: route('method', n.id)}, 'Open'),
          el('a', {className: 'button', href: route('graph', n.id, {dir, depth})}, 'Centre here')),
      status ? el('div', {className: 'muted gi-status'}, status) : null,
    ]);
  }
  const r = await load(sig, 0, dir, depth);
  const rootNode = view.nodes.get(r && [...view.nodes.keys()].find((k) => view.nodes.get(k).side === 'root'));
  if (rootNode) {
    for (const d of dir === 'both' ? ['callers', 'callees'] : [dir]) if (depth === 1) rootNode.expanded.add(d);
  }
  view.render();
  view.fit();
  if (rootNode) showInfo(rootNode, view.nodes.size - 1 + ' methods' + (r.truncated ? ' (capped at 300)' : ''));
}

function select(options, value, onChange) {
  const s = el('select', {onchange: (e) => onChange(e.target.value)}, ...options.map((o) => el('option', {value: o}, o)));
  s.value = value;
  return s;
}

async function hierarchyPage(desc) {
  const host = el('div', {className: 'graph'});
  const info = el('div', {className: 'graph-info'});
  page('Inheritance of ' + simpleName(desc),
      el('div', {className: 'crumbs'}, el('a', {href: route('class', desc)}, simpleName(desc)), ' / inheritance'),
      el('h1', null, el('span', {className: 'kind'}, 'inheritance'), javaName(desc)),
      el('div', {className: 'toolbar'}, el('span', {className: 'muted'}, 'Supertypes to the left, subtypes to the right. Click a type to open it.')),
      el('div', {className: 'graph-wrap'}, host, info));
  const r = await api('/api/v1/graph/classes', {type: desc, up: 10, down: 2, max_nodes: 300});
  const view = new GraphView(host, {
    title: 'inheritance', label: typeLabel, sortKey: (n) => n.id,
    onClick: (n) => { location.hash = route('class', n.id); },
  });
  view.merge(r.nodes.map((n) => Object.assign({}, n, {col: n.depth})), r.edges);
  view.render();
  view.fit();
  append(info, [el('div', {className: 'gi-title'}, javaName(desc)), el('div', {className: 'muted'},
      r.nodes.length + ' types' + (r.truncated ? ' (capped)' : ''))]);
}

// ---- packages -----------------------------------------------------------------------------------

const tree = document.getElementById('tree');

async function treeLevel(pkg, container) {
  const r = await api('/api/v1/packages', {package: pkg});
  const ul = el('ul', {role: 'group'});
  for (const p of r.packages) {
    const kids = el('div', {className: 'kids', hidden: true});
    const toggle = el('button', {type: 'button', className: 'twisty', 'aria-expanded': 'false', title: p.package,
      onclick: async () => {
        const open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        kids.hidden = open;
        if (!open && !kids.firstChild) await treeLevel(p.package, kids).catch((e) => kids.appendChild(el('div', {className: 'error'}, e.message)));
      }}, el('span', {className: 'tw'}), p.name, el('span', {className: 'count'}, num(p.classes)));
    ul.appendChild(el('li', {role: 'treeitem'}, toggle, kids));
  }
  for (const c of r.classes) {
    ul.appendChild(el('li', {role: 'treeitem'}, el('a', {href: route('class', c), title: c, className: 'leaf'}, simpleName(c))));
  }
  if (r.packages_more || r.classes_more) ul.appendChild(el('li', {className: 'muted'}, 'more entries than shown'));
  container.appendChild(ul);
}

async function packagePage(pkg) {
  const r = await api('/api/v1/packages', {package: pkg});
  const segs = pkg ? pkg.split('/') : [];
  page(pkg || 'Packages',
      el('div', {className: 'crumbs'}, el('a', {href: route('package', '')}, 'packages'),
          ...segs.map((s, i) => [' / ', el('a', {href: route('package', segs.slice(0, i + 1).join('/'))}, s)])),
      el('h1', null, el('span', {className: 'kind'}, 'package'), pkg ? pkg.replaceAll('/', '.') : '(top level)'),
      section('Packages', r.packages.length, r.packages.length ? table(r.packages, [
        ['Package', (p) => el('a', {href: route('package', p.package)}, p.name)],
        ['Classes', (p) => num(p.classes)],
      ]) : empty('No sub-packages.')),
      section('Classes', r.classes.length, r.classes.length ? list(r.classes.map(typeLink)) : empty('No classes directly here.')));
}

// ---- search -------------------------------------------------------------------------------------

const KINDS = [['classes', 'Classes'], ['methods', 'Methods'], ['fields', 'Fields'], ['strings', 'Strings']];
const input = document.getElementById('q');
const results = document.getElementById('results');
let searchTimer = 0;
let searchAbort = null;
let active = -1;

function resultItems() {
  return [...results.querySelectorAll('.item')];
}

function hitOf(kind, row) {
  switch (kind) {
    case 'classes': return {href: route('class', row.class), main: javaName(row.class), sub: row.class};
    case 'methods': return {href: route('method', row.method), main: shortMethod(row.method), sub: row.method};
    case 'fields': { const m = splitMember(row.field); return {href: route('field', row.field), main: simpleName(m.cls) + '.' + m.name, sub: row.field}; }
    default: return {href: route('string', row.value), main: '"' + row.value + '"', sub: row.method};
  }
}

function renderResults(q, answers) {
  clear(results);
  let any = false;
  for (const [kind, title] of KINDS) {
    const a = answers[kind];
    if (!a) {
      results.appendChild(el('div', {className: 'group'}, el('div', {className: 'group-title'}, title, el('span', {className: 'muted'}, ' …'))));
      continue;
    }
    if (a.error) {
      results.appendChild(el('div', {className: 'group'}, el('div', {className: 'group-title'}, title), el('div', {className: 'error small'}, a.error)));
      continue;
    }
    if (!a.rows.length) continue;
    any = true;
    const g = el('div', {className: 'group'}, el('div', {className: 'group-title'}, title, a.more ? el('span', {className: 'muted'}, ' (more)') : null));
    for (const row of a.rows) {
      const h = hitOf(kind, row);
      g.appendChild(el('a', {className: 'item', href: h.href, role: 'option', title: h.sub,
        onclick: () => closeResults()}, el('div', {className: 'hit'}, h.main), el('div', {className: 'hit-sub'}, h.sub)));
    }
    results.appendChild(g);
  }
  if (!any && KINDS.every(([k]) => answers[k])) results.appendChild(el('div', {className: 'none'}, 'Nothing matches ', el('code', null, q)));
  results.appendChild(el('a', {className: 'all', href: route('search', q), onclick: () => closeResults()}, 'All results for ', el('code', null, q), ' (Enter)'));
  results.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  active = -1;
}

function runSearch() {
  const q = input.value.trim();
  if (searchAbort) searchAbort.abort();
  if (!q) { closeResults(); return; }
  searchAbort = new AbortController();
  const signal = searchAbort.signal;
  const answers = {};
  renderResults(q, answers);
  for (const [kind] of KINDS) {
    api('/api/v1/search', {q, kinds: kind, limit: 8}, signal)
        .then((r) => { answers[kind] = r.results[kind]; })
        .catch((e) => { if (e.name !== 'AbortError') answers[kind] = {error: e.message}; })
        .finally(() => { if (!signal.aborted) renderResults(q, answers); });
  }
}

function closeResults() {
  results.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  active = -1;
}

function move(delta) {
  const items = resultItems();
  if (!items.length) return;
  active = (active + delta + items.length) % items.length;
  items.forEach((it, i) => it.classList.toggle('active', i === active));
  items[active].scrollIntoView({block: 'nearest'});
}

input.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120); });
input.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') { e.preventDefault(); if (results.hidden) runSearch(); else move(1); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
  else if (e.key === 'Enter') {
    e.preventDefault();
    const items = resultItems();
    const q = input.value.trim();
    if (active >= 0 && items[active]) location.hash = items[active].getAttribute('href');
    else if (q) location.hash = route('search', q);
    closeResults();
  } else if (e.key === 'Escape') { closeResults(); input.blur(); }
});
input.addEventListener('focus', () => { if (input.value.trim() && results.firstChild) { results.hidden = false; } });
document.addEventListener('click', (e) => { if (!e.target.closest('.search')) closeResults(); });
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) {
    e.preventDefault();
    input.focus();
    input.select();
  }
});

async function searchPage(q) {
  input.value = q;
  const r = await api('/api/v1/search', {q, limit: 50, match: 'substring'});
  page('Search: ' + q,
      el('h1', null, el('span', {className: 'kind'}, 'search'), q),
      ...KINDS.map(([kind, title]) => {
        const a = r.results[kind];
        return section(title, a.rows.length, a.rows.length ? el('ul', {className: 'hits'}, ...a.rows.map((row) => {
          const h = hitOf(kind, row);
          return el('li', null, el('a', {href: h.href, title: h.sub}, h.main), ' ', el('span', {className: 'muted'}, h.sub));
        })) : empty('No match (' + a.match + ' ' + JSON.stringify(a.pattern) + (a.ignore_case ? ', ignoring case' : '') + ').'),
        more(a.more, kind));
      }));
}

// ---- router -------------------------------------------------------------------------------------

const ROUTES = {
  '': overview, app: appPage, class: classPage, method: methodPage, field: fieldPage, string: stringPage,
  typeusers: typeUsersPage, graph: callGraphPage, hierarchy: hierarchyPage, package: packagePage, search: searchPage,
};

async function render() {
  const token = ++pageToken;
  const h = location.hash.replace(/^#\/?/, '');
  const qi = h.indexOf('?');
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const query = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const slash = path.indexOf('/');
  const name = slash >= 0 ? path.slice(0, slash) : path;
  let value = slash >= 0 ? path.slice(slash + 1) : null;
  try {
    value = value == null ? null : decodeURIComponent(value);
  } catch (e) {
    return failure(new Error('malformed link'));
  }
  const fn = ROUTES[name];
  if (!fn) return failure(new Error('no page ' + name));
  loading(name || 'overview');
  try {
    await (name === '' ? fn() : fn(value ?? '', query));
  } catch (e) {
    if (token === pageToken) failure(e);
  }
}

window.addEventListener('hashchange', render);
render();
treeLevel('', tree).catch((e) => tree.appendChild(el('div', {className: 'error small'}, e.message)));
api('/api/v1/stats').then((s) => { document.getElementById('index-name').textContent = plain(s.index); }).catch(() => {});
