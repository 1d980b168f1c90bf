const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 10;
const TITLE_H = 22;
const LEGEND_ROW_H = 18;

/** Presentation properties copied from the page's CSS onto the exported elements. */
const INLINED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'opacity',
  'text-anchor',
  'dominant-baseline',
  'font-family',
  'font-size',
  'font-weight',
] as const;

export interface LegendEntry {
  label: string;
  colour: string;
  dash: string | null;
}

export interface SvgDocument {
  text: string;
  width: number;
  height: number;
}

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/**
 * The page styles charts with CSS (colours from custom properties, dark mode included); a file
 * on its own has none of it, so each element gets its computed presentation inline.
 */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  const declarations = INLINED.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  copy.setAttribute('style', declarations);
  const from = source.children;
  const to = copy.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

function textWidth(font: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * 7.5;
  context.font = font;
  return (text) => context.measureText(text).width;
}

/**
 * A standalone SVG document of a drawing as the page shows it (a chart, the topology): its title,
 * its legend (the page draws those in HTML) and the drawing, on the panel's background.
 */
export function chartSvg(
  plot: SVGSVGElement,
  title: string,
  legend: readonly LegendEntry[],
): SvgDocument {
  const width = Number(plot.getAttribute('width')) || plot.clientWidth;
  const plotHeight = Number(plot.getAttribute('height')) || plot.clientHeight;
  const page = getComputedStyle(plot);
  const background = page.getPropertyValue('--panel').trim() || '#ffffff';
  const text = page.getPropertyValue('--fg').trim() || '#1c1c1e';
  const font = page.getPropertyValue('font-family');

  // Legend entries flow left to right and wrap, measured in the font they will be drawn in.
  const measure = textWidth(`12px ${font}`);
  const entries: { x: number; row: number; entry: LegendEntry }[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of legend) {
    const w = 25 + measure(entry.label) + 16;
    if (x + w > width - PAD && x > PAD) {
      row++;
      x = PAD;
    }
    entries.push({ x, row, entry });
    x += w;
  }
  const legendHeight = legend.length > 0 ? (row + 1) * LEGEND_ROW_H : 0;
  const top = PAD + TITLE_H + legendHeight;
  const height = top + plotHeight;

  const fullWidth = width + PAD;
  const root = element('svg', { width: fullWidth, height, viewBox: `0 0 ${fullWidth} ${height}` });
  root.setAttribute('font-family', font);
  root.append(element('rect', { width: fullWidth, height, fill: background }));
  const heading = element('text', {
    x: PAD,
    y: PAD + 14,
    fill: text,
    'font-size': 14,
    'font-weight': 600,
  });
  heading.textContent = title;
  root.append(heading);
  for (const { x: ex, row: r, entry } of entries) {
    const y = PAD + TITLE_H + r * LEGEND_ROW_H + LEGEND_ROW_H / 2;
    const line = element('line', {
      x1: ex,
      x2: ex + 20,
      y1: y,
      y2: y,
      stroke: entry.colour,
      'stroke-width': 2.5,
    });
    if (entry.dash) line.setAttribute('stroke-dasharray', entry.dash);
    const label = element('text', { x: ex + 25, y: y + 4, fill: text, 'font-size': 12 });
    label.textContent = entry.label;
    root.append(line, label);
  }
  // A nested <svg> keeps the drawing's own viewBox (the topology's starts above 0).
  const body = element('svg', { x: 0, y: top, width, height: plotHeight });
  const viewBox = plot.getAttribute('viewBox');
  if (viewBox) body.setAttribute('viewBox', viewBox);
  for (const child of Array.from(plot.children)) {
    const copy = child.cloneNode(true) as Element;
    inlineStyles(child, copy);
    body.append(copy);
  }
  root.append(body);
  const xml = new XMLSerializer().serializeToString(root);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, width: fullWidth, height };
}

/** Renders an SVG document onto a canvas (at `scale` for sharp lines) and encodes it as PNG. */
export async function svgToPng({ text, width, height }: SvgDocument, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
