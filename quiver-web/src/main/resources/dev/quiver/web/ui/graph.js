// The interactive graphs: a call graph around a method that grows as nodes are expanded, and the
// inheritance around a type. Plain SVG with a layered layout (callers to the left, callees to the
// right; supertypes above, subtypes below), pan by dragging, zoom with the wheel or the buttons.
// Labels are SVG text nodes set with textContent: names from the app never become markup.
import {el, plain, shortMethod, simpleName, javaName} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 230;
const NODE_H = 34;
const GAP_X = 90;
const GAP_Y = 14;

function svg(tag, attrs, textValue) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (textValue != null) e.textContent = plain(textValue);
  return e;
}

/**
 * A graph view in `host`. `model` holds nodes {id, col, defined, kind} and edges {source, target,
 * kind, dispatch}; `opts.label(node)` gives a node's text, `opts.onClick(node, event)` reacts.
 */
export class GraphView {
  constructor(host, opts) {
    this.opts = opts;
    this.nodes = new Map();
    this.edges = new Map();
    this.selected = null;
    this.scale = 1;
    this.tx = 0;
    this.ty = 0;
    this.root = svg('svg', {class: 'graph-svg', role: 'img', 'aria-label': opts.title || 'graph'});
    const defs = svg('defs');
    for (const [id, cls] of [['arrow', 'arrow'], ['arrow-d', 'arrow dispatch']]) {
      const marker = svg('marker', {id, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7',
        orient: 'auto-start-reverse'});
      marker.appendChild(svg('path', {d: 'M0,0 L10,5 L0,10 z', class: cls}));
      defs.appendChild(marker);
    }
    this.root.appendChild(defs);
    this.layer = svg('g');
    this.root.appendChild(this.layer);
    this.controls = el('div', {className: 'graph-controls'},
        el('button', {type: 'button', title: 'Zoom in', onclick: () => this.zoom(1.25)}, '+'),
        el('button', {type: 'button', title: 'Zoom out', onclick: () => this.zoom(0.8)}, '−'),
        el('button', {type: 'button', title: 'Fit to view', onclick: () => this.fit()}, 'Fit'));
    host.append(this.root, this.controls);
    this.panning();
  }

  /** Adds nodes and edges (already present ones are kept); returns how many nodes were new. */
  merge(nodes, edges) {
    let added = 0;
    for (const n of nodes) {
      if (!this.nodes.has(n.id)) {
        this.nodes.set(n.id, Object.assign({expanded: new Set()}, n));
        added++;
      }
    }
    for (const e of edges) {
      if (this.nodes.has(e.source) && this.nodes.has(e.target)) this.edges.set(e.source + '\u0000' + e.target, e);
    }
    return added;
  }

