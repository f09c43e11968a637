// Small SVG charts: lines over a shared x axis (with bands), and x/y tracks with circles. No library, so
// nothing to download and every drawn series is a plain element a test can count.

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 320;
const PAD = { left: 64, right: 28, top: 12, bottom: 28 };

function el(name, attributes = {}, parent) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value);
  }
  if (parent) parent.appendChild(node);
  return node;
}

function extent(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (!Number.isFinite(min)) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  const margin = (max - min) * 0.05;
  return [min - margin, max + margin];
}

function ticks([min, max], count) {
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => min + i * step);
}

function label(value) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || (magnitude > 0 && magnitude < 1e-3)) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

function frame(title) {
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': title });
  el('title', {}, svg).textContent = title;
  return svg;
}

function axes(svg, xs, ys, sx, sy, xLabel) {
  for (const y of ticks(ys, 4)) {
    el('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: sy(y), y2: sy(y), stroke: '#eef1f4' }, svg);
    el('text', { x: PAD.left - 6, y: sy(y) + 4, 'text-anchor': 'end' }, svg).textContent = label(y);
  }
  for (const x of ticks(xs, 6)) {
    el('text', { x: sx(x), y: HEIGHT - 8, 'text-anchor': 'middle' }, svg).textContent = xLabel(x);
  }
}

/**
 * Lines over x. series: [{name, color, x: [], y: [], dashed}], bands: [{name, x: [], lower: [], upper: []}].
 * xLabel formats an x value (numbers, or epoch milliseconds for time).
 */
export function lineChart({ title, series, bands = [], xLabel = label }) {
  const xs = extent(series.flatMap((s) => s.x).concat(bands.flatMap((b) => b.x)));
  const ys = extent(series.flatMap((s) => s.y).concat(bands.flatMap((b) => b.lower.concat(b.upper))));
  const sx = (x) => PAD.left + ((x - xs[0]) / (xs[1] - xs[0])) * (WIDTH - PAD.left - PAD.right);
  const sy = (y) => HEIGHT - PAD.bottom - ((y - ys[0]) / (ys[1] - ys[0])) * (HEIGHT - PAD.top - PAD.bottom);
  const svg = frame(title);
  axes(svg, xs, ys, sx, sy, xLabel);
  for (const band of bands) {
    const upper = band.x.map((x, i) => `${sx(x)},${sy(band.upper[i])}`);
    const lower = band.x.map((x, i) => `${sx(x)},${sy(band.lower[i])}`).reverse();
    el('polygon', { points: upper.concat(lower).join(' '), fill: 'var(--band)', 'data-band': band.name }, svg);
  }
  for (const s of series) {
    const points = s.x.map((x, i) => [x, s.y[i]]).filter(([, y]) => Number.isFinite(y));
    el('polyline', {
      points: points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' '), fill: 'none', stroke: s.color,
      'stroke-width': 2, 'stroke-dasharray': s.dashed ? '5 4' : 'none', 'data-series': s.name,
      'data-points': points.length,
    }, svg);
  }
  return withLegend(svg, series.map((s) => [s.name, s.color]).concat(bands.map((b) => [b.name, 'var(--band)'])));
}

/** Tracks in the plane, equal scales. tracks: [{name, color, points: [[x, y]], dashed, radii: [r]}]. */
export function trackChart({ title, tracks }) {
  const all = tracks.flatMap((t) => t.points);
  const reach = Math.max(0, ...tracks.flatMap((t) => t.radii || []));
  let xs = extent(all.map((p) => p[0]).concat(all.map((p) => p[0] + reach), all.map((p) => p[0] - reach)));
  let ys = extent(all.map((p) => p[1]).concat(all.map((p) => p[1] + reach), all.map((p) => p[1] - reach)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const scale = Math.min(plotW / (xs[1] - xs[0]), plotH / (ys[1] - ys[0]));
  const cx = (xs[0] + xs[1]) / 2;
  const cy = (ys[0] + ys[1]) / 2;
  xs = [cx - plotW / scale / 2, cx + plotW / scale / 2];
  ys = [cy - plotH / scale / 2, cy + plotH / scale / 2];
  const sx = (x) => PAD.left + (x - xs[0]) * scale;
  const sy = (y) => HEIGHT - PAD.bottom - (y - ys[0]) * scale;
  const svg = frame(title);
  axes(svg, xs, ys, sx, sy, label);
  for (const t of tracks) {
    (t.radii || []).forEach((r, i) => {
      const [x, y] = t.points[i];
      el('circle', { cx: sx(x), cy: sy(y), r: r * scale, fill: 'var(--band)', stroke: 'none', 'data-radius': t.name }, svg);
    });
    el('polyline', {
      points: t.points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' '), fill: 'none', stroke: t.color,
      'stroke-width': 2, 'stroke-dasharray': t.dashed ? '5 4' : 'none', 'data-series': t.name,
      'data-points': t.points.length,
    }, svg);
  }
  return withLegend(svg, tracks.map((t) => [t.name, t.color]));
}

function withLegend(svg, entries) {
  const figure = document.createElement('figure');
  figure.className = 'card';
  figure.appendChild(svg);
  const legend = document.createElement('figcaption');
  legend.className = 'legend';
  for (const [name, color] of entries) {
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = color;
    item.append(swatch, name);
    legend.appendChild(item);
  }
  figure.appendChild(legend);
  return figure;
}
