// "Export results" as CSV, from a real analysis (the engine on the bundled perioOxy example): one row per look, the
// pooled and summary rows, and empty cells (never NaN) where a number does not exist.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { runTsa, type TsaResult } from '../../../../src/engine'
import { RESULTS_CSV_COLUMNS, resultsCsv } from '../../../../src/shared/io/resultsCsv'
import { analysisInput, parseProjectFile } from '../../../../src/shared/projectFile'

function perioOxyResult(): TsaResult {
  const raw: unknown = JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../../resources/examples/perioOxy.opentsa.json'),
      'utf8'
    )
  )
  const project = parseProjectFile(raw)
  if (!project.ok) throw new Error(project.error.message)
  const result = runTsa(analysisInput(project.value))
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The CSV read back as records, as R's read.csv or a spreadsheet would. */
function readBack(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.meta.fields).toEqual([...RESULTS_CSV_COLUMNS])
  return parsed.data
}

const result = perioOxyResult()
const rows = readBack(resultsCsv(result))
const section = (name: string): Record<string, string>[] =>
  rows.filter((r) => r['section'] === name)
const quantity = (sectionName: string, name: string): string | undefined =>
  section(sectionName).find((r) => r['quantity'] === name)?.['value']

describe('resultsCsv', () => {
  it('has one look row per look, in order, with the look numbers at full precision', () => {
    const looks = section('look')
    expect(looks).toHaveLength(result.looks.length)
    expect(looks.map((r) => r['trial'])).toEqual(result.looks.map((l) => l.trial))
    const last = result.looks.at(-1)!
    const lastRow = looks.at(-1)!
    expect(Number(lastRow['cumulativeInformation'])).toBe(last.cumulativeInformation)
    expect(Number(lastRow['z'])).toBe(last.z)
    expect(Number(lastRow['estimate'])).toBe(last.estimate)
    expect(Number(lastRow['ciLower'])).toBe(last.ciLower)
    expect(Number(lastRow['ciUpper'])).toBe(last.ciUpper)
  })

  it('writes null boundaries and CIs as empty cells and never NaN or Infinity', () => {
    const csv = resultsCsv(result)
    expect(csv).not.toMatch(/NaN|Infinity|undefined|null/)
    const looks = section('look')
    result.looks.forEach((look, k) => {
      for (const field of [
        'upper',
        'lower',
        'tsaCiLower',
        'tsaCiUpper',
        'futilityUpper'
      ] as const) {
        const cell = looks[k]?.[field]
        if (look[field] === null) expect(cell).toBe('')
        else expect(Number(cell)).toBe(look[field])
      }
    })
  })

  it('turns non-finite numbers into empty cells', () => {
    const broken: TsaResult = {
      ...result,
      looks: [{ ...result.looks[0]!, z: Number.NaN, upper: Number.POSITIVE_INFINITY }],
      heterogeneity: { ...result.heterogeneity, tau2: Number.NaN }
    }
    const back = readBack(resultsCsv(broken))
    expect(back[0]).toMatchObject({ section: 'look', z: '', upper: '' })
    expect(back.find((r) => r['quantity'] === 'tau2')?.['value']).toBe('')
    expect(resultsCsv(broken)).not.toContain('NaN')
  })

  it('has the fixed and random pooled rows, heterogeneity, RIS and conclusion', () => {
    const fixed = section('fixed')[0]
    expect(Number(fixed?.['estimate'])).toBe(result.fixed.estimate)
    expect(Number(fixed?.['p'])).toBe(result.fixed.p)
    expect(Number(section('random')[0]?.['ciUpper'])).toBe(result.random.ciUpper)
    expect(quantity('analysis', 'measure')).toBe(result.measure)
    expect(Number(quantity('heterogeneity', 'i2'))).toBe(result.heterogeneity.i2)
    expect(Number(quantity('heterogeneity', 'df'))).toBe(result.heterogeneity.df)
    expect(Number(quantity('ris', 'required'))).toBe(result.ris.required)
    expect(quantity('ris', 'unit')).toBe(result.ris.unit)
    expect(quantity('conclusion', 'code')).toBe(result.conclusion.code)
    expect(quantity('conclusion', 'text')).toBe(result.conclusion.text)
  })

  it('quotes text that needs it and keeps formula-like trial names as text', () => {
    const tricky: TsaResult = {
      ...result,
      looks: [
        { ...result.looks[0]!, trial: 'Smith, "B" 2001' },
        { ...result.looks[1]!, trial: '=1+1' }
      ]
    }
    const back = readBack(resultsCsv(tricky))
    expect(back[0]?.['trial']).toBe('Smith, "B" 2001')
    expect(back[1]?.['trial']).toBe("'=1+1")
    expect(Number(back[0]?.['z'])).toBe(result.looks[0]!.z) // negative numbers are not escaped
  })
})
