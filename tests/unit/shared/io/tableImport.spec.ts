// Tables with a column mapping (shared/io/tableImport.ts) and xlsx sheets (xlsxTables.ts): the guesses on the
// column names of RTSA, meta, metafor, metadat and RevMan Web, decimal commas and semicolons, the preview with the
// problem of each cell and where it is, and the project built from the user's choices.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  cellPlace,
  columnLabel,
  columnLetter,
  guessChoices,
  guessMapping,
  missingFields,
  previewTable,
  projectFromTable,
  readDelimitedText,
  type SourceTable,
  type TableChoices
} from '../../../../src/shared/io/tableImport'
import {
  importWorkbook,
  preferredSheet,
  readXlsxTables
} from '../../../../src/shared/io/xlsxTables'
import { buildXlsx } from '../../../helpers/xlsx'

const dataset = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../fixtures/datasets/${name}`, import.meta.url)),
    'utf8'
  )

function table(text: string): SourceTable {
  const read = readDelimitedText(text)
  if (!read.ok) throw new Error(read.error.message)
  return read.value
}

async function sheets(bytes: Uint8Array): Promise<SourceTable[]> {
  const read = await readXlsxTables(bytes)
  if (!read.ok) throw new Error(read.message)
  return read.value
}

describe('guessing the mapping', () => {
  test('RTSA perioOxy (study, eI, eC, nI, nC): dichotomous, every column found', () => {
    const t = table(dataset('perioOxy.csv'))
    const choices = guessChoices(t)
    expect(choices).toEqual({
      type: 'dichotomous',
      mapping: {
        name: 0,
        eventsIntervention: 1,
        eventsControl: 2,
        totalIntervention: 3,
        totalControl: 4
      },
      decimalComma: false
    })
    expect(missingFields(choices.type, choices.mapping)).toEqual([])
  })

  test('meta (studlab, event.e, n.e, event.c, n.c) and metafor (slab, ai, bi, ci, di)', () => {
    expect(guessMapping(['studlab', 'year', 'event.e', 'n.e', 'event.c', 'n.c'])).toEqual({
      name: 0,
      year: 1,
      eventsIntervention: 2,
      totalIntervention: 3,
      eventsControl: 4,
      totalControl: 5
    })
    const metafor = guessMapping(['slab', 'ai', 'bi', 'ci', 'di'])
    expect(metafor).toEqual({
      name: 0,
      eventsIntervention: 1,
      nonEventsIntervention: 2,
      eventsControl: 3,
      nonEventsControl: 4
    })
    // non-events stand in for the totals
    expect(missingFields('dichotomous', metafor)).toEqual([])
  })

  test('metadat dat.poole2003 (author, year, Ne, Me, Se, Nc, Mc, Sc): continuous', () => {
    const t = table('author,year,Ne,Me,Se,Nc,Mc,Sc\nPoole,2003,20,1.5,0.5,21,2.5,0.75\n')
    const { type, mapping } = guessChoices(t)
    expect(type).toBe('continuous')
    expect(mapping).toMatchObject({
      name: 0,
      year: 1,
      totalIntervention: 2,
      meanIntervention: 3,
      sdIntervention: 4,
      totalControl: 5,
      meanControl: 6,
      sdControl: 7
    })
    expect(missingFields(type, mapping)).toEqual([])
  })

  test('RevMan Web CSV names, whatever their case and spacing', () => {
    const mapping = guessMapping([
      'Study',
      'Study year',
      'Experimental cases',
      'Experimental  N',
      'control cases',
      'Control N*'
    ])
    expect(mapping).toEqual({
      name: 0,
      year: 1,
      eventsIntervention: 2,
      totalIntervention: 3,
      eventsControl: 4,
      totalControl: 5
    })
  })

  test('OpenTSA grid headers (a copy of the trial table) are recognised too', () => {
    expect(
      guessMapping([
        'Study',
        'Year',
        'Intervention events',
        'Intervention total',
        'Control events',
        'Control total'
      ])
    ).toMatchObject({
      eventsIntervention: 2,
      totalIntervention: 3,
      eventsControl: 4,
      totalControl: 5
    })
  })

  test('unknown headers map to nothing and the required columns are reported missing', () => {
    const { type, mapping } = guessChoices(
      table('Trial label,Treated deaths,Treated,Placebo deaths,Placebo\nA,1,10,2,10\n')
    )
    expect(mapping).toEqual({})
    expect(missingFields(type, mapping)).toEqual([
      'eventsIntervention',
      'totalIntervention',
      'eventsControl',
      'totalControl'
    ])
  })
})

describe('decimal separators and delimiters', () => {
  test('semicolons with decimal commas and a thousands point (European Excel)', () => {
    const t = table(
      'Study;Experimental mean;Experimental SD;Experimental N;Control mean;Control SD;Control N\nSmith;1,5;0,25;1.200;2,0;0,5;30\n'
    )
    const choices = guessChoices(t)
    expect(choices.decimalComma).toBe(true)
    expect(previewTable(t, choices).trials[0]?.trial).toMatchObject({
      meanIntervention: 1.5,
      sdIntervention: 0.25,
      totalIntervention: 1200
    })
  })

  test('tab-separated with decimal points: the numbers decide, not the delimiter', () => {
    const t = table('study\tmI\tsdI\tnI\tmC\tsdC\tnC\nA\t0.25\t1.5\t10\t0.5\t1.25\t12\n')
    expect(t.decimalCommaHint).toBe(true) // a tab-separated text alone would suggest commas
    const choices = guessChoices(t)
    expect(choices.decimalComma).toBe(false)
    expect(previewTable(t, choices).trials[0]?.trial).toMatchObject({
      meanIntervention: 0.25,
      sdIntervention: 1.5
    })
  })

  test('turning the decimal comma on reads the same cells differently', () => {
    const t = table('study;mI;sdI;nI;mC;sdC;nC\nA;1.5;2;10;3;4;12\n')
    const choices = guessChoices(t)
    expect(
      previewTable(t, { ...choices, decimalComma: false }).trials[0]?.trial['meanIntervention']
    ).toBe(1.5)
    expect(
      previewTable(t, { ...choices, decimalComma: true }).trials[0]?.trial['meanIntervention']
    ).toBe(15)
  })
})

describe('reading text', () => {
  test('line numbers count blank lines and line breaks inside quoted cells', () => {
    const t = table('study,eI,nI,eC,nC\n"Two\nlines",1,10,2,10\n\nB,1,ten,2,10\n')
    expect(t.rowNumbers).toEqual([2, 5])
    const preview = previewTable(t, guessChoices(t))
    expect(preview.problems).toEqual([
      {
        rowNumber: 5,
        field: 'totalIntervention',
        column: 2,
        message: '"ten" is not a number',
        place: "line 5, column 'nI'"
      }
    ])
  })

  test.each([
    ['study,eI,nI,eC,nC\nA,1,10,"2,10\n', /^line 2: /],
    ['study,eI,nI,eC,nC\nA,1,10,2\n', /^line 2: 4 cells, but the header has 5 columns$/],
    ['study,eI,nI,eC,nC\nA,1,10,2,10,11\n', /^line 2: 6 cells, but the header has 5 columns$/],
    ['just one column\n1\n', /header row and at least two columns/]
  ])('a malformed text is refused with its line: %j', (text, message) => {
    const read = readDelimitedText(text)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.error.message).toMatch(message)
  })

  test('trailing empty cells (trailing delimiters) are not columns', () => {
    const t = table('study;eI;nI;eC;nC;;\nA;1;10;2;10;;\n')
    expect(t.headers).toEqual(['study', 'eI', 'nI', 'eC', 'nC'])
    expect(previewTable(t, guessChoices(t)).problems).toEqual([])
  })
})

describe('preview and project', () => {
  const text =
    'Trial,Year,Treated deaths,Treated,Placebo deaths,Placebo,Low RoB\nA,2001,1,10,2,10,yes\nB,2003.5,x,12,3,12,maybe\n'

  test('the user’s mapping reads the columns the guess did not know', () => {
    const t = table(text)
    const choices: TableChoices = {
      type: 'dichotomous',
      mapping: {
        name: 0,
        year: 1,
        eventsIntervention: 2,
        totalIntervention: 3,
        eventsControl: 4,
        totalControl: 5,
        lowRiskOfBias: 6
      },
      decimalComma: false
    }
    const preview = previewTable(t, choices)
    expect(preview.missing).toEqual([])
    expect(preview.trials[0]).toEqual({
      rowNumber: 2,
      trial: {
        name: 'A',
        year: 2001,
        eventsIntervention: 1,
        totalIntervention: 10,
        eventsControl: 2,
        totalControl: 10,
        lowRiskOfBias: true
      },
      problems: {}
    })
    expect(preview.trials[1]?.problems).toEqual({
      eventsIntervention: '"x" is not a number',
      lowRiskOfBias: '"maybe" is not yes or no'
    })
    expect(preview.notes).toEqual(['line 3: year 2003.5 is not a whole number and was dropped'])
    const imported = projectFromTable(t, choices)
    expect(imported).toEqual({
      ok: false,
      error: {
        message: `line 3, column 'Treated deaths': "x" is not a number`,
        line: 3,
        column: 'Treated deaths'
      }
    })
  })

  test('a missing required column stops the import and names the accepted headers', () => {
    const t = table('study,eI,nI,nC\nA,1,10,10\n')
    const imported = projectFromTable(t, guessChoices(t))
    expect(imported.ok).toBe(false)
    if (!imported.ok) {
      expect(imported.error.message).toBe(
        'no column for eventsControl (accepted names: ec, event.c, ci, cpos, control cases, eventscontrol, control events)'
      )
      expect(imported.error.line).toBe(1)
    }
  })

  test('a readable table becomes a project with the starting RIS inputs, rows in table order', () => {
    const t = table(dataset('eds.csv'))
    const imported = projectFromTable(t, guessChoices(t), 'EDS')
    if (!imported.ok) throw new Error(imported.error.message)
    const { project } = imported.value
    expect(project.title).toBe('EDS')
    expect(project.outcome.type).toBe('continuous')
    expect(project.analysis.measure).toBe('MD')
    expect(project.monitoring.ris).toMatchObject({
      difference: { from: 'data' },
      variance: { from: 'data' }
    })
    expect(project.trials.map((trial) => trial.name).slice(0, 2)).toEqual(['Adelaide', 'Belfast'])
  })

  test('a header without rows has no trials to import', () => {
    const t = table('study,eI,nI,eC,nC\n')
    expect(projectFromTable(t, guessChoices(t))).toMatchObject({
      ok: false,
      error: { message: 'the table has a header but no trials', line: 2 }
    })
  })
})

describe('xlsx workbooks', () => {
  const workbook = buildXlsx([
    { name: 'Read me', rows: [['Trials of aspirin after myocardial infarction']] },
    {
      name: 'Trials',
      rows: [
        [null],
        ['Study', 'Year', 'eI', 'nI', 'eC', 'nC', 'Included'],
        ['MRC-1', 1974, 49, 615, 67, 624, true],
        [null, null, null, null, null, null, null],
        ['CDP', 1976, 44, 'n/a', 64, 771, false]
      ]
    }
  ])

  test('every sheet is a table; the one whose columns are all known is preferred', async () => {
    const tables = await sheets(workbook)
    expect(tables.map((t) => t.sheet)).toEqual(['Read me', 'Trials'])
    expect(preferredSheet(tables)).toBe(1)
    const trials = tables[1] as SourceTable
    expect(trials.headerRow).toBe(2) // the blank first row is skipped
    expect(trials.rowNumbers).toEqual([3, 5]) // so is the blank row between the trials
    expect(trials.rows[0]).toEqual(['MRC-1', 1974, 49, 615, 67, 624, true])
  })

  test('text in a number cell is reported with its row and column letter', async () => {
    const trials = (await sheets(workbook))[1] as SourceTable
    const preview = previewTable(trials, guessChoices(trials))
    expect(preview.problems).toEqual([
      {
        rowNumber: 5,
        field: 'totalIntervention',
        column: 3,
        message: '"n/a" is not a number',
        place: "row 5, column D ('nI')"
      }
    ])
    expect(preview.trials[0]?.trial).toMatchObject({
      name: 'MRC-1',
      year: 1974,
      totalIntervention: 615,
      include: true
    })
    expect(preview.trials[1]?.trial).toMatchObject({ include: false })
  })

  test('importWorkbook: the sheet by name, a clear message naming file and sheet otherwise', async () => {
    const ok = buildXlsx([
      { name: 'Notes', rows: [['x']] },
      {
        name: 'Data',
        rows: [
          ['Study', 'eI', 'nI', 'eC', 'nC'],
          ['A', 1, 10, 2, 10],
          ['B', 3, 12, 4, 12]
        ]
      }
    ])
    const imported = await importWorkbook(ok, 'aspirin.xlsx', 'Data')
    if (!imported.ok) throw new Error(imported.message)
    expect(imported.value.sheet).toBe('Data')
    expect(imported.value.project.trials).toHaveLength(2)
    expect(await importWorkbook(ok, 'aspirin.xlsx', 'Sheet9')).toEqual({
      ok: false,
      message: "aspirin.xlsx has no sheet named 'Sheet9' (its sheets: 'Notes', 'Data')"
    })
    expect(await importWorkbook(workbook, 'mi.xlsx')).toEqual({
      ok: false,
      message: `mi.xlsx, sheet 'Trials': row 5, column D ('nI'): "n/a" is not a number`
    })
  })

  test('bytes that are not a workbook say so', async () => {
    const read = await readXlsxTables(new TextEncoder().encode('study,eI,nI\nA,1,2\n'))
    expect(read).toEqual({ ok: false, message: 'is not an Excel .xlsx workbook' })
  })

  test('columns are labelled with their letters in a sheet, by header in a text', async () => {
    const trials = (await sheets(workbook))[1] as SourceTable
    expect(columnLabel(trials, 3)).toBe('D: nI')
    expect(columnLabel(table('study,,nI\nA,1,2\n'), 1)).toBe('Column 2')
    expect(cellPlace(table('study,,nI\nA,1,2\n'), 2, 1)).toBe('line 2, column 2')
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
  })
})
