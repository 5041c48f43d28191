/**
 * A scene as PNG: its SVG (shared/figure/svg.ts) rasterised by resvg (WebAssembly, no native code, no browser) with
 * the embedded DejaVu Sans, at the figure's size in mm × dpi / 25.4 pixels, then the dpi written into the pHYs
 * chunk so that word processors and journals place it at its size.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import { mmToDevicePx } from '@shared/figure/figureSize'
import { withPngDpi } from '@shared/figure/pngDpi'
import type { Scene } from '@shared/figure/scene'
import { renderSvg } from '@shared/figure/svg'
import { figureFonts } from './fonts'

/** resvg's WebAssembly module may be initialised only once per process. */
let ready: Promise<void> | null = null

function initResvg(): Promise<void> {
  ready ??= initWasm(
    readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'))
  )
  return ready
}

export interface ScenePng {
  png: Uint8Array
  widthPx: number
  heightPx: number
  dpi: number
}

/** The scene's pixel size at `dpi`: its printed size in mm × dpi / 25.4, rounded. */
export function scenePixelSize(scene: Scene, dpi: number): { widthPx: number; heightPx: number } {
  return {
    widthPx: mmToDevicePx(scene.widthMm, dpi),
    heightPx: mmToDevicePx(scene.heightMm, dpi)
  }
}

/** The scene rasterised at `dpi`, as a PNG that declares that dpi. */
export async function renderScenePng(scene: Scene, dpi: number): Promise<ScenePng> {
  await initResvg()
  const { widthPx, heightPx } = scenePixelSize(scene, dpi)
  // the SVG at exactly the pixel size (both dimensions rounded independently: stretch, do not letterbox)
  const svg = renderSvg(scene, {
    width: String(widthPx),
    height: String(heightPx),
    preserveAspectRatio: 'none'
  })
  const fonts = figureFonts()
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: {
      fontBuffers: [fonts.regular, fonts.bold, fonts.oblique],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans'
    },
    // text as the PDF draws it: outlines at their exact positions, not hinted to the pixel grid
    textRendering: 2,
    shapeRendering: 2
  })
  try {
    const image = resvg.render()
    try {
      return {
        png: withPngDpi(image.asPng(), dpi),
        widthPx: image.width,
        heightPx: image.height,
        dpi
      }
    } finally {
      image.free()
    }
  } finally {
    resvg.free()
  }
}
