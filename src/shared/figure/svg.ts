/**
 * A scene (scene.ts) as a standalone SVG document: real <path>, <circle>, <rect> and <text> elements, each tagged
 * with data-role (the Z-curve is `data-role="zCurve"`), clip paths for the plot area, the figure's size in mm and a
 * <title>/<desc> from the chart's text alternative. Pure string building: works in Node and in a browser.
 *
 * Text uses DejaVu Sans, the font the PDF embeds and the PNG is rasterised with; viewers without it fall back to
 * Verdana (the same design's metrics) or their sans-serif. An @font-face rule can be passed in to embed the font.
 */
import type { Scene, SceneItem, SceneRect } from './scene'

/** The font family the figure's text asks for. */
export const FIGURE_FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif"

export interface SvgOptions {
  /** width/height attributes; default the scene's printed size in mm */
  width?: string
  height?: string
  /** 'none' to stretch the figure to width × height exactly (a PNG's whole pixels); default the SVG default */
  preserveAspectRatio?: string
  /** prefix of the element ids (clip paths), unique per figure when several share one HTML page */
  idPrefix?: string
  /** CSS put in a <style> element, e.g. an @font-face rule that embeds the font */
  style?: string
  /** font-family of all text; default FIGURE_FONT_FAMILY */
  fontFamily?: string
}

/** Text content escaped for XML (and for SVG inlined in HTML, which reads it alike). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An attribute value escaped for XML (the five predefined entities). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** A coordinate with at most 2 decimals; a non-finite number is a bug upstream (scene.ts filters them). */
function num(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`non-finite number in the figure: ${v}`)
  const rounded = Math.round(v * 100) / 100
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

const attrs = (pairs: Record<string, string | number | undefined>): string =>
  Object.entries(pairs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v as string)}"`)
    .join('')

/** The corners of a Chart.js 'triangle' point: one vertex at `rotation` degrees from straight up. */
export function trianglePoints(
  x: number,
  y: number,
  radius: number,
  rotation: number
): { x: number; y: number }[] {
  return [0, 120, 240].map((step) => {
    const a = ((rotation + step) * Math.PI) / 180
    return { x: x + Math.sin(a) * radius, y: y - Math.cos(a) * radius }
  })
}

function itemSvg(item: SceneItem): string {
  switch (item.kind) {
    case 'polyline': {
      const d = item.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ')
      return `<path${attrs({
        'data-role': item.role,
        d,
        fill: 'none',
        stroke: item.stroke,
        'stroke-width': item.width,
        'stroke-dasharray': item.dash.length > 0 ? item.dash.map(num).join(' ') : undefined,
        'stroke-dashoffset':
          item.dash.length > 0 && item.dashOffset !== undefined ? item.dashOffset : undefined
      })}/>`
    }
    case 'rect':
      return `<rect${attrs({
        'data-role': item.role,
        x: item.rect.x,
        y: item.rect.y,
        width: item.rect.width,
        height: item.rect.height,
        fill: item.fill
      })}/>`
    case 'marker': {
      const paint = { fill: item.fill, stroke: item.stroke, 'stroke-width': item.strokeWidth }
      if (item.shape === 'circle') {
        return `<circle${attrs({ 'data-role': item.role, cx: item.x, cy: item.y, r: item.radius, ...paint })}/>`
      }
      const corners = trianglePoints(item.x, item.y, item.radius, item.rotation)
      const d = corners.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ')
      return `<path${attrs({ 'data-role': item.role, d: `${d} Z`, ...paint })}/>`
    }
    case 'text':
      return `<text${attrs({
        'data-role': item.role,
        x: item.x,
        y: item.y,
        'font-size': item.font.size,
        'font-weight': item.font.weight === 'bold' ? 'bold' : undefined,
        'font-style': item.font.style === 'italic' ? 'italic' : undefined,
        'text-anchor': item.anchor,
        fill: item.color,
        transform:
          item.rotation === 0
            ? undefined
            : `rotate(${num(item.rotation)} ${num(item.x)} ${num(item.y)})`
      })}>${escapeText(item.text)}</text>`
  }
}

const rectAttrs = (r: SceneRect): string =>
  attrs({ x: r.x, y: r.y, width: r.width, height: r.height })

/** The scene as an SVG document (UTF-8 text, with its XML declaration). */
export function renderSvg(scene: Scene, options: SvgOptions = {}): string {
  const prefix = options.idPrefix ?? 'opentsa-figure'
  const clips: string[] = []
  const body: string[] = []
  scene.layers.forEach((layer, i) => {
    if (layer.items.length === 0) return
    const inner = layer.items.map(itemSvg).join('\n')
    if (layer.clip === null) {
      body.push(`<g>\n${inner}\n</g>`)
    } else {
      const id = `${prefix}-clip${i}`
      clips.push(`<clipPath id="${escapeXml(id)}"><rect${rectAttrs(layer.clip)}/></clipPath>`)
      body.push(`<g clip-path="url(#${escapeXml(id)})">\n${inner}\n</g>`)
    }
  })
  const style = options.style === undefined ? '' : `<style>${escapeText(options.style)}</style>\n`
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs({
      width: options.width ?? `${num(scene.widthMm)}mm`,
      height: options.height ?? `${num(scene.heightMm)}mm`,
      viewBox: `0 0 ${num(scene.width)} ${num(scene.height)}`,
      preserveAspectRatio: options.preserveAspectRatio,
      role: 'img',
      'aria-labelledby': `${prefix}-title`
    })}>`,
    `<title id="${escapeXml(prefix)}-title">${escapeText(scene.label)}</title>`,
    scene.description === '' ? '' : `<desc>${escapeText(scene.description)}</desc>`,
    `<defs>\n${style}${clips.join('\n')}\n</defs>`,
    `<g${attrs({ 'font-family': options.fontFamily ?? FIGURE_FONT_FAMILY })}>`,
    ...body,
    '</g>',
    '</svg>',
    ''
  ]
    .filter((line) => line !== '')
    .join('\n')
}
