// `opentsa import FILE.xlsx [--sheet NAME]`: the sheet with the trials (or the one named), through the same table
// reader and guesses as the app's import wizard; a malformed workbook or cell is a one-line message saying where.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { runCli as run } from '../../helpers/cli'
import { buildXlsx } from '../../helpers/xlsx'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-import-xlsx-'))
})

const TRIALS = [
  ['Study', 'Year', 'Experimental cases', 'Experimental N', 'Control cases', 'Control N'],
  ['MRC-1', 1974, 49, 615, 67, 624],
  ['CDP', 1976, 44, 758, 64, 771]
]

function workbook(name: string, sheets: Parameters<typeof buildXlsx>[0]): string {
  const path = join(dir, name)
  writeFileSync(path, buildXlsx(sheets))
  return path
}

describe('opentsa import FILE.xlsx', () => {
  test('imports the sheet whose columns are recognised (RevMan Web names), rows in order', async () => {
    const file = workbook('aspirin.xlsx', [
      { name: 'Read me', rows: [['Aspirin after myocardial infarction']] },
      { name: 'Data', rows: TRIALS }
    ])
    const out = join(dir, 'project.json')
    const r = await run('import', file, '--out', out)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe(`imported 2 trials (sheet 'Data') into ${out}`)
    const project = JSON.parse(readFileSync(out, 'utf8'))
    expect(project.outcome.type).toBe('dichotomous')
    expect(project.trials[0]).toMatchObject({
      name: 'MRC-1',
      year: 1974,
      eventsIntervention: 49,
      totalIntervention: 615,
      eventsControl: 67,
      totalControl: 624
    })
  })

  test('--sheet picks a sheet by name; an unknown name lists the sheets', async () => {
    const file = workbook('two.xlsx', [
      { name: 'Mortality', rows: TRIALS },
      { name: 'Reinfarction', rows: [TRIALS[0] as string[], ['MRC-1', 1974, 10, 615, 12, 624]] }
    ])
    const picked = await run('import', file, '--sheet', 'Reinfarction', '--json')
    expect(picked.code, picked.err).toBe(0)
    expect(JSON.parse(picked.out).trials).toEqual([
      expect.objectContaining({ name: 'MRC-1', eventsIntervention: 10 })
    ])
    const unknown = await run('import', file, '--sheet', 'Stroke', '--json')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toBe(
      `opentsa import: ${file} has no sheet named 'Stroke' (its sheets: 'Mortality', 'Reinfarction')`
    )
  })

  test('text in a number cell: the message names file, sheet, row and column, and nothing is written', async () => {
    const file = workbook('bad.xlsx', [
      { name: 'Data', rows: [...TRIALS, ['ISIS-2', 1988, 'about 1570', 8587, 1720, 8600]] }
    ])
    const out = join(dir, 'project.json')
    const r = await run('import', file, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toBe(
      `opentsa import: ${file}, sheet 'Data': row 4, column C ('Experimental cases'): "about 1570" is not a number`
    )
    expect(() => readFileSync(out)).toThrow()
  })

  test('a file that is not a workbook, and --sheet on a CSV, are refused with a message', async () => {
    const fake = join(dir, 'fake.xlsx')
    writeFileSync(fake, 'study,eI,nI,eC,nC\n')
    expect((await run('import', fake, '--json')).err).toBe(
      `opentsa import: ${fake} is not an Excel .xlsx workbook`
    )
    const csv = join(dir, 'trials.csv')
    writeFileSync(csv, 'study,eI,nI,eC,nC\nA,1,10,2,10\n')
    expect((await run('import', csv, '--sheet', 'Data', '--json')).err).toBe(
      `opentsa import: --sheet is for Excel workbooks (.xlsx), not ${csv}`
    )
  })
})
