import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { runTsa } from '../../../../src/engine'
import { parseProjectFile, type ProjectFile } from '../../../../src/shared/projectFile'
import {
  UNDO_CAPACITY,
  emptyProject,
  useProjectStore
} from '../../../../src/renderer/src/stores/project'

type Store = ReturnType<typeof useProjectStore>

/** Fills a dichotomous row: name, year, ei, ni, ec, nc. */
function fillRow(store: Store, row: number, cells: string[]): void {
  const fields = [
    'name',
    'year',
    'eventsIntervention',
    'totalIntervention',
    'eventsControl',
    'totalControl'
  ] as const
  fields.forEach((f, j) => store.setCell(row, f, cells[j] ?? ''))
}

const trialsOf = (store: Store): Record<string, unknown>[] =>
  store.project.trials as unknown as Record<string, unknown>[]

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('useProjectStore: defaults', () => {
  it('starts with an empty, clean dichotomous project that the schema accepts', () => {
    const store = useProjectStore()
    expect(store.project.outcome.type).toBe('dichotomous')
    expect(store.project.trials).toEqual([])
    expect(store.dirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(parseProjectFile(JSON.parse(JSON.stringify(store.project))).ok).toBe(true)
    expect(store.columns.map((c) => c.label)).toEqual([
      'Study',
      'Year',
      'Intervention events',
      'Intervention total',
      'Control events',
      'Control total',
      'Include',
      'Low risk of bias'
    ])
  })

  it('newProject("continuous") gives mean, SD and total per arm', () => {
    const store = useProjectStore()
    store.newProject('continuous')
    expect(store.columns.map((c) => c.field)).toEqual([
      'name',
      'year',
      'meanIntervention',
      'sdIntervention',
      'totalIntervention',
      'meanControl',
      'sdControl',
      'totalControl',
      'include',
      'lowRiskOfBias'
    ])
    expect(store.project.analysis.measure).toBe('MD')
  })
})

describe('useProjectStore: a new project is monitored from its first trials', () => {
  it.each(['dichotomous', 'continuous'] as const)(
    'a new %s project runs with a RIS and monitoring boundaries once trials are typed in',
    (type) => {
      const store = useProjectStore()
      store.newProject(type)
      const rows =
        type === 'dichotomous'
          ? [
              ['Greif 2000', '2000', '13', '250', '28', '250'],
              ['Belda 2005', '2005', '14', '143', '25', '148']
            ]
          : [
              ['Adelaide', '2000', '20.9', '20.6', '42', '36', '24', '44'],
              ['Belfast', '2004', '41.9', '28.3', '59', '49.5', '47', '54']
            ]
      rows.forEach((cells) => {
        const row = store.addTrial()
        store.columns
          .filter((c) => c.kind !== 'flag')
          .forEach((c, j) => store.setCell(row, c.field, cells[j] ?? ''))
      })
      const result = runTsa(store.projectForAnalysis.project)
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value.looks).toHaveLength(2)
      expect(result.value.ris.required).toBeGreaterThan(0)
      expect(result.value.looks[0]?.upper).toBeGreaterThan(0)
    }
  )
})

