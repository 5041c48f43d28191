import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import TrialGrid from '../../../../src/renderer/src/components/trials/TrialGrid.vue'
import { useProjectStore } from '../../../../src/renderer/src/stores/project'

let pinia: Pinia
let wrapper: VueWrapper | null = null

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

async function mountGrid(): Promise<{
  grid: HTMLElement
  store: ReturnType<typeof useProjectStore>
}> {
  wrapper = mount(TrialGrid, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  const grid = document.querySelector<HTMLElement>('[role="grid"]')
  if (grid === null) throw new Error('no grid')
  return { grid, store: useProjectStore() }
}

/** Two complete dichotomous trials. */
function seed(store: ReturnType<typeof useProjectStore>): void {
  const rows = [
    ['Greif 2000', '2000', '13', '250', '28', '250'],
    ['Belda 2005', '2005', '14', '148', '27', '143']
  ]
  const fields = [
    'name',
    'year',
    'eventsIntervention',
    'totalIntervention',
    'eventsControl',
    'totalControl'
  ] as const
  for (const cells of rows) {
    const r = store.addTrial()
    fields.forEach((f, j) => store.setCell(r, f, cells[j] ?? ''))
  }
  store.markSaved()
}

/** The focus target of a cell: the gridcell, or the checkbox/button inside it. */
const cell = (row: number, col: number): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)
  if (el === null) throw new Error(`no cell ${row},${col}`)
  return el
}
/** The gridcell (td) at a 0-based row and 1-based aria-colindex. */
const gridcell = (row: number, colindex: number): HTMLElement => {
  const el = document
    .querySelectorAll<HTMLElement>('tbody tr')
    [row]?.querySelector<HTMLElement>(`[role="gridcell"][aria-colindex="${colindex}"]`)
  if (!el) throw new Error(`no gridcell ${row},${colindex}`)
  return el
}

async function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): Promise<void> {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })
  )
  await flushPromises()
}

const active = (): Element | null => document.activeElement

async function typeInto(row: number, col: number, text: string): Promise<void> {
  cell(row, col).focus()
  await key(cell(row, col), 'Enter')
  const input = document.querySelector<HTMLInputElement>('input[data-editor]')
  if (input === null) throw new Error('no editor')
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await key(input, 'Enter')
}

function clipboardEvent(
  type: 'paste' | 'copy',
  text = ''
): {
  event: Event
  written: () => string | undefined
} {
  let written: string | undefined
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', {
    value: {
      getData: (format: string) => (format === 'text/plain' ? text : ''),
      setData: (format: string, value: string) => {
        if (format === 'text/plain') written = value
      }
    }
  })
  return { event, written: () => written }
}

describe('TrialGrid: roles and names', () => {
  it('is a grid named "Trials" with the columns in the contract order', async () => {
    const { grid } = await mountGrid()
    expect(grid.tagName).toBe('TABLE')
    expect(grid.getAttribute('aria-label')).toBe('Trials')
    const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) =>
      h.textContent?.trim()
    )
    expect(headers).toEqual([
      'Study',
      'Year',
      'Intervention events',
      'Intervention total',
      'Control events',
      'Control total',
      'Include',
      'Low risk of bias',
      'Insert above',
      'Delete',
      'Move up',
      'Move down'
    ])
    expect(
      [...grid.querySelectorAll('[role="columnheader"]')].map((h) =>
        h.getAttribute('aria-colindex')
      )
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
  })

  it('shows mean, SD and total per arm for continuous data', async () => {
    const { grid, store } = await mountGrid()
    store.newProject('continuous')
    await flushPromises()
    const headers = [...grid.querySelectorAll('[role="columnheader"]')]
      .map((h) => h.textContent?.trim())
      .slice(0, 10)
    expect(headers).toEqual([
      'Study',
      'Year',
      'Intervention mean',
      'Intervention SD',
      'Intervention total',
      'Control mean',
      'Control SD',
      'Control total',
      'Include',
      'Low risk of bias'
    ])
  })

  it('has one tab stop, and names the checkboxes and row buttons by trial', async () => {
    const { grid, store } = await mountGrid()
    seed(store)
    await flushPromises()
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1)
    expect(cell(0, 0).getAttribute('tabindex')).toBe('0')
    expect(cell(1, 6).getAttribute('aria-label')).toBe('Include: Belda 2005')
    expect(cell(1, 7).getAttribute('aria-label')).toBe('Low risk of bias: Belda 2005')
    expect(cell(0, 8).getAttribute('aria-label')).toBe('Insert trial above Greif 2000')
    expect(cell(0, 9).getAttribute('aria-label')).toBe('Delete trial Greif 2000')
    expect(cell(0, 10).getAttribute('aria-label')).toBe('Move Greif 2000 up')
    expect(cell(0, 10).getAttribute('aria-disabled')).toBe('true')
    expect(cell(0, 11).getAttribute('aria-label')).toBe('Move Greif 2000 down')
    expect(cell(0, 11).getAttribute('aria-keyshortcuts')).toBe('Alt+ArrowDown')
    expect(grid.querySelectorAll('tbody tr')[1]?.getAttribute('aria-rowindex')).toBe('3')
  })
})

