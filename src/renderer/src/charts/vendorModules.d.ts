// Types for a small untyped package used by exportFigure.ts (only the parts we call).

declare module 'svgcanvas' {
  export interface ContextOptions {
    width?: number
    height?: number
    document?: Document
    ctx?: CanvasRenderingContext2D
    enableMirroring?: boolean
  }
  /** A CanvasRenderingContext2D look-alike that records into an SVG document. */
  export class Context {
    constructor(options?: ContextOptions)
    width: number
    height: number
    getSerializedSvg(fixNamedEntities?: boolean): string
    getSvg(): SVGSVGElement
  }
}
