// The File commands (stores/document.ts) against a stand-in host: when they ask before replacing unsaved work, what
// they send, how the dirty state and the document name follow, autosave timing, recovery, and errors as messages.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runTsa, type TsaResult } from '../../../../src/engine'
import type { OpenedProject } from '../../../../src/shared/ipc/contract'
import { parseProjectFile, type ProjectFile } from '../../../../src/shared/projectFile'
import {
  AUTOSAVE_DELAY_MS,
  bytesToBase64,
  useDocumentStore
} from '../../../../src/renderer/src/stores/document'
import { emptyProject, useProjectStore } from '../../../../src/renderer/src/stores/project'
import { writeTsaFile } from '../../../../src/shared/io/tsaFile'
import { useHowToCite } from '../../../../src/renderer/src/composables/useHowToCite'
import type * as SvgModule from '../../../../src/shared/figure/svg'
import perioOxy from '../../../../resources/examples/perioOxy.opentsa.json'
import { syntheticResult } from '../charts/syntheticResult'
import { installFakeHost, type FakeHost } from './fakeHost'

// The figure drawing needs a real canvas (checked in the e2e tests); here it returns fixed content.
vi.mock('../../../../src/renderer/src/charts/exportFigure', () => ({
  exportSvg: async () => '<svg xmlns="http://www.w3.org/2000/svg"/>',
  exportPdf: async () => new TextEncoder().encode('%PDF-1.3').buffer,
  exportPng: async () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })
}))

// The report's chart is the headless figure (pure, drawn here for real); a test can make it fail.
const figureFailure = vi.hoisted(() => ({ fail: false }))
vi.mock('../../../../src/shared/figure/svg', async (importOriginal) => {
  const actual = await importOriginal<typeof SvgModule>()
  return {
    ...actual,
    renderSvg: (...args: Parameters<typeof actual.renderSvg>) => {
      if (figureFailure.fail) throw new Error('the figure cannot be drawn')
      return actual.renderSvg(...args)
    }
  }
})