describe('TrialGrid: keyboard', () => {
  it('arrows, Home/End, Ctrl+Home/End move the focus; Tab moves right and wraps', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    cell(0, 0).focus()
    await key(active()!, 'ArrowRight')
    expect(active()).toBe(cell(0, 1))
    expect(cell(0, 1).getAttribute('tabindex')).toBe('0')
    expect(cell(0, 0).getAttribute('tabindex')).toBe('-1')
    await key(active()!, 'ArrowDown')
    expect(active()).toBe(cell(1, 1))
    await key(active()!, 'ArrowDown') // stays on the last row
    expect(active()).toBe(cell(1, 1))
    await key(active()!, 'Home')
    expect(active()).toBe(cell(1, 0))
    await key(active()!, 'End')
    expect(active()).toBe(cell(1, 11))
    await key(active()!, 'Home', { ctrlKey: true })
    expect(active()).toBe(cell(0, 0))
    await key(active()!, 'End', { ctrlKey: true })
    expect(active()).toBe(cell(1, 11))
    await key(active()!, 'ArrowUp')
    expect(active()).toBe(cell(0, 11))

    cell(0, 4).focus()
    await key(active()!, 'Tab')
    expect(active()).toBe(cell(0, 5))
    await key(active()!, 'Tab')
    expect(active()).toBe(cell(0, 6)) // the Include checkbox
    await key(active()!, 'Tab')
    await key(active()!, 'Tab') // past the last value column: next row's Study
    expect(active()).toBe(cell(1, 0))
    await key(active()!, 'Tab', { shiftKey: true })
    expect(active()).toBe(cell(0, 7))
  })

  it('Tab on the last value cell of the last row leaves the grid (not prevented)', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    cell(1, 7).focus()
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true })
    active()!.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
  })

  it('typing into a cell (Enter, or just typing) updates the store; Esc cancels', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    await typeInto(0, 2, '15')
    expect(store.project.trials[0]).toMatchObject({ eventsIntervention: 15 })
    expect(active()).toBe(cell(0, 2)) // the focus is back on the cell
    expect(cell(0, 2).textContent?.trim()).toBe('15')

    cell(1, 0).focus()
    await key(cell(1, 0), 'H')
    const input = document.querySelector<HTMLInputElement>('input[data-editor]')!
    expect(input.value).toBe('H')
    expect(input.getAttribute('aria-label')).toBe('Study, Belda 2005')
    expect(active()).toBe(input)
    input.value = 'Hovaguimian'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await key(input, 'Tab')
    expect(store.project.trials[1]?.name).toBe('Hovaguimian')
    expect(active()).toBe(cell(1, 1))

    await key(cell(1, 1), 'F2')
    const yearInput = document.querySelector<HTMLInputElement>('input[data-editor]')!
    expect(yearInput.value).toBe('2005')
    yearInput.value = '1999'
    yearInput.dispatchEvent(new Event('input', { bubbles: true }))
    await key(yearInput, 'Escape')
    expect(document.querySelector('input[data-editor]')).toBeNull()
    expect(store.project.trials[1]?.year).toBe(2005)
    expect(active()).toBe(cell(1, 1))
  })

  it('an invalid value gets aria-invalid and a description saying why, and the text stays', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    await typeInto(0, 2, '-3')
    const td = gridcell(0, 3)
    expect(td.getAttribute('aria-invalid')).toBe('true')
    const describedBy = td.getAttribute('aria-describedby')!
    expect(document.getElementById(describedBy)?.textContent).toBe('Cannot be negative')
    expect(td.textContent?.trim()).toBe('-3')

    await typeInto(0, 3, '2 5 0 x')
    const td2 = gridcell(0, 4)
    expect(td2.textContent?.trim()).toBe('2 5 0 x')
    expect(document.getElementById(td2.getAttribute('aria-describedby')!)?.textContent).toBe(
      '"2 5 0 x" is not a number'
    )
    expect(store.project.trials[0]?.totalIntervention).toBeNull()

    await typeInto(0, 2, '13')
    await typeInto(0, 3, '250')
    expect(gridcell(0, 3).hasAttribute('aria-invalid')).toBe(false)
    expect(gridcell(0, 3).hasAttribute('aria-describedby')).toBe(false)
  })

  it('Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) go to the store when the grid has the focus', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    await typeInto(0, 2, '99')
    await key(active()!, 'z', { ctrlKey: true })
    expect(store.cellText(0, 'eventsIntervention')).toBe('13')
    await key(active()!, 'y', { ctrlKey: true })
    expect(store.cellText(0, 'eventsIntervention')).toBe('99')
    await key(active()!, 'z', { ctrlKey: true })
    await key(active()!, 'Z', { ctrlKey: true, shiftKey: true })
    expect(store.cellText(0, 'eventsIntervention')).toBe('99')
  })

  it('Delete clears the cell; Alt shortcuts insert, move and delete rows', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    cell(0, 3).focus()
    await key(active()!, 'Delete')
    expect(store.project.trials[0]?.totalIntervention).toBeNull()

    await key(active()!, 'ArrowDown', { altKey: true })
    expect(store.project.trials.map((t) => t.name)).toEqual(['Belda 2005', 'Greif 2000'])
    expect(active()).toBe(cell(1, 3)) // the focus moves with the trial
    await key(active()!, 'Insert', { altKey: true })
    expect(store.project.trials.map((t) => t.name)).toEqual(['Belda 2005', '', 'Greif 2000'])
    expect(active()).toBe(cell(1, 0))
    await key(active()!, 'Delete', { altKey: true })
    expect(store.project.trials.map((t) => t.name)).toEqual(['Belda 2005', 'Greif 2000'])
  })
})