describe('useProjectStore: cells', () => {
  it('parses numbers, empties to null, and keeps unparsed text with a message', () => {
    const store = useProjectStore()
    store.addTrial()
    fillRow(store, 0, ['  Greif 2000 ', '2000', '13', '250', '28', '250'])
    expect(trialsOf(store)[0]).toMatchObject({
      name: 'Greif 2000',
      year: 2000,
      eventsIntervention: 13,
      totalIntervention: 250,
      eventsControl: 28,
      totalControl: 250,
      include: true,
      lowRiskOfBias: false
    })
    expect(store.errors[0]).toEqual({})

    store.setCell(0, 'eventsIntervention', '1x3')
    expect(trialsOf(store)[0]?.['eventsIntervention']).toBeNull()
    expect(store.cellText(0, 'eventsIntervention')).toBe('1x3')
    expect(store.cellError(0, 'eventsIntervention')).toBe('"1x3" is not a number')

    store.setCell(0, 'eventsIntervention', '')
    expect(store.cellText(0, 'eventsIntervention')).toBe('')
    expect(store.cellError(0, 'eventsIntervention')).toBeNull()
    store.setCell(0, 'eventsIntervention', 'NA')
    expect(trialsOf(store)[0]?.['eventsIntervention']).toBeNull()
  })

  it('reads decimal commas and thousands separators', () => {
    const store = useProjectStore()
    store.newProject('continuous')
    store.addTrial()
    store.setCell(0, 'meanIntervention', '1,5')
    store.setCell(0, 'sdIntervention', '0,250')
    store.setCell(0, 'totalIntervention', '1.234,0')
    store.setCell(0, 'meanControl', '-2.75')
    store.setCell(0, 'totalControl', "1'200")
    expect(trialsOf(store)[0]).toMatchObject({
      meanIntervention: 1.5,
      sdIntervention: 0.25,
      totalIntervention: 1234,
      meanControl: -2.75,
      totalControl: 1200
    })
  })

  it.each([
    ['eventsIntervention', '-1', 'Cannot be negative'],
    ['eventsIntervention', '2.5', 'Must be a whole number'],
    ['totalIntervention', '0', 'Must be at least 1'],
    ['eventsControl', '300', 'More events (300) than participants (250)'],
    ['year', '20x0', '"20x0" is not a year'],
    ['year', '2000.5', 'A year must be a whole number'],
    ['year', '99', 'A year has four digits']
  ] as const)('dichotomous %s = %s: %s', (field, text, message) => {
    const store = useProjectStore()
    store.addTrial()
    fillRow(store, 0, ['A', '2000', '13', '250', '28', '250'])
    store.setCell(0, field, text)
    expect(store.cellError(0, field)).toBe(message)
    expect(store.cellText(0, field)).toBe(text)
  })

  it.each([
    ['sdIntervention', '0', 'The SD must be greater than 0'],
    ['sdControl', '-1', 'The SD must be greater than 0'],
    ['totalControl', '10.5', 'Must be a whole number']
  ] as const)('continuous %s = %s: %s', (field, text, message) => {
    const store = useProjectStore()
    store.newProject('continuous')
    store.addTrial()
    store.setCell(0, 'name', 'A')
    store.setCell(0, field, text)
    expect(store.cellError(0, field)).toBe(message)
  })

  it('allows negative means and reports a missing study name once data is entered', () => {
    const store = useProjectStore()
    store.newProject('continuous')
    store.addTrial()
    expect(store.errors[0]).toEqual({})
    store.setCell(0, 'meanIntervention', '-3')
    expect(store.cellError(0, 'meanIntervention')).toBeNull()
    expect(store.cellError(0, 'name')).toBe('The study name is missing')
  })

  it('does not record an undo step when the text does not change the cell', () => {
    const store = useProjectStore()
    store.addTrial()
    store.setCell(0, 'eventsIntervention', '5')
    store.undo()
    store.redo()
    store.setCell(0, 'eventsIntervention', ' 5 ')
    expect(store.undo()).toBe(true) // the setCell
    expect(store.cellText(0, 'eventsIntervention')).toBe('')
  })

  it('clearCells empties several cells in one step and leaves flags alone', () => {
    const store = useProjectStore()
    store.addTrial()
    fillRow(store, 0, ['A', '2000', '1', '10', '2', '10'])
    store.clearCells([
      { row: 0, field: 'eventsIntervention' },
      { row: 0, field: 'totalIntervention' },
      { row: 0, field: 'include' }
    ])
    expect(store.cellText(0, 'eventsIntervention')).toBe('')
    expect(store.cellText(0, 'totalIntervention')).toBe('')
    expect(store.project.trials[0]?.include).toBe(true)
    store.undo()
    expect(store.cellText(0, 'eventsIntervention')).toBe('1')
    expect(store.cellText(0, 'totalIntervention')).toBe('10')
  })
})

