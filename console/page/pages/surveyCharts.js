// Bars drawn from the numbers as inline SVG, beside the table that holds the
// same numbers: the table is what a screen reader reads, so the picture is
// hidden from it. (A maintained chart library is wanted; none is installed.)
import { el } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Vertical bars, one per value, labelled under each; heights relative to the largest. */
export function bars(values, labels) {
  const width = 24 * values.length;
  const height = 80;
  const max = Math.max(1, ...values);
  const svg = svgEl('svg', {
    viewBox: `0 0 ${width} ${height + 14}`,
    class: 'bars',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  values.forEach((value, index) => {
    const barHeight = Math.round((value / max) * height);
    svg.append(
      svgEl('rect', { x: index * 24 + 3, y: height - barHeight, width: 18, height: barHeight, class: 'bars__bar' }),
      svgEl(
        'text',
        { x: index * 24 + 12, y: height + 12, 'text-anchor': 'middle', class: 'bars__label' },
        labels[index],
      ),
    );
  });
  return el('figure', { class: 'chart' }, svg);
}

/** One horizontal bar split in shares (detractors, passives, promoters), widths in percent of 100. */
export function shares(parts) {
  const svg = svgEl('svg', {
    viewBox: '0 0 100 8',
    preserveAspectRatio: 'none',
    class: 'shares',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  let x = 0;
  for (const { share, kind } of parts) {
    svg.append(svgEl('rect', { x, y: 0, width: share, height: 8, class: `shares__${kind}` }));
    x += share;
  }
  return el('figure', { class: 'chart' }, svg);
}

function svgEl(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}