describe('TrialGrid: buttons and checkboxes', () => {
  it('"Add trial" appends a row and puts the focus in its Study cell, ready to type', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    const add = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Add trial'
    )!
    add.click()
    await flushPromises()
    expect(store.project.trials).toHaveLength(3)
    const study = gridcell(2, 1)
    expect(study.contains(active())).toBe(true)
    const input = active() as HTMLInputElement
    expect(input.tagName).toBe('INPUT')
    input.value = 'Mayzler 2005'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await key(input, 'Tab')
    expect(store.project.trials[2]?.name).toBe('Mayzler 2005')
    expect(active()).toBe(cell(2, 1))
  })

  it('row buttons insert, move and delete; checkboxes toggle include and risk of bias', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    cell(1, 10).click() // Move Belda up
    await flushPromises()
    expect(store.project.trials.map((t) => t.name)).toEqual(['Belda 2005', 'Greif 2000'])
    cell(0, 10).click() // aria-disabled: nothing happens
    await flushPromises()
    expect(store.project.trials.map((t) => t.name)).toEqual(['Belda 2005', 'Greif 2000'])
    cell(1, 6).click()
    cell(1, 7).click()
    await flushPromises()
    expect(store.project.trials[1]).toMatchObject({ include: false, lowRiskOfBias: true })
    expect((cell(1, 6) as HTMLInputElement).checked).toBe(false)
    cell(0, 9).click() // delete Belda
    await flushPromises()
    expect(store.project.trials.map((t) => t.name)).toEqual(['Greif 2000'])
    cell(0, 8).click() // insert above Greif
    await flushPromises()
    expect(store.project.trials.map((t) => t.name)).toEqual(['', 'Greif 2000'])
    expect(active()).toBe(cell(0, 0))
  })
})

