// Types for two small untyped packages used by exportFigure.ts (only the parts we call).

declare module 'changedpi' {
  /** Writes (or overwrites) the pHYs chunk of a PNG / the JFIF density of a JPEG data URL. */
  export function changeDpiDataUrl(dataUrl: string, dpi: number): string
  export function changeDpiBlob(blob: Blob, dpi: number): Promise<Blob>
}

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
