/**
 * A TrueType subset that browsers accept as a web font: only the glyphs of the given characters (and the glyphs their
 * composite glyphs are built of), with a cmap for them, so that an SVG can carry its font in an @font-face rule of a
 * few kilobytes instead of DejaVu Sans's 750 kB. (pdfkit's subsets are made for PDF: they have no cmap, name, OS/2 or
 * post table, and browsers refuse them.)
 *
 * Kept: glyf/loca (long offsets), hmtx/hhea, maxp, head, the hinting programs (cvt, fpgm, prep, gasp) the glyphs'
 * instructions call, OS/2, and the name table's Windows English records with the copyright and licence notices
 * (the Bitstream Vera licence asks every copy to carry them). Left out: kerning and OpenType layout (GPOS, GSUB,
 * kern), which the figure's short labels do without. Table layout after the OpenType specification
 * (learn.microsoft.com/typography/opentype/spec).
 */

interface TableRecord {
  offset: number
  length: number
}

function tablesOf(font: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const count = view.getUint16(4)
  const tables = new Map<string, TableRecord>()
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i
    const tag = String.fromCharCode(...font.subarray(at, at + 4))
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) })
  }
  return tables
}

/** A table's bytes (a view into the font), or an error naming the missing table. */
function table(font: Uint8Array, tables: Map<string, TableRecord>, tag: string): Uint8Array {
  const t = tables.get(tag)
  if (t === undefined) throw new Error(`font has no '${tag}' table`)
  return font.subarray(t.offset, t.offset + t.length)
}

/** A copy: a Buffer's slice() is a view, and writing into it would change the font everyone shares. */
const copyOf = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes)

const viewOf = (bytes: Uint8Array): DataView =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** The glyph of each code point, from the cmap's Unicode subtable (format 12 if there is one, else format 4). */
export function cmapLookup(font: Uint8Array): (codePoint: number) => number {
  const cmap = table(font, tablesOf(font), 'cmap')
  const view = viewOf(cmap)
  const subtables: { platform: number; encoding: number; format: number; at: number }[] = []
  for (let i = 0; i < view.getUint16(2); i++) {
    const at = view.getUint32(4 + 8 * i + 4)
    subtables.push({
      platform: view.getUint16(4 + 8 * i),
      encoding: view.getUint16(4 + 8 * i + 2),
      format: view.getUint16(at),
      at
    })
  }
  const full = subtables.find((s) => s.format === 12 && (s.platform === 3 || s.platform === 0))
  if (full !== undefined) {
    const groups = view.getUint32(full.at + 12)
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const at = full.at + 16 + 12 * g
        const start = view.getUint32(at)
        const end = view.getUint32(at + 4)
        if (cp >= start && cp <= end) return view.getUint32(at + 8) + (cp - start)
      }
      return 0
    }
  }
  const bmp = subtables.find((s) => s.format === 4 && (s.platform === 3 || s.platform === 0))
  if (bmp === undefined) throw new Error('font has no Unicode cmap')
  const segments = view.getUint16(bmp.at + 6) / 2
  const ends = bmp.at + 14
  const starts = ends + 2 * segments + 2
  const deltas = starts + 2 * segments
  const ranges = deltas + 2 * segments
  return (cp) => {
    for (let s = 0; s < segments; s++) {
      if (cp > view.getUint16(ends + 2 * s)) continue
      const start = view.getUint16(starts + 2 * s)
      if (cp < start) return 0
      const delta = view.getInt16(deltas + 2 * s)
      const rangeOffset = view.getUint16(ranges + 2 * s)
      if (rangeOffset === 0) return (cp + delta) & 0xffff
      const glyph = view.getUint16(ranges + 2 * s + rangeOffset + 2 * (cp - start))
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}

// composite glyph flags (OpenType 'glyf')
const ARG_1_AND_2_ARE_WORDS = 0x0001
const WE_HAVE_A_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
const WE_HAVE_A_TWO_BY_TWO = 0x0080

/** Offsets of the component glyph ids in a composite glyph (empty for a simple glyph). */
function componentOffsets(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return []
  const view = viewOf(glyph)
  if (view.getInt16(0) >= 0) return []
  const offsets: number[] = []
  let at = 10
  for (;;) {
    const flags = view.getUint16(at)
    offsets.push(at + 2)
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
    if (flags & WE_HAVE_A_SCALE) at += 2
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8
    if (!(flags & MORE_COMPONENTS)) return offsets
  }
}

/** 4-byte checksum of a table (OpenType "Calculating checksums"). */
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4)
  padded.set(bytes)
  const view = viewOf(padded)
  let sum = 0
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0
  return sum
}