describe('useProjectStore: rows and flags', () => {
  function threeRows(): Store {
    const store = useProjectStore()
    for (const name of ['A', 'B', 'C']) {
      const r = store.addTrial()
      store.setCell(r, 'name', name)
    }
    return store
  }
  const names = (store: Store): string[] => store.project.trials.map((t) => t.name)

  it('addTrial appends and returns the new row; insertTrial inserts before a row (clamped)', () => {
    const store = threeRows()
    expect(store.addTrial()).toBe(3)
    expect(store.insertTrial(1)).toBe(1)
    expect(store.insertTrial(99)).toBe(5)
    expect(names(store)).toEqual(['A', '', 'B', 'C', '', ''])
    expect(new Set(store.rowKeys).size).toBe(6)
  })

  it('deleteTrial removes the row with its unparsed text', () => {
    const store = threeRows()
    store.setCell(1, 'eventsIntervention', 'abc')
    store.deleteTrial(1)
    expect(names(store)).toEqual(['A', 'C'])
    expect(store.drafts).toEqual([{}, {}])
    store.undo()
    expect(names(store)).toEqual(['A', 'B', 'C'])
    expect(store.cellText(1, 'eventsIntervention')).toBe('abc')
  })

  it('moveTrial swaps with the neighbour, keeps row keys, and does nothing at the ends', () => {
    const store = threeRows()
    const keys = [...store.rowKeys]
    expect(store.moveTrial(0, 'down')).toBe(1)
    expect(names(store)).toEqual(['B', 'A', 'C'])
    expect(store.rowKeys).toEqual([keys[1], keys[0], keys[2]])
    expect(store.moveTrial(2, 'up')).toBe(1)
    expect(names(store)).toEqual(['B', 'C', 'A'])
    expect(store.moveTrial(0, 'up')).toBe(0)
    expect(store.moveTrial(2, 'down')).toBe(2)
    store.undo()
    expect(names(store)).toEqual(['B', 'A', 'C'])
  })

  it('toggleInclude and toggleLowRisk flip the flags, one undo step each', () => {
    const store = threeRows()
    store.toggleInclude(2)
    store.toggleLowRisk(2)
    expect(store.project.trials[2]).toMatchObject({ include: false, lowRiskOfBias: true })
    store.undo()
    expect(store.project.trials[2]).toMatchObject({ include: false, lowRiskOfBias: false })
    store.undo()
    expect(store.project.trials[2]).toMatchObject({ include: true, lowRiskOfBias: false })
    store.setCell(0, 'lowRiskOfBias', 'yes')
    expect(store.project.trials[0]?.lowRiskOfBias).toBe(true)
  })

  it('throws on a row that does not exist', () => {
    const store = threeRows()
    expect(() => store.setCell(3, 'name', 'x')).toThrow(RangeError)
    expect(() => store.deleteTrial(-1)).toThrow(RangeError)
  })
})

describe('useProjectStore: paste', () => {
  const HEADER_BLOCK = [
    'Study\tYear\tei\tni\tec\tnc',
    'Greif 2000\t2000\t13\t"1.250"\t28\t250',
    'Belda 2005\t2005\t"14,0"\t148\t27\t143',
    'Mayzler 2005\t2005\t3\t29\t6\t31',
    ''
  ].join('\r\n')

  it('reads a header through COLUMN_ALIASES and decimal commas, appending rows, as one undo step', () => {
    const store = useProjectStore()
    const result = store.pasteTsv(0, 3, HEADER_BLOCK)
    expect(result).toMatchObject({
      rows: 3,
      firstRow: 0,
      added: 3,
      header: true,
      decimalComma: true
    })
    expect(result?.fields).toEqual([
      'name',
      'year',
      'eventsIntervention',
      'totalIntervention',
      'eventsControl',
      'totalControl'
    ])
    expect(trialsOf(store)).toMatchObject([
      { name: 'Greif 2000', year: 2000, eventsIntervention: 13, totalIntervention: 1250 },
      { name: 'Belda 2005', eventsIntervention: 14, totalIntervention: 148, eventsControl: 27 },
      { name: 'Mayzler 2005', year: 2005, totalControl: 31 }
    ])
    expect(store.dirty).toBe(true)
    expect(store.undo()).toBe(true)
    expect(store.project.trials).toEqual([])
    expect(store.canUndo).toBe(false)
    expect(store.dirty).toBe(false)
    store.redo()
    expect(store.project.trials).toHaveLength(3)
  })

  it('pastes by position from the given cell without a header, overwriting and keeping bad text', () => {
    const store = useProjectStore()
    store.addTrial()
    fillRow(store, 0, ['A', '2000', '1', '10', '2', '10'])
    const result = store.pasteTsv(0, 2, '5\t50\n6\tmany\textra\t7\t8\t9')
    expect(result).toMatchObject({ rows: 2, header: false, added: 1 })
    expect(result?.fields).toEqual([
      'eventsIntervention',
      'totalIntervention',
      'eventsControl',
      'totalControl',
      'include',
      'lowRiskOfBias'
    ])
    expect(trialsOf(store)[0]).toMatchObject({
      name: 'A',
      eventsIntervention: 5,
      totalIntervention: 50
    })
    expect(store.cellText(1, 'totalIntervention')).toBe('many')
    expect(store.cellError(1, 'totalIntervention')).toBe('"many" is not a number')
    expect(store.cellText(1, 'eventsControl')).toBe('extra')
    expect(store.project.trials[1]?.lowRiskOfBias).toBe(false) // "9" is not a flag: unchanged
  })

  it('handles quoted multi-line cells, flags by name, unknown columns, and continuous data', () => {
    const store = useProjectStore()
    store.newProject('continuous')
    const text = [
      'Author\tmean.e\tsd.e\tn.e\tmean.c\tsd.c\tn.c\tLow risk of bias\tNotes',
      '"Smith\nand Jones"\t12,5\t3,1\t40\t10,25\t2,9\t41\tyes\tfoo'
    ].join('\n')
    const result = store.pasteTsv(0, 0, text)
    expect(result?.ignoredColumns).toEqual(['Notes'])
    expect(trialsOf(store)[0]).toMatchObject({
      name: 'Smith\nand Jones',
      meanIntervention: 12.5,
      sdIntervention: 3.1,
      totalIntervention: 40,
      meanControl: 10.25,
      sdControl: 2.9,
      totalControl: 41,
      lowRiskOfBias: true
    })
  })

  it('returns null and records nothing for an empty clipboard', () => {
    const store = useProjectStore()
    expect(store.pasteTsv(0, 0, '\n\n')).toBeNull()
    expect(store.canUndo).toBe(false)
  })
})

