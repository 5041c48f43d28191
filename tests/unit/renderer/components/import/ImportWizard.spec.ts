// The Import data dialog (components/import/ImportWizard.vue) in happy-dom: a modal dialog's focus and keyboard rules,
// the column mapping of CSV and xlsx tables with its live preview and the import button's count, a malformed file's
// message, the RevMan analysis picker, and (ImportHost.vue) a file dropped on the window opening the wizard.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ImportWizard from '@renderer/components/import/ImportWizard.vue'
import ImportHost from '@renderer/components/import/ImportHost.vue'
import { useDocumentStore, type ImportedData, type ImportingFile } from '@renderer/stores/document'
import { buildXlsx } from '../../../../helpers/xlsx'
import { installFakeHost } from '../../stores/fakeHost'

const ROOT = resolve(import.meta.dirname, '../../../../..')

const textFile = (name: string, text: string): ImportingFile => ({
  name,
  bytes: new TextEncoder().encode(text)
})

/** RTSA-like data with headers the guesses do not know for the intervention arm. */
const NON_STANDARD =
  'Trial,Treated deaths,Treated,Control events,Control total\nAlpha,1,10,2,10\nBeta,3,12,4,12\n'

let wrappers: VueWrapper[] = []
let opener: HTMLButtonElement

beforeEach(() => {
  setActivePinia(createPinia())
  installFakeHost()
  opener = document.createElement('button')
  opener.textContent = 'Import data…'
  document.body.append(opener)
  opener.focus()
})