/** A cmap with one format 4 subtable (Unicode BMP), under platform 0/3 and 3/1: one segment per code point. */
function buildCmap(map: [number, number][]): Uint8Array {
  const segments = [
    ...map.map(([cp, glyph]) => ({ start: cp, end: cp, glyph })),
    { start: 0xffff, end: 0xffff, glyph: 0 }
  ]
  const n = segments.length
  const subtableLength = 16 + 8 * n
  const out = new Uint8Array(4 + 8 * 2 + subtableLength)
  const view = viewOf(out)
  view.setUint16(2, 2) // two encoding records, one subtable
  view.setUint16(4, 0)
  view.setUint16(6, 3)
  view.setUint32(8, 20)
  view.setUint16(12, 3)
  view.setUint16(14, 1)
  view.setUint32(16, 20)
  const at = 20
  view.setUint16(at, 4)
  view.setUint16(at + 2, subtableLength)
  const searchRange = 2 * 2 ** Math.floor(Math.log2(n))
  view.setUint16(at + 6, 2 * n)
  view.setUint16(at + 8, searchRange)
  view.setUint16(at + 10, Math.floor(Math.log2(n)))
  view.setUint16(at + 12, 2 * n - searchRange)
  segments.forEach((s, i) => {
    view.setUint16(at + 14 + 2 * i, s.end)
    view.setUint16(at + 16 + 2 * n + 2 * i, s.start)
    // idDelta: glyph = (code + delta) mod 65536; the closing 0xFFFF segment maps to glyph 0
    view.setUint16(at + 16 + 4 * n + 2 * i, s.start === 0xffff ? 1 : (s.glyph - s.start) & 0xffff)
    view.setUint16(at + 16 + 6 * n + 2 * i, 0)
  })
  return out
}

/** The name table's Windows English records (platform 3, encoding 1, language 0x409) of the given name ids. */
function windowsNames(name: Uint8Array, keep: ReadonlySet<number>): Uint8Array {
  const view = viewOf(name)
  const count = view.getUint16(2)
  const storage = view.getUint16(4)
  const records: { id: number; bytes: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i
    const [platform, encoding, language, id] = [0, 2, 4, 6].map((o) => view.getUint16(at + o))
    if (platform !== 3 || encoding !== 1 || language !== 0x409 || !keep.has(id ?? -1)) continue
    const length = view.getUint16(at + 8)
    const offset = storage + view.getUint16(at + 10)
    records.push({ id: id ?? 0, bytes: name.subarray(offset, offset + length) })
  }
  const header = 6 + 12 * records.length
  const out = new Uint8Array(header + records.reduce((n, r) => n + r.bytes.length, 0))
  const w = viewOf(out)
  w.setUint16(2, records.length)
  w.setUint16(4, header)
  let text = 0
  records.forEach((r, i) => {
    const at = 6 + 12 * i
    w.setUint16(at, 3)
    w.setUint16(at + 2, 1)
    w.setUint16(at + 4, 0x409)
    w.setUint16(at + 6, r.id)
    w.setUint16(at + 8, r.bytes.length)
    w.setUint16(at + 10, text)
    out.set(r.bytes, header + text)
    text += r.bytes.length
  })
  return out
}

/** Copyright, family, subfamily, unique id, full name, version, PostScript name, licence and its URL. */
const NAME_IDS = new Set([0, 1, 2, 3, 4, 5, 6, 13, 14])