function example(): ProjectFile {
  const parsed = parseProjectFile(perioOxy)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const opened = (name: string | null): OpenedProject => ({
  project: example(),
  document: name === null ? null : { name },
  warnings: []
})

let host: FakeHost
let project: ReturnType<typeof useProjectStore>
let doc: ReturnType<typeof useDocumentStore>

/** One edit of the trial table (makes the project dirty). */
const edit = (): void => {
  project.addTrial()
}

beforeEach(() => {
  setActivePinia(createPinia())
  host = installFakeHost()
  project = useProjectStore()
  doc = useDocumentStore()
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('Save', () => {
  it('sends the project, binds the document, marks it saved and clears the autosave', async () => {
    edit()
    expect(doc.dirty).toBe(true)
    expect(await doc.save(false)).toBe(true)
    expect(host.calls('saveProject')).toEqual([
      { project: JSON.parse(JSON.stringify(project.project)), saveAs: false }
    ])
    expect(doc.dirty).toBe(false)
    expect(doc.title).toBe('saved.opentsa.json')
    expect(host.calls('autosave')).toEqual([null])
    expect(doc.notice).toBe('Saved saved.opentsa.json.')
  })

  it('Save as asks the host for a new place', async () => {
    await doc.save(true)
    expect(host.calls('saveProject')[0]?.saveAs).toBe(true)
  })

  it('a cancelled save leaves the project dirty and the name as it was', async () => {
    host.answers.saveProject = () => null
    edit()
    expect(await doc.save(false)).toBe(false)
    expect(doc.dirty).toBe(true)
    expect(doc.title).toBe('Untitled')
    expect(host.calls('autosave')).toEqual([])
  })

  it('an edit made while the save dialog was open keeps the project dirty', async () => {
    host.answers.saveProject = () => {
      edit() // the user typed while the host was writing
      return { name: 'a.opentsa.json' }
    }
    edit()
    await doc.save(false)
    expect(doc.title).toBe('a.opentsa.json')
    expect(doc.dirty).toBe(true)
  })

  it('a failed save is an alert message, not an exception', async () => {
    host.answers.saveProject = () => {
      throw new Error('a.opentsa.json: permission denied')
    }
    edit()
    await expect(doc.save(false)).resolves.toBe(false)
    expect(doc.error).toBe('Could not save the project: a.opentsa.json: permission denied')
    expect(doc.dirty).toBe(true)
  })
})

describe('replacing the project: New, Open, Import', () => {
  it('Open of a clean project asks nothing and loads the file clean, under its name', async () => {
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    await doc.open()
    expect(host.calls('confirmDiscard')).toEqual([])
    expect(project.project.title).toBe(perioOxy.title)
    expect(doc.title).toBe('perioOxy.opentsa.json')
    expect(doc.dirty).toBe(false)
    expect(host.calls('newDocument')).toEqual([]) // the host bound the opened file itself
  })

  it('Open Recent sends the index', async () => {
    await doc.run({ command: 'openRecent', index: 2 }, null)
    expect(host.calls('openProject')).toEqual([{ recent: 2 }])
  })

  it('with unsaved changes, "cancel" stops before any dialog', async () => {
    host.answers.confirmDiscard = () => 'cancel'
    edit()
    await doc.open()
    expect(host.calls('confirmDiscard')).toEqual([{ reason: 'open' }])
    expect(host.calls('openProject')).toEqual([])
    expect(project.trials).toHaveLength(1)
  })

  it('"discard" goes on without saving', async () => {
    host.answers.confirmDiscard = () => 'discard'
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    edit()
    await doc.open()
    expect(host.calls('saveProject')).toEqual([])
    expect(project.project.title).toBe(perioOxy.title)
  })

  it('"save" saves first, then goes on; a cancelled save stops the command', async () => {
    host.answers.confirmDiscard = () => 'save'
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    edit()
    await doc.open()
    expect(host.log.filter((n) => n === 'saveProject' || n === 'openProject')).toEqual([
      'saveProject',
      'openProject'
    ])

    edit()
    host.answers.saveProject = () => null
    await doc.newProject()
    expect(host.calls('confirmDiscard').at(-1)).toEqual({ reason: 'new' })
    expect(host.calls('newDocument')).toEqual([])
    expect(project.project.title).toBe(perioOxy.title) // nothing replaced
  })

  it('New gives an empty untitled project and makes the host forget the document', async () => {
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    await doc.open()
    await doc.newProject()
    expect(host.calls('newDocument')).toEqual([null])
    expect(project.project).toEqual(emptyProject())
    expect(doc.title).toBe('Untitled')
    expect(doc.dirty).toBe(false)
  })

  it('Import data: the host picks the file and the wizard gets its bytes; nothing is replaced yet', async () => {
    const text = 'study,eI,nI,eC,nC\nA,1,10,2,10\n'
    host.answers.chooseImportFile = () => ({
      name: 'trials.csv',
      bytesBase64: bytesToBase64(new TextEncoder().encode(text))
    })
    await doc.importData()
    expect(doc.importing?.name).toBe('trials.csv')
    expect(new TextDecoder().decode(doc.importing?.bytes)).toBe(text)
    expect(host.calls('confirmDiscard')).toEqual([])
    expect(host.calls('newDocument')).toEqual([])
    expect(project.project).toEqual(emptyProject()) // the empty project is still there
    doc.cancelImport()
    expect(doc.importing).toBeNull()
  })

  it('the wizard’s project stays unsaved and untitled, and its notes are shown', async () => {
    await doc.beginImport({ name: 'trials.csv', bytes: new Uint8Array([0x41]) })
    const imported = example()
    expect(
      await doc.finishImport({
        project: imported,
        warnings: ['line 4: year 2001.5 is not a whole number and was dropped']
      })
    ).toBe(true)
    expect(doc.importing).toBeNull()
    expect(host.calls('confirmDiscard')).toEqual([])
    expect(project.trials).toHaveLength(imported.trials.length)
    expect(doc.dirty).toBe(true)
    expect(doc.title).toBe(perioOxy.title) // no document: the project's title
    expect(host.calls('newDocument')).toEqual([null])
    expect(doc.notice).toBe(
      `Imported ${imported.trials.length} trials. Note: line 4: year 2001.5 is not a whole number and was dropped.`
    )
    await doc.save(false)
    expect(doc.dirty).toBe(false)
  })

  it('asks about unsaved work when the import would replace it; Cancel keeps the project and the wizard', async () => {
    edit()
    await doc.beginImport({ name: 'trials.csv', bytes: new Uint8Array([0x41]) })
    host.answers.confirmDiscard = () => 'cancel'
    expect(await doc.finishImport({ project: example(), warnings: [] })).toBe(false)
    expect(host.calls('confirmDiscard')).toEqual([{ reason: 'import' }])
    expect(project.trials).toHaveLength(1) // the edited project is untouched
    expect(doc.importing?.name).toBe('trials.csv')

    host.answers.confirmDiscard = () => 'discard'
    expect(await doc.finishImport({ project: example(), warnings: [] })).toBe(true)
    expect(project.project.title).toBe(perioOxy.title)
  })

  it('a CTU .TSA file goes straight through its reader, without the wizard', async () => {
    const { text } = writeTsaFile(example())
    await doc.beginImport({ name: 'OXYGEN.TSA', bytes: new TextEncoder().encode(text) })
    expect(doc.importing).toBeNull()
    expect(project.trials).toHaveLength(example().trials.length)
    expect(doc.dirty).toBe(true)
    expect(doc.notice).toMatch(/^Imported \d+ trials\./)
  })

  it('a .TSA file that cannot be read goes to the wizard, which says why', async () => {
    await doc.beginImport({
      name: 'cut.TSA',
      bytes: new TextEncoder().encode('#METAANALYSIS BEGIN\n')
    })
    expect(doc.importing?.name).toBe('cut.TSA')
    expect(project.project).toEqual(emptyProject())
  })

  it('a failed Import dialog is the alert line', async () => {
    host.answers.chooseImportFile = () => {
      throw new Error('cannot open gone.csv: the file does not exist')
    }
    await doc.importData()
    expect(doc.error).toBe(
      'Could not import the data: cannot open gone.csv: the file does not exist'
    )
    expect(doc.importing).toBeNull()
  })

  it("an unreadable file shows the host's message", async () => {
    host.answers.openProject = () => {
      throw new Error('broken.opentsa.json is not valid JSON')
    }
    await doc.open()
    expect(doc.error).toBe('Could not open the project: broken.opentsa.json is not valid JSON')
  })

  it('a bundled example asks before replacing unsaved work, and is bound to no file', async () => {
    host.answers.confirmDiscard = () => 'cancel'
    edit()
    await doc.loadExample(example(), perioOxy.title)
    expect(project.trials).toHaveLength(1)
    host.answers.confirmDiscard = () => 'discard'
    await doc.loadExample(example(), perioOxy.title)
    expect(project.project.title).toBe(perioOxy.title)
    expect(host.calls('newDocument')).toEqual([null])
    expect(doc.dirty).toBe(false)
  })
})

describe('exports and print', () => {
  it('Export results sends the results CSV, named after the document', async () => {
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    await doc.open()
    const result = syntheticResult()
    await doc.exportResults(result)
    const [file] = host.calls('exportFile')
    expect(file).toMatchObject({
      kind: 'csv',
      suggestedName: 'perioOxy-results.csv',
      encoding: 'utf8'
    })
    expect(file?.content.split('\n').filter((l) => l.startsWith('look,'))).toHaveLength(
      result.looks.length
    )
    expect(doc.notice).toBe('Exported perioOxy-results.csv.')
  })

  it('without results, an export says so instead of sending anything', async () => {
    await doc.exportResults(null)
    await doc.run({ command: 'exportFigure', format: 'svg' }, null)
    expect(host.calls('exportFile')).toEqual([])
    expect(doc.error).toMatch(/^Could not export the figure: there are no results yet/)
  })

  it("figures: SVG as text, PNG and PDF as base64, the menu's dpi in the name", async () => {
    const result = syntheticResult()
    await doc.exportFigure(result, { format: 'svg' })
    await doc.run({ command: 'exportFigure', format: 'png', dpi: 600 }, result)
    await doc.run({ command: 'exportFigure', format: 'pdf' }, result)
    expect(host.calls('exportFile')).toEqual([
      {
        kind: 'svg',
        suggestedName: 'opentsa-chart.svg',
        content: '<svg xmlns="http://www.w3.org/2000/svg"/>',
        encoding: 'utf8'
      },
      {
        kind: 'png',
        suggestedName: 'opentsa-chart-600dpi.png',
        content: btoa('\x89PNG'),
        encoding: 'base64'
      },
      {
        kind: 'pdf',
        suggestedName: 'opentsa-chart.pdf',
        content: btoa('%PDF-1.3'),
        encoding: 'base64'
      }
    ])
  })

  it('a cancelled export says nothing', async () => {
    host.answers.exportFile = () => null
    await doc.exportResults(syntheticResult())
    expect(doc.notice).toBe('')
    expect(doc.error).toBe('')
  })

  /** perioOxy opened from its file, and its analysis as the app would have it. */
  async function openedPerioOxy(): Promise<TsaResult> {
    host.answers.openProject = () => opened('perioOxy.opentsa.json')
    await doc.open()
    const analysed = runTsa(project.projectForAnalysis.project)
    if (!analysed.ok) throw new Error(analysed.error.message)
    return analysed.value
  }

  it('Export report sends one standalone HTML file: the analysed project, its chart, the version of the host', async () => {
    const result = await openedPerioOxy()
    await doc.run({ command: 'exportReport' }, result)
    const [file] = host.calls('exportFile')
    expect(file).toMatchObject({
      kind: 'html',
      suggestedName: 'perioOxy-report.html',
      encoding: 'utf8'
    })
    const html = file?.content ?? ''
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    // the headless chart (as opentsa report draws it), inline at the project's figure size
    expect(html).toMatch(
      /<figure>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="170mm"/
    )
    expect(html).toContain('<title id="report-figure-title">TSA chart')
    expect(html).toContain('OpenTSA version 1.2.3') // the fake host's appInfo
    expect(html).toContain(result.conclusion.text)
    expect(html).toContain('data-setting="monitoring.ris.controlRisk"')
    expect(doc.notice).toBe('Exported perioOxy-report.html.')
  })

  it('the report lists the rows the grid kept out of the run; a chart that cannot be drawn does not stop it', async () => {
    const result = await openedPerioOxy()
    project.addTrial() // an empty row: kept out of the analysis by the grid
    project.setCell(project.trials.length - 1, 'name', 'Unfinished 2024')
    figureFailure.fail = true
    await doc.exportReport(result).finally(() => {
      figureFailure.fail = false
    })
    const html = host.calls('exportFile')[0]?.content ?? ''
    expect(html).toMatch(/<li>Unfinished 2024: incomplete data \([^)]*\)<\/li>/)
    expect(html).toContain('The chart could not be drawn for this report.')
    expect(doc.error).toBe('')
  })

  it('Export report without results says so', async () => {
    await doc.exportReport(null)
    expect(host.calls('exportFile')).toEqual([])
    expect(doc.error).toMatch(/^Could not export the report: there are no results yet/)
  })

  it('Help → How to cite opens the citation dialog', async () => {
    const { open, hide } = useHowToCite()
    hide()
    await doc.run({ command: 'howToCite' }, null)
    expect(open.value).toBe(true)
    hide()
  })

  it('Print asks the host', async () => {
    await doc.run({ command: 'print' }, null)
    expect(host.calls('print')).toEqual([null])
  })

  it('base64 of a buffer larger than one chunk (no call-stack overflow) is exact', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})

describe('menu commands', () => {
  it('undo and redo go to the project store', async () => {
    edit()
    await doc.run({ command: 'undo' }, null)
    expect(project.trials).toHaveLength(0)
    expect(doc.notice).toBe('Undone.')
    await doc.run({ command: 'redo' }, null)
    expect(project.trials).toHaveLength(1)
    await doc.run({ command: 'redo' }, null)
    expect(doc.notice).toBe('Nothing to redo.')
  })

  it('saveAndClose closes the window only after a save', async () => {
    edit()
    host.answers.saveProject = () => null
    await doc.run({ command: 'saveAndClose' }, null)
    expect(host.calls('closeWindow')).toEqual([])
    host.answers.saveProject = () => ({ name: 'x.opentsa.json' })
    await doc.run({ command: 'saveAndClose' }, null)
    expect(host.log.slice(-3)).toEqual(['saveProject', 'autosave', 'closeWindow'])
  })
})

describe('autosave', () => {
  it('writes once, a while after the last of several edits, and clears when undone to the saved state', async () => {
    vi.useFakeTimers()
    edit()
    doc.projectChanged()
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100)
    edit()
    doc.projectChanged()
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 100)
    expect(host.calls('autosave')).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    expect(host.calls('autosave')).toHaveLength(1)
    expect(host.calls('autosave')[0]?.trials).toHaveLength(2)

    project.undo()
    project.undo()
    doc.projectChanged()
    await vi.runAllTimersAsync()
    expect(host.calls('autosave')).toEqual([expect.anything(), null])
  })

  it('a clean project is never autosaved, and the page going away writes a pending autosave at once', async () => {
    vi.useFakeTimers()
    doc.projectChanged()
    await vi.runAllTimersAsync()
    expect(host.calls('autosave')).toEqual([])
    edit()
    doc.projectChanged()
    await doc.flushAutosave()
    expect(host.calls('autosave')).toHaveLength(1)
  })

  it('a failing autosave is reported', async () => {
    vi.useFakeTimers()
    host.answers.autosave = () => {
      throw new Error('the disk is full')
    }
    edit()
    doc.projectChanged()
    await vi.runAllTimersAsync()
    expect(doc.error).toBe('Autosave failed: the disk is full')
  })
})

describe('recovery', () => {
  const work = {
    project: example(),
    savedAt: '2026-03-01T10:20:30.000Z',
    document: { name: 'perioOxy.opentsa.json' }
  }

  it('Restore brings the work back unsaved, bound to no file', async () => {
    host.answers.recovery = () => work
    await doc.checkRecovery()
    expect(doc.recovered).toEqual(work)
    await doc.restoreRecovered()
    expect(project.project.title).toBe(perioOxy.title)
    expect(doc.dirty).toBe(true)
    expect(doc.recovered).toBeNull()
    expect(host.calls('newDocument')).toEqual([null])
  })

  it('Restore over unsaved changes asks first', async () => {
    host.answers.recovery = () => work
    host.answers.confirmDiscard = () => 'cancel'
    await doc.checkRecovery()
    edit()
    await doc.restoreRecovered()
    expect(host.calls('confirmDiscard')).toEqual([{ reason: 'restore' }])
    expect(project.trials).toHaveLength(1)
    expect(doc.recovered).toEqual(work) // still offered
  })

  it('Discard forgets the work and clears the autosaved copy (unless newer work is being autosaved)', async () => {
    host.answers.recovery = () => work
    await doc.checkRecovery()
    await doc.discardRecovered()
    expect(doc.recovered).toBeNull()
    expect(host.calls('autosave')).toEqual([null])

    await doc.checkRecovery()
    edit()
    await doc.discardRecovered()
    expect(host.calls('autosave')).toEqual([null])
  })
})