describe('TrialGrid: clipboard', () => {
  const BLOCK = [
    'Study\tYear\tIntervention events\tIntervention total\tControl events\tControl total',
    'Greif 2000\t2000\t13\t250\t28\t250',
    'Belda 2005\t2005\t14,0\t148\t27\t143',
    'Mayzler 2005\t2005\t3\t"1.029"\t6\t31'
  ].join('\r\n')

  it('pastes a 3×6 TSV block with a header and decimal commas as one undo step', async () => {
    const { store } = await mountGrid()
    const r = store.addTrial()
    store.setCell(r, 'name', 'Old')
    await flushPromises()
    cell(0, 2).focus()
    const { event } = clipboardEvent('paste', BLOCK)
    active()!.dispatchEvent(event)
    await flushPromises()
    expect(event.defaultPrevented).toBe(true)
    expect(store.project.trials).toMatchObject([
      { name: 'Greif 2000', year: 2000, eventsIntervention: 13, totalIntervention: 250 },
      { name: 'Belda 2005', year: 2005, eventsIntervention: 14, totalControl: 143 },
      { name: 'Mayzler 2005', eventsIntervention: 3, totalIntervention: 1029, eventsControl: 6 }
    ])
    expect(gridcell(2, 1).textContent?.trim()).toBe('Mayzler 2005')
    expect(document.querySelector('[role="status"]')?.textContent).toContain('Pasted 3 rows')

    await key(active()!, 'z', { ctrlKey: true })
    expect(store.project.trials).toHaveLength(1)
    expect(store.project.trials[0]?.name).toBe('Old')
    expect(store.cellText(0, 'eventsIntervention')).toBe('')
  })

  it('pastes into an empty grid (the table itself holds the focus) and by position', async () => {
    const { grid, store } = await mountGrid()
    expect(grid.getAttribute('tabindex')).toBe('0')
    grid.focus()
    const { event } = clipboardEvent('paste', 'A\t2001\t1\t10\nB\t2002\t2\t20\n')
    grid.dispatchEvent(event)
    await flushPromises()
    expect(store.project.trials).toMatchObject([
      { name: 'A', year: 2001, eventsIntervention: 1, totalIntervention: 10, eventsControl: null },
      { name: 'B', year: 2002, eventsIntervention: 2, totalIntervention: 20 }
    ])
    expect(gridcell(0, 1).getAttribute('aria-selected')).toBe('true')
    expect(gridcell(1, 4).getAttribute('aria-selected')).toBe('true')
    expect(gridcell(0, 5).getAttribute('aria-selected')).toBe('false')
  })

  it('Ctrl+C copies the focused row, or the Shift+arrow selection, as TSV', async () => {
    const { store } = await mountGrid()
    seed(store)
    await flushPromises()
    cell(1, 3).focus()
    const row = clipboardEvent('copy')
    active()!.dispatchEvent(row.event)
    expect(row.written()).toBe('Belda 2005\t2005\t14\t148\t27\t143\tyes\tno')

    cell(0, 2).focus()
    await key(active()!, 'ArrowRight', { shiftKey: true })
    await key(active()!, 'ArrowDown', { shiftKey: true })
    expect(gridcell(1, 4).getAttribute('aria-selected')).toBe('true')
    const block = clipboardEvent('copy')
    active()!.dispatchEvent(block.event)
    expect(block.written()).toBe('13\t250\n14\t148')
    expect(block.event.defaultPrevented).toBe(true)
  })
})