/** The font reduced to the glyphs of `text`'s characters (and .notdef), as TrueType bytes. */
export function subsetFont(font: Uint8Array, text: string): Uint8Array {
  const tables = tablesOf(font)
  const head = table(font, tables, 'head')
  const hhea = table(font, tables, 'hhea')
  const maxp = table(font, tables, 'maxp')
  const hmtx = table(font, tables, 'hmtx')
  const loca = table(font, tables, 'loca')
  const glyf = table(font, tables, 'glyf')
  const numGlyphs = viewOf(maxp).getUint16(4)
  const longLoca = viewOf(head).getInt16(50) === 1
  const metrics = viewOf(hhea).getUint16(34)
  const glyphAt = (g: number): Uint8Array => {
    const v = viewOf(loca)
    const [from, to] = longLoca
      ? [v.getUint32(4 * g), v.getUint32(4 * g + 4)]
      : [2 * v.getUint16(2 * g), 2 * v.getUint16(2 * g + 2)]
    return glyf.subarray(from, to)
  }

  // the glyphs: .notdef, those of the characters, and every component of a composite, recursively
  const lookup = cmapLookup(font)
  const codePoints = [...new Set([...text].map((ch) => ch.codePointAt(0) ?? 0))]
    .filter((cp) => cp > 0 && cp < 0xffff && lookup(cp) !== 0)
    .sort((a, b) => a - b)
  const used = new Set<number>([0])
  const queue = codePoints.map(lookup)
  while (queue.length > 0) {
    const g = queue.pop() as number
    if (used.has(g) || g >= numGlyphs) continue
    used.add(g)
    const glyph = glyphAt(g)
    for (const at of componentOffsets(glyph)) queue.push(viewOf(glyph).getUint16(at))
  }
  const order = [...used].sort((a, b) => a - b)
  const newId = new Map(order.map((g, i) => [g, i]))

  // glyf and loca (long offsets), component ids renumbered
  const glyphs = order.map((g) => {
    const copy = copyOf(glyphAt(g))
    for (const at of componentOffsets(copy)) {
      viewOf(copy).setUint16(at, newId.get(viewOf(copy).getUint16(at)) ?? 0)
    }
    const padded = new Uint8Array(Math.ceil(copy.length / 4) * 4)
    padded.set(copy)
    return padded
  })
  const newGlyf = new Uint8Array(glyphs.reduce((n, g) => n + g.length, 0))
  const newLoca = new Uint8Array(4 * (order.length + 1))
  let offset = 0
  glyphs.forEach((g, i) => {
    viewOf(newLoca).setUint32(4 * i, offset)
    newGlyf.set(g, offset)
    offset += g.length
  })
  viewOf(newLoca).setUint32(4 * order.length, offset)

  // horizontal metrics: every glyph with its own advance
  const newHmtx = new Uint8Array(4 * order.length)
  order.forEach((g, i) => {
    const m = viewOf(hmtx)
    const advance = m.getUint16(4 * Math.min(g, metrics - 1))
    const lsb = g < metrics ? m.getInt16(4 * g + 2) : m.getInt16(4 * metrics + 2 * (g - metrics))
    viewOf(newHmtx).setUint16(4 * i, advance)
    viewOf(newHmtx).setInt16(4 * i + 2, lsb)
  })
  const newHhea = copyOf(hhea)
  viewOf(newHhea).setUint16(34, order.length)
  const newMaxp = copyOf(maxp)
  viewOf(newMaxp).setUint16(4, order.length)
  const newHead = copyOf(head)
  viewOf(newHead).setUint32(8, 0) // checkSumAdjustment, set below
  viewOf(newHead).setInt16(50, 1) // long loca
  // post version 3: no glyph names
  const newPost = copyOf(table(font, tables, 'post').subarray(0, 32))
  viewOf(newPost).setUint32(0, 0x00030000)

  const out: [string, Uint8Array][] = [
    ['OS/2', table(font, tables, 'OS/2')],
    ['cmap', buildCmap(codePoints.map((cp) => [cp, newId.get(lookup(cp)) ?? 0]))],
    ['glyf', newGlyf],
    ['head', newHead],
    ['hhea', newHhea],
    ['hmtx', newHmtx],
    ['loca', newLoca],
    ['maxp', newMaxp],
    ['name', windowsNames(table(font, tables, 'name'), NAME_IDS)],
    ['post', newPost]
  ]
  for (const tag of ['cvt ', 'fpgm', 'gasp', 'prep']) {
    if (tables.has(tag)) out.push([tag, table(font, tables, tag)])
  }
  out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) // table records in tag order

  const headerLength = 12 + 16 * out.length
  const total = out.reduce((n, [, t]) => n + Math.ceil(t.length / 4) * 4, headerLength)
  const file = new Uint8Array(total)
  const w = viewOf(file)
  const entrySelector = Math.floor(Math.log2(out.length))
  w.setUint32(0, 0x00010000)
  w.setUint16(4, out.length)
  w.setUint16(6, 16 * 2 ** entrySelector)
  w.setUint16(8, entrySelector)
  w.setUint16(10, 16 * out.length - 16 * 2 ** entrySelector)
  let at = headerLength
  let headAt = 0
  out.forEach(([tag, bytes], i) => {
    const record = 12 + 16 * i
    for (let k = 0; k < 4; k++) file[record + k] = tag.charCodeAt(k)
    w.setUint32(record + 4, checksum(bytes))
    w.setUint32(record + 8, at)
    w.setUint32(record + 12, bytes.length)
    file.set(bytes, at)
    if (tag === 'head') headAt = at
    at += Math.ceil(bytes.length / 4) * 4
  })
  w.setUint32(headAt + 8, (0xb1b0afba - checksum(file)) >>> 0)
  return file
}