  /** Lays the nodes out in columns (by `col`) and draws everything. */
  render() {
    const cols = new Map();
    for (const n of this.nodes.values()) {
      if (!cols.has(n.col)) cols.set(n.col, []);
      cols.get(n.col).push(n);
    }
    for (const [c, list] of cols) {
      list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || (this.opts.sortKey(a) < this.opts.sortKey(b) ? -1 : 1));
      const total = list.length * NODE_H + (list.length - 1) * GAP_Y;
      list.forEach((n, i) => {
        n.x = c * (NODE_W + GAP_X);
        n.y = i * (NODE_H + GAP_Y) - total / 2;
      });
    }
    while (this.layer.firstChild) this.layer.removeChild(this.layer.firstChild);
    const edgeLayer = svg('g', {class: 'edges'});
    const nodeLayer = svg('g', {class: 'nodes'});
    for (const e of this.edges.values()) {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      const [x1, y1, x2, y2] = this.ends(a, b);
      const mx = (x1 + x2) / 2;
      const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
      const p = svg('path', {d, class: 'edge' + (e.dispatch ? ' dispatch' : '') + (e.kind ? ' k-' + e.kind.replace(/[^a-z]/g, '') : ''),
        'marker-end': e.dispatch ? 'url(#arrow-d)' : 'url(#arrow)'});
      p.appendChild(svg('title', {}, (e.kind || '') + (e.sites > 1 ? ` (${e.sites} sites)` : '') + (e.dispatch ? ' via dispatch' : '')));
      edgeLayer.appendChild(p);
    }
    for (const n of this.nodes.values()) {
      const cls = ['node', n.side || '', n.defined === false ? 'external' : '', n === this.selected ? 'selected' : '',
        n.interface ? 'iface' : ''].join(' ');
      const g = svg('g', {class: cls, transform: `translate(${n.x},${n.y})`, tabindex: '0', role: 'button',
        'data-id': n.id});
      g.appendChild(svg('rect', {width: NODE_W, height: NODE_H, rx: '6'}));
      const label = this.opts.label(n);
      g.appendChild(svg('text', {x: '10', y: '14', class: 'l1'}, clip(label[0], 28)));
      g.appendChild(svg('text', {x: '10', y: '27', class: 'l2'}, clip(label[1], 34)));
      if (n.expandable !== false && this.opts.expandable && this.opts.expandable(n)) {
        g.appendChild(svg('text', {x: NODE_W - 16, y: '21', class: 'plus'}, '+'));
      }
      g.appendChild(svg('title', {}, n.id));
      g.addEventListener('click', (ev) => { ev.stopPropagation(); this.opts.onClick(n, ev); });
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') this.opts.onClick(n, ev); });
      nodeLayer.appendChild(g);
    }
    this.layer.append(edgeLayer, nodeLayer);
    this.apply();
  }

  ends(a, b) {
    if (a.x === b.x) return [a.x + NODE_W / 2, a.y + NODE_H, b.x + NODE_W / 2, b.y];
    return a.x < b.x ? [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2]
      : [a.x, a.y + NODE_H / 2, b.x + NODE_W, b.y + NODE_H / 2];
  }

  select(n) {
    this.selected = n;
    this.render();
  }

  /** Scales and centres the drawing in the view. */
  fit() {
    const xs = [...this.nodes.values()];
    if (!xs.length) return;
    const minX = Math.min(...xs.map((n) => n.x)) - 20;
    const maxX = Math.max(...xs.map((n) => n.x + NODE_W)) + 20;
    const minY = Math.min(...xs.map((n) => n.y)) - 48; // room for the zoom buttons
    const maxY = Math.max(...xs.map((n) => n.y + NODE_H)) + 20;
    const w = this.root.clientWidth || 800;
    const h = this.root.clientHeight || 500;
    this.scale = Math.min(1.2, Math.max(0.15, Math.min(w / (maxX - minX), h / (maxY - minY))));
    this.tx = (w - (maxX - minX) * this.scale) / 2 - minX * this.scale;
    this.ty = (h - (maxY - minY) * this.scale) / 2 - minY * this.scale;
    this.apply();
  }

  zoom(f, cx, cy) {
    const w = this.root.clientWidth || 800;
    const h = this.root.clientHeight || 500;
    const x = cx ?? w / 2;
    const y = cy ?? h / 2;
    const s = Math.min(4, Math.max(0.1, this.scale * f));
    this.tx = x - (x - this.tx) * (s / this.scale);
    this.ty = y - (y - this.ty) * (s / this.scale);
    this.scale = s;
    this.apply();
  }

  apply() {
    this.layer.setAttribute('transform', `translate(${this.tx},${this.ty}) scale(${this.scale})`);
  }

  panning() {
    let drag = null;
    this.root.addEventListener('pointerdown', (ev) => {
      if (ev.target.closest && ev.target.closest('.node')) return;
      drag = {x: ev.clientX, y: ev.clientY, tx: this.tx, ty: this.ty};
      this.root.setPointerCapture(ev.pointerId);
      this.root.classList.add('dragging');
    });
    this.root.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      this.tx = drag.tx + ev.clientX - drag.x;
      this.ty = drag.ty + ev.clientY - drag.y;
      this.apply();
    });
    const end = () => { drag = null; this.root.classList.remove('dragging'); };
    this.root.addEventListener('pointerup', end);
    this.root.addEventListener('pointercancel', end);
    this.root.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const r = this.root.getBoundingClientRect();
      this.zoom(ev.deltaY < 0 ? 1.12 : 1 / 1.12, ev.clientX - r.left, ev.clientY - r.top);
    }, {passive: false});
  }
}

function clip(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Two label lines for a method node: `Class.method(params)` and the package. */
export function methodLabel(n) {
  const arrow = n.id.indexOf('->');
  const cls = arrow > 0 ? n.id.slice(0, arrow) : n.id;
  const pkg = javaName(cls);
  return [shortMethod(n.id), pkg.slice(0, Math.max(0, pkg.lastIndexOf('.'))) || '(default package)'];
}

/** Two label lines for a type node: the simple name and the package. */
export function typeLabel(n) {
  const j = javaName(n.id);
  return [simpleName(n.id) + (n.interface ? '  «interface»' : ''), j.slice(0, Math.max(0, j.lastIndexOf('.'))) || '(default package)'];
}
