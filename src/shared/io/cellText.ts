// The text of one cell as people type it in spreadsheets: numbers with either decimal separator, blanks, yes/no
// flags. One implementation for every reader of cells: the trial grid (typing, paste), the settings fields, and the
// table importers (CSV/TSV text, xlsx sheets) in tableImport.ts.

/** "1 234,5" / "1,234.5" / "1234,5" → number; `decimalComma` says which separator is the decimal one. */
export function parseLocaleNumber(text: string, decimalComma: boolean): number {
  let s = text.trim().replace(/[\s\u00a0']/g, '')
  if (s === '') return Number.NaN
  if (decimalComma) s = s.replace(/\./g, '').replace(',', '.')
  else s = s.replace(/,/g, '')
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : Number.NaN
}

/**
 * Which decimal separator a single number shows, if it shows one: "1,5", "0,250", "1234,567" and "1.234,5" can only
 * be decimal commas; "1,234" and "1.234" are ambiguous (thousands separator or decimal) and give null.
 */
export function separatorEvidence(text: string): 'comma' | 'point' | null {
  const s = text.trim().replace(/[\s\u00a0']/g, '')
  const single = /^[+-]?(\d*)([.,])(\d+)$/.exec(s)
  if (single !== null) {
    const [, whole = '', sep, fraction = ''] = single
    const decimal = fraction.length !== 3 || whole === '' || whole === '0' || whole.length > 3
    if (!decimal) return null
    return sep === ',' ? 'comma' : 'point'
  }
  if (!/^[+-]?[\d.,]+$/.test(s)) return null
  const lastComma = s.lastIndexOf(',')
  const lastPoint = s.lastIndexOf('.')
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? 'comma' : 'point'
  if ((s.match(/\./g)?.length ?? 0) > 1) return 'comma' // 1.234.567: points group thousands
  if ((s.match(/,/g)?.length ?? 0) > 1) return 'point' // 1,234,567
  return null
}

/**
 * Decides the decimal separator for a block of cells (a paste, a column of a file, one typed cell): the separator
 * the unambiguous numbers show, by majority; the fallback when none shows one or the evidence is tied.
 */
export function detectDecimalComma(texts: readonly string[], fallback: boolean): boolean {
  let comma = 0
  let point = 0
  for (const t of texts) {
    const e = separatorEvidence(t)
    if (e === 'comma') comma++
    else if (e === 'point') point++
  }
  if (comma === point) return fallback
  return comma > point
}

/** Empty cells and R's NA are "not filled in". */
export const isBlank = (text: string): boolean => {
  const t = text.trim()
  return t === '' || t.toUpperCase() === 'NA'
}

const TRUE_WORDS = new Set([
  '1',
  'true',
  'yes',
  'y',
  'x',
  '✓',
  '✔',
  'low',
  'wahr',
  'ja',
  'oui',
  'sí'
])
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'high', 'unclear', 'falsch', 'nein', 'non'])

/** "yes"/"no", "TRUE"/"FALSE", 1/0, "low"/"high" (risk of bias) → boolean; blank or unknown text → null. */
export function parseFlag(text: string): boolean | null {
  const t = text.trim().toLowerCase()
  if (TRUE_WORDS.has(t)) return true
  if (FALSE_WORDS.has(t)) return false
  return null
}
