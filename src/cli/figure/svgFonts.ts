/**
 * The SVG figure with its font inside: one @font-face rule per DejaVu Sans face that the figure's text uses, each a
 * subset with just the characters of that text (fontSubset.ts; a few kilobytes each), so that the SVG looks the same
 * in every browser and editor, α, β, τ², ≥ included, and matches the PDF. The family gets a name of its own, so an
 * installed DejaVu Sans of another version does not stand in for it; viewers that ignore @font-face fall back to
 * DejaVu Sans, Verdana or their sans-serif. resvg (the PNG) ignores @font-face and is given the font files directly.
 */
import type { Scene } from '@shared/figure/scene'
import { FIGURE_FONT_FAMILY, renderSvg, type SvgOptions } from '@shared/figure/svg'
import { faceOf, figureFonts, type FigureFontFace } from './fonts'
import { subsetFont } from './fontSubset'

/** The CSS family name of the embedded font. */
export const EMBEDDED_FONT_FAMILY = 'OpenTSA DejaVu Sans'

const FACE_CSS: Record<FigureFontFace, string> = {
  regular: 'font-weight:normal;font-style:normal',
  bold: 'font-weight:bold;font-style:normal',
  oblique: 'font-weight:normal;font-style:italic'
}

/** @font-face rules with the subsets of the faces the scene's text uses. */
export function figureFontFaces(scene: Scene): string {
  const text = new Map<FigureFontFace, string>()
  for (const item of scene.layers.flatMap((l) => l.items)) {
    if (item.kind !== 'text') continue
    const face = faceOf(item.font)
    text.set(face, (text.get(face) ?? '') + item.text)
  }
  const fonts = figureFonts()
  return [...text]
    .map(([face, chars]) => {
      const data = Buffer.from(subsetFont(fonts[face], chars)).toString('base64')
      return (
        `@font-face{font-family:'${EMBEDDED_FONT_FAMILY}';${FACE_CSS[face]};` +
        `src:url(data:font/ttf;base64,${data}) format('truetype')}`
      )
    })
    .join('\n')
}

/** The scene as an SVG document that carries its font (see the file header). */
export function svgWithEmbeddedFont(scene: Scene, options: SvgOptions = {}): string {
  return renderSvg(scene, {
    ...options,
    style: figureFontFaces(scene),
    fontFamily: `'${EMBEDDED_FONT_FAMILY}', ${FIGURE_FONT_FAMILY}`
  })
}