describe('useProjectStore: undo, redo, dirty', () => {
  it('undo and redo walk the edits; a new edit drops the redo stack', () => {
    const store = useProjectStore()
    store.addTrial()
    store.setCell(0, 'name', 'A')
    store.setCell(0, 'name', 'B')
    store.undo()
    expect(store.project.trials[0]?.name).toBe('A')
    expect(store.canRedo).toBe(true)
    store.redo()
    expect(store.project.trials[0]?.name).toBe('B')
    store.undo()
    store.setCell(0, 'name', 'C')
    expect(store.canRedo).toBe(false)
    expect(store.redo()).toBe(false)
  })

  it('keeps at most UNDO_CAPACITY steps', () => {
    const store = useProjectStore()
    store.addTrial()
    for (let i = 1; i <= UNDO_CAPACITY + 5; i++) store.setCell(0, 'year', String(1900 + i))
    let steps = 0
    while (store.undo()) steps++
    expect(steps).toBe(UNDO_CAPACITY)
    expect(store.project.trials[0]?.year).toBe(1905)
  })

  it('dirty follows edits, markSaved, and undo back to the saved state', () => {
    const store = useProjectStore()
    store.addTrial()
    expect(store.dirty).toBe(true)
    store.markSaved()
    expect(store.dirty).toBe(false)
    store.setCell(0, 'name', 'A')
    expect(store.dirty).toBe(true)
    store.undo()
    expect(store.dirty).toBe(false)
    store.redo()
    expect(store.dirty).toBe(true)
  })

  it('loadProject replaces the project, clean and without history', () => {
    const store = useProjectStore()
    store.addTrial()
    const file: ProjectFile = {
      ...emptyProject(),
      title: 'Oxygen',
      trials: [
        {
          name: 'Greif 2000',
          year: 2000,
          lowRiskOfBias: true,
          include: true,
          eventsIntervention: 13,
          totalIntervention: 250,
          eventsControl: 28,
          totalControl: 250
        }
      ]
    } as ProjectFile
    store.loadProject(file)
    expect(store.project.title).toBe('Oxygen')
    expect(store.dirty).toBe(false)
    expect(store.canUndo).toBe(false)
    expect(store.drafts).toEqual([{}])
    expect(store.rowKeys).toHaveLength(1)
  })
})

describe('useProjectStore: projectForAnalysis', () => {
  it('keeps valid trials and reports invalid, incomplete and empty rows with the reason', () => {
    const store = useProjectStore()
    for (let i = 0; i < 5; i++) store.addTrial()
    fillRow(store, 0, ['Good', '2000', '1', '10', '2', '10'])
    fillRow(store, 1, ['Bad', '2001', '12', '10', '2', '10'])
    fillRow(store, 2, ['Half', '2002', '1', '10', '', ''])
    fillRow(store, 4, ['Unticked', '2003', '1', '10', '2', '10'])
    store.toggleInclude(4)
    const { project, excluded } = store.projectForAnalysis
    expect(project.trials.map((t) => t.name)).toEqual(['Good', 'Unticked'])
    expect(project.analysis).toEqual(store.project.analysis)
    expect(excluded).toEqual([
      {
        row: 1,
        trial: 'Bad',
        reason: 'invalid data (Intervention events: More events (12) than participants (10))'
      },
      { row: 2, trial: 'Half', reason: 'incomplete data (Control events, Control total empty)' },
      { row: 3, trial: '(row 4)', reason: 'empty row' }
    ])
    expect(parseProjectFile(JSON.parse(JSON.stringify(project))).ok).toBe(true)
  })

  it('a row with unparsed text is excluded as invalid, not as incomplete', () => {
    const store = useProjectStore()
    store.addTrial()
    fillRow(store, 0, ['A', '2000', 'x', '10', '2', '10'])
    expect(store.projectForAnalysis.excluded[0]?.reason).toBe(
      'invalid data (Intervention events: "x" is not a number)'
    )
  })
})
