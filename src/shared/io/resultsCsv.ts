// "Export results": the analysis as ONE rectangular CSV that R, Excel and LibreOffice read as a table. Column names are
// those of `opentsa analyze --json` (interfaces.md). The first column, `section`, says what a row is: one `look` row per
// trial of the cumulative analysis, then the `fixed` and `random` pooled estimates, then `analysis`, `heterogeneity`,
// `ris` and `conclusion` rows that carry one named quantity each (`quantity`, `value`). A number that does not exist
// is an empty cell, never "NaN".
import Papa from 'papaparse'
import type { ReportedEstimate, TsaLook, TsaResult } from '@engine'

const LOOK_FIELDS = [
  'cumulativeInformation',
  'informationFraction',
  'z',
  'upper',
  'lower',
  'futilityUpper',
  'futilityLower',
  'estimate',
  'ciLower',
  'ciUpper',
  'tsaCiLower',
  'tsaCiUpper'
] as const satisfies readonly (keyof TsaLook)[]

export const RESULTS_CSV_COLUMNS = [
  'section',
  'trial',
  ...LOOK_FIELDS,
  'p',
  'quantity',
  'value'
] as const

type Column = (typeof RESULTS_CSV_COLUMNS)[number]
type Cell = string | number | null
type Row = Partial<Record<Column, Cell>>

/** null, NaN and ±Infinity become an empty cell. */
const num = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null

const lookRow = (look: TsaLook): Row => ({
  section: 'look',
  trial: look.trial,
  ...Object.fromEntries(LOOK_FIELDS.map((field) => [field, num(look[field])]))
})

const pooledRow = (section: 'fixed' | 'random', e: ReportedEstimate): Row => ({
  section,
  estimate: num(e.estimate),
  ciLower: num(e.ciLower),
  ciUpper: num(e.ciUpper),
  z: num(e.z),
  p: num(e.p)
})

const quantityRow = (section: string, quantity: string, value: Cell): Row => ({
  section,
  quantity,
  value: typeof value === 'number' ? num(value) : value
})

/** The rows of the results CSV, in file order (exported for tests and for other formats of the same table). */
export function resultsRows(result: TsaResult): Row[] {
  const { heterogeneity: h, ris } = result
  return [
    ...result.looks.map(lookRow),
    pooledRow('fixed', result.fixed),
    pooledRow('random', result.random),
    quantityRow('analysis', 'measure', result.measure),
    quantityRow('heterogeneity', 'tau2', h.tau2),
    quantityRow('heterogeneity', 'i2', h.i2),
    quantityRow('heterogeneity', 'd2', h.d2),
    quantityRow('heterogeneity', 'q', h.q),
    quantityRow('heterogeneity', 'df', h.df),
    quantityRow('heterogeneity', 'p', h.p),
    quantityRow('ris', 'required', ris.required),
    quantityRow('ris', 'exact', ris.exact),
    quantityRow('ris', 'fixed', ris.fixed),
    quantityRow('ris', 'adjustmentFactor', ris.adjustmentFactor),
    quantityRow('ris', 'unit', ris.unit),
    quantityRow('conclusion', 'code', result.conclusion.code),
    quantityRow('conclusion', 'text', result.conclusion.text)
  ]
}

/** The results CSV (comma-separated, "\n" line ends, a final newline; numbers at full precision). */
export function resultsCsv(result: TsaResult): string {
  return (
    Papa.unparse(
      { fields: [...RESULTS_CSV_COLUMNS], data: resultsRows(result).map(toCells) },
      // escapeFormulae: a trial named "=HYPERLINK(…)" stays text in a spreadsheet (numbers are never touched)
      { newline: '\n', escapeFormulae: true }
    ) + '\n'
  )
}

const toCells = (row: Row): Cell[] => RESULTS_CSV_COLUMNS.map((column) => row[column] ?? null)