afterEach(() => {
  for (const wrapper of wrappers) wrapper.unmount()
  wrappers = []
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function openWizard(file: ImportingFile): Promise<VueWrapper> {
  const wrapper = mount(ImportWizard, { props: { file }, attachTo: document.body })
  wrappers.push(wrapper)
  // a workbook is read asynchronously (the reader is loaded on first use)
  await vi.waitFor(() => {
    if (document.body.textContent?.includes('Reading the file…')) throw new Error('still reading')
  })
  await flushPromises()
  return wrapper
}

function dialog(): HTMLElement {
  const found = document.body.querySelector<HTMLElement>('[role="dialog"]')
  if (found === null) throw new Error('no dialog')
  return found
}

function button(name: string | RegExp): HTMLButtonElement {
  const found = [...dialog().querySelectorAll('button')].find((b) =>
    typeof name === 'string'
      ? b.textContent?.trim() === name
      : name.test(b.textContent?.trim() ?? '')
  )
  if (found === undefined) throw new Error(`no button ${String(name)}`)
  return found
}

/** The select or input whose <label> reads `label` (for= or wrapping). */
function control<T extends HTMLElement>(label: string | RegExp): T {
  for (const l of dialog().querySelectorAll('label')) {
    // a wrapping label's own words, without the options of the select inside it
    const own = l.cloneNode(true) as HTMLElement
    own.querySelectorAll('select').forEach((inner) => inner.remove())
    const text = own.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    if (typeof label === 'string' ? text !== label : !label.test(text)) continue
    const target = l.htmlFor ? document.getElementById(l.htmlFor) : l.querySelector('select, input')
    if (target !== null) return target as T
  }
  throw new Error(`no control labelled ${String(label)}`)
}

async function choose(label: string | RegExp, optionText: string): Promise<void> {
  const select = control<HTMLSelectElement>(label)
  const option = [...select.options].find((o) => o.textContent?.trim() === optionText)
  if (option === undefined) throw new Error(`no option ${optionText} in ${String(label)}`)
  select.value = option.value
  select.dispatchEvent(new Event('change'))
  await flushPromises()
}

/** The preview's body cells, row by row, as text. */
const previewRows = (): string[][] =>
  [...dialog().querySelectorAll('.preview-table tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '')
  )

const key = (target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

describe('the dialog', () => {
  it('is modal and named "Import data": focus moves in, Tab stays inside, Esc cancels, focus goes back', async () => {
    const wrapper = await openWizard(textFile('trials.csv', NON_STANDARD))
    const box = dialog()
    expect(box.getAttribute('aria-modal')).toBe('true')
    const title = document.getElementById(box.getAttribute('aria-labelledby') ?? '')
    expect(title?.tagName).toBe('H2')
    expect(title?.textContent).toBe('Import data')
    // the first choice has focus; the page behind is inert
    expect(box.contains(document.activeElement)).toBe(true)
    expect(document.activeElement?.tagName).toBe('SELECT')
    expect(opener.inert).toBe(true)

    const focusables = [
      ...box.querySelectorAll<HTMLElement>('select, input, button:not([disabled])')
    ]
    const last = focusables.at(-1) as HTMLElement
    last.focus()
    const tab = key(last, 'Tab')
    expect(tab.defaultPrevented).toBe(true)
    expect(document.activeElement).toBe(focusables[0])
    const back = key(focusables[0] as HTMLElement, 'Tab', { shiftKey: true })
    expect(back.defaultPrevented).toBe(true)
    expect(document.activeElement).toBe(last)

    key(box, 'Escape')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
    wrapper.unmount()
    wrappers = []
    expect(opener.inert).toBe(false)
    expect(document.activeElement).toBe(opener)
  })

  it('keeps the page’s shortcuts (Ctrl+Z) from reaching the project behind it', async () => {
    await openWizard(textFile('trials.csv', NON_STANDARD))
    const seen = vi.fn()
    window.addEventListener('keydown', seen)
    key(control('Outcome'), 'z', { ctrlKey: true })
    window.removeEventListener('keydown', seen)
    expect(seen).not.toHaveBeenCalled()
  })

  it('Cancel changes nothing and says so by emitting cancel only', async () => {
    const wrapper = await openWizard(textFile('trials.csv', NON_STANDARD))
    button('Cancel').click()
    expect(wrapper.emitted('cancel')).toHaveLength(1)
    expect(wrapper.emitted('import')).toBeUndefined()
  })
})

describe('a CSV table', () => {
  it('preselects the guessed columns and blocks the import until the required ones are chosen', async () => {
    await openWizard(textFile('trials.csv', NON_STANDARD))
    expect(control<HTMLSelectElement>('Study').selectedOptions[0]?.textContent?.trim()).toBe(
      'Trial'
    )
    expect(
      control<HTMLSelectElement>(/^Control events/).selectedOptions[0]?.textContent?.trim()
    ).toBe('Control events')
    expect(control<HTMLSelectElement>(/^Intervention events/).value).toBe('')
    expect(control(/^Intervention events/).getAttribute('aria-invalid')).toBe('true')
    const importButton = button('Import 2 trials')
    expect(importButton.disabled).toBe(true)
    const reason = document.getElementById(importButton.getAttribute('aria-describedby') ?? '')
    expect(reason?.textContent?.trim()).toBe(
      'Choose a column for Intervention events, Intervention total.'
    )
  })

  it('a changed mapping updates the preview and enables "Import N trials"', async () => {
    const wrapper = await openWizard(textFile('trials.csv', NON_STANDARD))
    expect(previewRows()[0]).toEqual(['2', 'Alpha', '', '', '', '2', '10'])
    await choose(/^Intervention events/, 'Treated deaths')
    await choose(/^Intervention total/, 'Treated')
    expect(previewRows()).toEqual([
      ['2', 'Alpha', '', '1', '10', '2', '10'],
      ['3', 'Beta', '', '3', '12', '4', '12']
    ])
    expect(dialog().querySelector('caption')?.textContent?.trim()).toBe('Preview: 2 trials')
    const importButton = button('Import 2 trials')
    expect(importButton.disabled).toBe(false)
    importButton.click()
    const [[imported]] = wrapper.emitted('import') as [[ImportedData]]
    expect(imported.project.outcome.type).toBe('dichotomous')
    expect(
      imported.project.trials.map((t) => [
        t.name,
        'eventsIntervention' in t && t.eventsIntervention
      ])
    ).toEqual([
      ['Alpha', 1],
      ['Beta', 3]
    ])
  })

  it('marks a cell that cannot be read with its reason, lists its place, and stops the import', async () => {
    await openWizard(textFile('bad.csv', 'study,eI,nI,eC,nC\nA,1,ten,2,10\nB,3,12,4,12\n'))
    const invalid = dialog().querySelectorAll('td[aria-invalid="true"]')
    expect(invalid).toHaveLength(1)
    expect(invalid[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('"ten" is not a number')
    expect(dialog().textContent).toContain(`line 2, column 'nI': "ten" is not a number`)
    expect(button('Import 2 trials').disabled).toBe(true)
  })

  it('the decimal-comma switch reads the same cells again', async () => {
    await openWizard(textFile('means.csv', 'study;mI;sdI;nI;mC;sdC;nC\nA;1.5;2;10;3;4;12\n'))
    const toggle = control<HTMLInputElement>(/^Decimal comma/)
    expect(toggle.checked).toBe(false) // the numbers show points, whatever the semicolons suggest
    expect(previewRows()[0]?.[3]).toBe('1.5')
    toggle.click()
    await flushPromises()
    expect(previewRows()[0]?.[3]).toBe('15')
  })
})

describe('an xlsx workbook', () => {
  const workbook = buildXlsx([
    { name: 'Notes', rows: [['Aspirin after myocardial infarction']] },
    {
      name: 'Trials',
      rows: [
        ['Study', 'Year', 'eI', 'nI', 'eC', 'nC'],
        ['MRC-1', 1974, 49, 615, 67, 624],
        ['CDP', 1976, 44, 758, 64, 771]
      ]
    }
  ])

  it('starts on the sheet with the table; another sheet starts over from its own guesses', async () => {
    await openWizard({ name: 'aspirin.xlsx', bytes: workbook })
    const sheet = control<HTMLSelectElement>('Sheet')
    expect([...sheet.options].map((o) => o.textContent?.trim())).toEqual(['Notes', 'Trials'])
    expect(sheet.selectedOptions[0]?.textContent?.trim()).toBe('Trials')
    expect(previewRows()[0]).toEqual(['2', 'MRC-1', '1974', '49', '615', '67', '624'])
    expect(
      control<HTMLSelectElement>(/^Intervention events/).selectedOptions[0]?.textContent?.trim()
    ).toBe('C: eI')
    expect(button('Import 2 trials').disabled).toBe(false)

    await choose('Sheet', 'Notes')
    expect(control<HTMLSelectElement>(/^Intervention events/).value).toBe('')
    expect(button(/^Import/).disabled).toBe(true)
  })
})

describe('a file that cannot be read', () => {
  it('says where in an alert, and offers only Cancel', async () => {
    await openWizard(textFile('broken.csv', 'study,eI,nI,eC,nC\nA,1,10,2\n'))
    expect(dialog().querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'broken.csv: line 2: 4 cells, but the header has 5 columns'
    )
    expect([...dialog().querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual([
      'Cancel'
    ])
    expect(document.activeElement).toBe(button('Cancel'))
  })

  it('an xls or a project file is pointed to what reads it', async () => {
    await openWizard(textFile('old.xls', 'x'))
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain(
      'save it as .xlsx first'
    )
  })
})

describe('a RevMan file', () => {
  const fleiss = (): ImportingFile => ({
    name: 'Fleiss1993.rm5',
    bytes: new Uint8Array(readFileSync(resolve(ROOT, 'tests/fixtures/revman/Fleiss1993.rm5')))
  })

  it('lists comparison → outcome with type and trial count; the chosen one is previewed and imported', async () => {
    const wrapper = await openWizard(fleiss())
    const radios = [...dialog().querySelectorAll<HTMLInputElement>('input[type="radio"]')]
    const labels = radios.map((r) => r.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())
    expect(labels).toContain(
      'Aspirin for Preventing Death after Myocardial Infarction (dichotomous, 7 trials)'
    )
    expect(labels.some((l) => l?.includes('(continuous, 5 trials)'))).toBe(true)
    expect(radios[0]?.checked).toBe(true)
    expect(previewRows()).toHaveLength(7)
    expect(button('Import 7 trials').disabled).toBe(false)

    const continuous = radios.find((r) => r.closest('label')?.textContent?.includes('continuous'))
    continuous?.click()
    await flushPromises()
    expect(previewRows()).toHaveLength(5)
    button('Import 5 trials').click()
    const [[imported]] = wrapper.emitted('import') as [[ImportedData]]
    expect(imported.project.outcome.type).toBe('continuous')
    expect(imported.project.trials).toHaveLength(5)
  })
})

describe('dropping a file on the window (ImportHost)', () => {
  it('opens the wizard with the dropped file; Cancel closes it and nothing is imported', async () => {
    const host = mount(ImportHost, { attachTo: document.body })
    wrappers.push(host)
    const doc = useDocumentStore()
    const bytes = new TextEncoder().encode(NON_STANDARD)
    const file = { name: 'dropped.csv', size: bytes.length, arrayBuffer: async () => bytes.buffer }
    const dragover = new Event('dragover', { cancelable: true })
    Object.defineProperty(dragover, 'dataTransfer', {
      value: { types: ['Files'], dropEffect: 'none' }
    })
    window.dispatchEvent(dragover)
    expect(dragover.defaultPrevented).toBe(true) // the browser would otherwise open the file
    await flushPromises()
    expect(document.body.querySelector('.drop-hint')).not.toBeNull()

    const drop = new Event('drop', { cancelable: true })
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [file] } })
    window.dispatchEvent(drop)
    expect(drop.defaultPrevented).toBe(true)
    await flushPromises()
    expect(doc.importing?.name).toBe('dropped.csv')
    expect(document.body.querySelector('.drop-hint')).toBeNull()
    expect(dialog().textContent).toContain('dropped.csv')

    button('Cancel').click()
    await flushPromises()
    expect(doc.importing).toBeNull()
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
  })

  it('a drag of text (no files) is left to the page', () => {
    const host = mount(ImportHost, { attachTo: document.body })
    wrappers.push(host)
    const dragover = new Event('dragover', { cancelable: true })
    Object.defineProperty(dragover, 'dataTransfer', { value: { types: ['text/plain'] } })
    window.dispatchEvent(dragover)
    expect(dragover.defaultPrevented).toBe(false)
  })
})
