// A sparkline: a small inline SVG line of recent values, drawn here rather than by a chart
// library (a few dozen points need no more). Values are scaled to 0..max; the last one is marked.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 120;
const HEIGHT = 28;
const PAD = 3; // room for the end dot and the stroke

/** An <svg> line of `values` (numbers, oldest first) on a 0..`max` scale, described by `label`. */
export function sparkline(values, max, label) {
  const svg = node('svg', { class: 'sparkline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT,
    role: 'img', 'aria-label': label });
  svg.append(node('line', { class: 'baseline', x1: 0, y1: HEIGHT - PAD, x2: WIDTH, y2: HEIGHT - PAD }));
  if (values.length === 0) return svg;
  if (values.length === 1) values = [values[0], values[0]]; // one reading: a level line, not a lone dot
  const top = Math.max(max, ...values, Number.EPSILON);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  const points = values.map((v, i) => [PAD + i * step, HEIGHT - PAD - (Math.max(0, v) / top) * (HEIGHT - 2 * PAD)]);
  const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
  const [lastX, lastY] = points.at(-1);
  svg.append(node('path', { class: 'area', d: `${path} L${lastX.toFixed(1)} ${HEIGHT - PAD} L${PAD} ${HEIGHT - PAD} Z` }));
  svg.append(node('path', { class: 'line', d: path }));
  svg.append(node('circle', { class: 'end', cx: lastX.toFixed(1), cy: lastY.toFixed(1), r: 2.5 }));
  return svg;
}

function node(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
