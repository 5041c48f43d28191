// Reading PNG and PDF files in tests: chunks, grey levels and resolution of a PNG, the (inflated) streams of a PDF.
// Used by the figure export e2e test and the headless figure's unit tests.
import { inflateSync } from 'node:zlib'

/** Pixels per metre of a PNG's pHYs chunk, or null when there is none. */
export function pngPixelsPerMetre(png: Buffer): number | null {
  let at = 8
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    if (type === 'pHYs') return png.readUInt32BE(at + 8)
    at += 12 + length
  }
  return null
}

/** The chunks of a PNG in file order. */
export function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = []
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at)
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length)
    })
    at += 12 + length
  }
  return chunks
}

/**
 * Grey levels (0–255) of an 8-bit, non-interlaced greyscale or RGB(A) PNG such as pdftoppm writes: the IDAT data
 * inflated and its row filters undone (PNG spec §9).
 */
export function pngGreyLevels(png: Buffer): { width: number; height: number; grey: Uint8Array } {
  const chunks = pngChunks(png)
  const ihdr = chunks.find((c) => c.type === 'IHDR')?.data
  if (ihdr === undefined) throw new Error('PNG without IHDR')
  const [width, height, depth, colour, interlace] = [
    ihdr.readUInt32BE(0),
    ihdr.readUInt32BE(4),
    ihdr[8],
    ihdr[9],
    ihdr[12]
  ]
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour ?? -1]
  if (depth !== 8 || interlace !== 0 || channels === undefined) {
    throw new Error(
      `unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`
    )
  }
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)))
  const stride = width * channels
  const pixels = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0
      const left = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0
      const upLeft = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0
      const paeth = (): number => {
        const p = left + up - upLeft
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)]
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      }
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter ?? 0] ?? 0
      pixels[y * stride + x] = (value + predictor) & 0xff
    }
  }
  const grey = new Uint8Array(width * height)
  const colours = channels >= 3 ? 3 : 1
  for (let i = 0; i < width * height; i++) {
    let sum = 0
    for (let c = 0; c < colours; c++) sum += pixels[i * channels + c] ?? 0
    grey[i] = Math.round(sum / colours)
  }
  return { width, height, grey }
}

/** The content of every stream of a PDF, FlateDecode streams inflated. */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  const streams: string[] = []
  for (const m of text.matchAll(/<<((?:(?!stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dictionary = m[1] ?? ''
    const start = (m.index ?? 0) + m[0].length
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dictionary)?.[1]
    const end = length !== undefined ? start + Number(length) : text.indexOf('endstream', start)
    const bytes = pdf.subarray(start, end)
    streams.push(
      (dictionary.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1')
    )
  }
  return streams
}
