// The desktop host's documents without Electron: real files in a temporary folder, scripted dialogs and a fake
// window. Open, Import, Save, Save As, Export, the title and dirty mark, the discard and close prompts, autosave and
// recovery, and the recent list, each with the error the renderer sees when it goes wrong.
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { diskFiles } from '../../../src/main/documents/diskFiles'
import {
  createDocumentService,
  decodeBase64,
  windowTitle,
  type Dialogs,
  type DocumentService,
  type DocumentWindow,
  type MessageBox
} from '../../../src/main/documents/documentService'
import { createRecentDocuments } from '../../../src/main/documents/recentDocuments'
import { createRecoveryStore } from '../../../src/main/documents/recovery'
import { toBridgeError } from '../../../src/main/ipc/failure'
import type { MenuCommand } from '../../../src/shared/ipc/contract'
import { parseProjectFile, type ProjectFile } from '../../../src/shared/projectFile'

const ROOT = resolve(import.meta.dirname, '../../..')
const EXAMPLE = readFileSync(join(ROOT, 'resources/examples/perioOxy.opentsa.json'), 'utf8')
const CSV = readFileSync(join(ROOT, 'tests/fixtures/datasets/perioOxy.csv'), 'utf8')

function exampleProject(): ProjectFile {
  const parsed = parseProjectFile(JSON.parse(EXAMPLE))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

/** A window that records what main did to it. */
class FakeWindow implements DocumentWindow {
  title = ''
  edited: boolean[] = []
  sent: MenuCommand[] = []
  closes = 0
  prints = 0
  constructor(readonly id: number) {}
  setTitle(title: string): void {
    this.title = title
  }
  showDocumentState(edited: boolean): void {
    this.edited.push(edited)
  }
  send(command: MenuCommand): void {
    this.sent.push(command)
  }
  async print(): Promise<void> {
    this.prints++
  }
  close(): void {
    this.closes++
  }
}

/** Dialogs answered from queues; each call is recorded with its options. */
function scriptedDialogs() {
  const opens: (string | null)[] = []
  const saves: (string | null)[] = []
  const answers: number[] = []
  const calls = {
    open: [] as { title: string; defaultPath: string; filters: { extensions: string[] }[] }[],
    save: [] as { title: string; defaultPath: string; filters: unknown }[],
    ask: [] as MessageBox[]
  }
  const dialogs: Dialogs = {
    chooseFileToOpen: vi.fn(async (_win, options) => {
      calls.open.push(options)
      return opens.shift() ?? null
    }),
    chooseSavePath: vi.fn(async (_win, options) => {
      calls.save.push(options)
      return saves.shift() ?? null
    }),
    ask: vi.fn(async (_win, box) => {
      calls.ask.push(box)
      return answers.shift() ?? box.cancelId
    })
  }
  return { dialogs, opens, saves, answers, calls }
}

let dir: string
let docs: string
let userData: string
let script: ReturnType<typeof scriptedDialogs>
let service: DocumentService
let win: FakeWindow
let cancelledCloses: number
let logged: string[]
const NOW = new Date('2026-03-04T05:06:07.000Z')

function makeService(): DocumentService {
  return createDocumentService({
    appName: 'OpenTSA',
    dialogs: script.dialogs,
    files: diskFiles,
    recent: createRecentDocuments({
      storePath: join(userData, 'recent-documents.json'),
      exists: diskFiles.exists
    }),
    recovery: createRecoveryStore(join(userData, 'recovery'), {
      now: () => NOW,
      log: (message) => logged.push(message)
    }),
    defaultFolder: docs,
    now: () => NOW,
    onCloseCancelled: () => cancelledCloses++
  })
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-docs-'))
  docs = join(dir, 'Documents')
  userData = join(dir, 'userData')
  script = scriptedDialogs()
  cancelledCloses = 0
  logged = []
  service = makeService()
  win = new FakeWindow(1)
  service.attach(win)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The error a request would return to the renderer. */
async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const thrown = await promise.then(
    () => {
      throw new Error('expected the request to fail')
    },
    (err: unknown) => err
  )
  return toBridgeError(thrown)
}

describe('window title', () => {
  it('is "<name or Untitled> • — OpenTSA", the bullet marking unsaved changes', async () => {
    expect(win.title).toBe('Untitled — OpenTSA')
    await service.setDocumentState({ title: 'Oxygen trials', dirty: true }, win)
    expect(win.title).toBe('Oxygen trials • — OpenTSA')
    expect(win.edited.at(-1)).toBe(true)
    await service.setDocumentState({ title: '  ', dirty: false }, win)
    expect(win.title).toBe('Untitled — OpenTSA')
    expect(windowTitle('OpenTSA', 'a.opentsa.json', true)).toBe('a.opentsa.json • — OpenTSA')
  })

  it('shows the bound file name once the project has a file', async () => {
    const path = join(dir, 'perio.opentsa.json')
    writeFileSync(path, EXAMPLE)
    script.opens.push(path)
    await service.openProject(null, win)
    await service.setDocumentState({ title: 'Perioperative oxygen', dirty: true }, win)
    expect(win.title).toBe('perio.opentsa.json • — OpenTSA')
  })
})

describe('openProject', () => {
  it('reads the chosen file, binds the window to it and adds it to the recent list', async () => {
    const path = join(dir, 'perio.opentsa.json')
    writeFileSync(path, EXAMPLE)
    script.opens.push(path)
    const opened = await service.openProject(null, win)
    expect(opened).toEqual({
      project: exampleProject(),
      document: { name: 'perio.opentsa.json' },
      warnings: []
    })
    expect(win.title).toBe('perio.opentsa.json — OpenTSA')
    expect(await service.recentDocuments(null, win)).toEqual([{ name: 'perio.opentsa.json' }])
    expect(script.calls.open[0]?.defaultPath).toBe(docs) // no document yet: the user's documents folder
  })

  it('returns null when the dialog is cancelled, and nothing changes', async () => {
    expect(await service.openProject(null, win)).toBeNull()
    expect(win.title).toBe('Untitled — OpenTSA')
    expect(await service.recentDocuments(null, win)).toEqual([])
  })

  it('refuses a corrupt file with a message naming it, and leaves the file as it was', async () => {
    const path = join(dir, 'broken.opentsa.json')
    writeFileSync(path, '{ "format": "opentsa-project", ')
    script.opens.push(path)
    const error = await failureOf(service.openProject(null, win))
    expect(error.code).toBe('invalidFile')
    expect(error.message).toMatch(/^broken\.opentsa\.json is not valid JSON: /)
    expect(readFileSync(path, 'utf8')).toBe('{ "format": "opentsa-project", ')
    expect(win.title).toBe('Untitled — OpenTSA') // still the untitled project
  })

  it('refuses valid JSON that is not a valid project, naming the file and the field', async () => {
    const path = join(dir, 'bad.json')
    const project = JSON.parse(EXAMPLE)
    project.trials[1].eventsIntervention = 'many'
    writeFileSync(path, JSON.stringify(project))
    script.opens.push(path)
    const error = await failureOf(service.openProject(null, win))
    expect(error.code).toBe('invalidFile')
    expect(error.message).toMatch(/^bad\.json: trial 2 .*eventsIntervention/)
  })

  it('points a data file picked in Open to Import Data', async () => {
    for (const name of ['trials.CSV', 'trials.xlsx', 'review.rm5']) {
      const path = join(dir, name)
      writeFileSync(path, CSV)
      script.opens.push(path)
      expect(await failureOf(service.openProject(null, win))).toEqual({
        code: 'invalidFile',
        message: `${name} is a data file, not a project: use Import Data to read it`
      })
    }
  })

  it('opens a recent entry by index; a file that has gone is an error and leaves the list', async () => {
    const a = join(dir, 'a.opentsa.json')
    const b = join(dir, 'b.opentsa.json')
    writeFileSync(a, EXAMPLE)
    writeFileSync(b, EXAMPLE)
    script.opens.push(a, b)
    await service.openProject(null, win)
    await service.openProject(null, win)
    expect(await service.recentDocuments(null, win)).toEqual([
      { name: 'b.opentsa.json' },
      { name: 'a.opentsa.json' }
    ])
    expect((await service.openProject({ recent: 1 }, win))?.document).toEqual({
      name: 'a.opentsa.json'
    })
    rmSync(b)
    const error = await failureOf(service.openProject({ recent: 1 }, win))
    expect(error).toEqual({
      code: 'fileError',
      message:
        'cannot open b.opentsa.json: the file does not exist (it may have been moved or deleted)'
    })
    expect(await service.recentDocuments(null, win)).toEqual([{ name: 'a.opentsa.json' }])
    expect(await failureOf(service.openProject({ recent: 5 }, win))).toMatchObject({
      code: 'invalidRequest',
      message: 'there is no recent document 6 (the list has 1)'
    })
  })
})

describe('chooseImportFile', () => {
  it('gives the renderer the picked file’s name and bytes, never its path, and binds nothing', async () => {
    const existing = join(dir, 'perio.opentsa.json')
    writeFileSync(existing, EXAMPLE)
    script.opens.push(existing)
    await service.openProject(null, win)

    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]) // the start of a zip (.xlsx), not text
    const xlsx = join(dir, 'trials.xlsx')
    writeFileSync(xlsx, bytes)
    script.opens.push(xlsx)
    const file = await service.chooseImportFile(null, win)
    expect(file).toEqual({
      name: 'trials.xlsx',
      bytesBase64: Buffer.from(bytes).toString('base64')
    })
    expect(JSON.stringify(file)).not.toContain(dir)
    // the dialog offers every kind the wizard reads, and starts in the document's folder
    const dialog = script.calls.open[1]
    expect(dialog?.defaultPath).toBe(dir)
    expect(dialog?.filters[0]?.extensions).toEqual(
      expect.arrayContaining(['csv', 'tsv', 'txt', 'xlsx', 'rm5', 'zip', 'tsa', 'TSA', 'XLSX'])
    )
    // picking a file replaces nothing yet: the window keeps its document (the renderer unbinds it on import)
    expect(win.title).toBe('perio.opentsa.json — OpenTSA')
    expect(await service.recentDocuments(null, win)).toEqual([{ name: 'perio.opentsa.json' }])

    // the renderer imports: it replaces the project and makes main forget the document; Save then asks where
    await service.newDocument(null, win)
    script.saves.push(null) // the user cancels the Save dialog
    expect(await service.saveProject({ project: exampleProject(), saveAs: false }, win)).toBeNull()
    expect(script.calls.save).toHaveLength(1)
    expect(readFileSync(existing, 'utf8')).toBe(EXAMPLE) // the previous document was not overwritten
  })

  it('returns null when the dialog is cancelled', async () => {
    expect(await service.chooseImportFile(null, win)).toBeNull()
  })

  it('refuses a file larger than 50 MB without reading it', async () => {
    const huge = join(dir, 'huge.csv')
    writeFileSync(huge, '')
    truncateSync(huge, 50 * 1024 * 1024 + 1) // sparse: the size is what is checked
    script.opens.push(huge)
    expect(await failureOf(service.chooseImportFile(null, win))).toEqual({
      code: 'invalidFile',
      message: 'huge.csv is too large to be a project or a data table (50 MB)'
    })
  })

  it('names the file when it cannot be read', async () => {
    script.opens.push(join(dir, 'gone.rm5'))
    expect(await failureOf(service.chooseImportFile(null, win))).toEqual({
      code: 'fileError',
      message: 'cannot open gone.rm5: the file does not exist (it may have been moved or deleted)'
    })
  })
})

describe('saveProject', () => {
  it('asks where the first time (name from the title), then writes to the same file without asking', async () => {
    const project = { ...exampleProject(), title: 'Oxygen: SSI' }
    const chosen = join(dir, 'mine.opentsa.json')
    script.saves.push(chosen)
    expect(await service.saveProject({ project, saveAs: false }, win)).toEqual({
      name: 'mine.opentsa.json'
    })
    expect(script.calls.save[0]?.defaultPath).toBe(join(docs, 'Oxygen- SSI.opentsa.json'))
    expect(JSON.parse(readFileSync(chosen, 'utf8'))).toEqual(project)
    expect(readFileSync(chosen, 'utf8')).toBe(JSON.stringify(project, null, 2) + '\n')
    expect(win.title).toBe('mine.opentsa.json — OpenTSA')

    const edited = { ...project, title: 'changed' }
    expect(await service.saveProject({ project: edited, saveAs: false }, win)).toEqual({
      name: 'mine.opentsa.json'
    })
    expect(script.calls.save).toHaveLength(1) // no second dialog
    expect(JSON.parse(readFileSync(chosen, 'utf8')).title).toBe('changed')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('Save As always asks, starting at the current file; the window follows the new file', async () => {
    const first = join(dir, 'first.opentsa.json')
    const second = join(dir, 'second.opentsa.json')
    script.saves.push(first, second)
    await service.saveProject({ project: exampleProject(), saveAs: false }, win)
    await service.saveProject({ project: exampleProject(), saveAs: true }, win)
    expect(script.calls.save[1]?.defaultPath).toBe(first)
    expect(win.title).toBe('second.opentsa.json — OpenTSA')
    expect(await service.recentDocuments(null, win)).toEqual([
      { name: 'second.opentsa.json' },
      { name: 'first.opentsa.json' }
    ])
  })

  it('enforces the .opentsa.json extension, asking before replacing the file that name points at', async () => {
    script.saves.push(join(dir, 'typed.json'))
    expect(await service.saveProject({ project: exampleProject(), saveAs: true }, win)).toEqual({
      name: 'typed.opentsa.json'
    })
    expect(readdirSync(dir)).toContain('typed.opentsa.json')

    script.saves.push(join(dir, 'typed'))
    script.answers.push(1) // Cancel: keep the existing typed.opentsa.json
    expect(await service.saveProject({ project: exampleProject(), saveAs: true }, win)).toBeNull()
    expect(script.calls.ask.at(-1)?.message).toBe(
      '"typed.opentsa.json" already exists. Do you want to replace it?'
    )
  })

  it('reports a failed write naming the file, and keeps the window on its old file', async () => {
    script.saves.push(join(dir, 'no-such-folder', 'p.opentsa.json'))
    const error = await failureOf(
      service.saveProject({ project: exampleProject(), saveAs: true }, win)
    )
    expect(error).toEqual({
      code: 'fileError',
      message:
        'cannot save p.opentsa.json: the file does not exist (it may have been moved or deleted)'
    })
    expect(win.title).toBe('Untitled — OpenTSA')
  })

  it('newDocument forgets the file: the next Save asks again', async () => {
    script.saves.push(join(dir, 'a.opentsa.json'))
    await service.saveProject({ project: exampleProject(), saveAs: false }, win)
    await service.newDocument(null, win)
    expect(win.title).toBe('Untitled — OpenTSA')
    expect(await service.saveProject({ project: exampleProject(), saveAs: false }, win)).toBeNull()
    expect(script.calls.save).toHaveLength(2)
    // Proposed from the project's title, in the folder of the file it had
    expect(script.calls.save[1]?.defaultPath).toBe(
      join(dir, 'Perioperative oxygen and surgical site infection.opentsa.json')
    )
  })
})

describe('exportFile', () => {
  it('writes text (SVG, CSV) and decoded base64 (PNG, PDF) where the user chooses', async () => {
    const svg = join(dir, 'chart.svg')
    script.saves.push(svg)
    expect(
      await service.exportFile(
        { kind: 'svg', suggestedName: 'tsa-chart.svg', content: '<svg/>', encoding: 'utf8' },
        win
      )
    ).toEqual({ name: 'chart.svg' })
    expect(readFileSync(svg, 'utf8')).toBe('<svg/>')
    expect(script.calls.save[0]).toMatchObject({
      defaultPath: join(docs, 'tsa-chart.svg'),
      filters: [{ name: 'SVG image', extensions: ['svg'] }]
    })

    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255])
    script.saves.push(join(dir, 'chart')) // the extension is added
    expect(
      await service.exportFile(
        {
          kind: 'png',
          suggestedName: 'tsa-chart',
          content: Buffer.from(bytes).toString('base64'),
          encoding: 'base64'
        },
        win
      )
    ).toEqual({ name: 'chart.png' })
    expect(new Uint8Array(readFileSync(join(dir, 'chart.png')))).toEqual(bytes)
    expect(script.calls.save[1]?.defaultPath).toBe(join(dir, 'tsa-chart.png')) // the last export's folder
  })

  it('writes the HTML report as text, with .html added and the HTML filter', async () => {
    script.saves.push(join(dir, 'report'))
    const html = '<!DOCTYPE html>\n<html lang="en"><body><p>τ² ≥ 0</p></body></html>\n'
    expect(
      await service.exportFile(
        { kind: 'html', suggestedName: 'perioOxy-report.html', content: html, encoding: 'utf8' },
        win
      )
    ).toEqual({ name: 'report.html' })
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(html)
    expect(script.calls.save[0]).toMatchObject({
      title: 'Export report as HTML',
      filters: [{ name: 'HTML document', extensions: ['html'] }]
    })
  })

  it('refuses content that is not base64 before showing any dialog', async () => {
    const error = await failureOf(
      service.exportFile(
        {
          kind: 'pdf',
          suggestedName: 'r.pdf',
          content: 'data:application/pdf;base64,JVBERi0=',
          encoding: 'base64'
        },
        win
      )
    )
    expect(error).toMatchObject({ code: 'invalidRequest', field: 'content' })
    expect(script.calls.save).toHaveLength(0)
    expect(Buffer.from(decodeBase64('JVBE Ri0=')).toString('latin1')).toBe('%PDF-')
  })

  it('returns null when the Save dialog is cancelled, writing nothing', async () => {
    const before = readdirSync(dir)
    expect(
      await service.exportFile(
        { kind: 'csv', suggestedName: 'results.csv', content: 'a,b\n', encoding: 'utf8' },
        win
      )
    ).toBeNull()
    expect(readdirSync(dir)).toEqual(before)
  })
})

describe('confirmDiscard', () => {
  it.each([
    [0, 'save'],
    [1, 'discard'],
    [2, 'cancel']
  ] as const)('answer %i of Save / Don’t Save / Cancel is %s', async (answer, choice) => {
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    script.answers.push(answer)
    expect(await service.confirmDiscard({ reason: 'open' }, win)).toBe(choice)
    expect(script.calls.ask[0]).toMatchObject({
      message: 'Save changes to "Oxygen" before opening another project?',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2
    })
  })
})

describe('autosave and recovery', () => {
  const recoveryFile = (): string => join(userData, 'recovery', 'autosave.json')

  it('keeps the unsaved project with its document, and gives it back', async () => {
    const path = join(dir, 'perio.opentsa.json')
    writeFileSync(path, EXAMPLE)
    script.opens.push(path)
    await service.openProject(null, win)
    const project = { ...exampleProject(), title: 'edited' }
    await service.autosave(project, win)
    expect(JSON.parse(readFileSync(recoveryFile(), 'utf8'))).toEqual({
      savedAt: NOW.toISOString(),
      document: { name: 'perio.opentsa.json' },
      documentPath: path,
      project
    })
    // The next session (a new service on the same userData) finds it; the renderer never sees the path.
    expect(await makeService().recovery(null, new FakeWindow(2))).toEqual({
      project,
      savedAt: NOW.toISOString(),
      document: { name: 'perio.opentsa.json' }
    })
  })

  it('autosave(null) removes the file; with no file there is nothing to recover', async () => {
    await service.autosave(exampleProject(), win)
    await service.autosave(null, win)
    expect(readdirSync(join(userData, 'recovery'))).toEqual([])
    expect(await service.recovery(null, win)).toBeNull()
  })

  it('an unreadable recovery file gives null and is moved aside, not deleted', async () => {
    await service.autosave(exampleProject(), win)
    writeFileSync(recoveryFile(), '{"savedAt": "yesterday", "project": {}}')
    expect(await service.recovery(null, win)).toBeNull()
    const stamp = NOW.toISOString().replace(/[:.]/g, '-')
    expect(readdirSync(join(userData, 'recovery'))).toEqual([`autosave.unreadable-${stamp}.json`])
    expect(logged[0]).toMatch(/savedAt is not a time/)
    writeFileSync(recoveryFile(), 'not json at all')
    expect(await service.recovery(null, win)).toBeNull()
    expect(readdirSync(join(userData, 'recovery')).sort()).toEqual([
      `autosave.unreadable-${stamp}-2.json`,
      `autosave.unreadable-${stamp}.json`
    ])
    expect(logged[1]).toMatch(/not valid JSON/)
  })
})

describe('closing a window', () => {
  const recoveryFile = (): string => join(userData, 'recovery', 'autosave.json')

  it('closes at once when there are no unsaved changes, and removes the recovery file', async () => {
    await service.autosave(exampleProject(), win)
    await service.setDocumentState({ title: '', dirty: false }, win)
    expect(service.closeRequested(win)).toBe(true)
    service.closed(win)
    expect(diskFiles.exists(recoveryFile())).toBe(false)
    expect(script.calls.ask).toHaveLength(0)
  })

  it('with unsaved changes: prevents the close and asks once; Save sends saveAndClose to the renderer', async () => {
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    script.answers.push(0)
    expect(service.closeRequested(win)).toBe(false)
    expect(service.closeRequested(win)).toBe(false) // a second click while the prompt shows: no second prompt
    await vi.waitFor(() => expect(win.sent).toEqual([{ command: 'saveAndClose' }]))
    expect(script.calls.ask).toHaveLength(1)
    expect(script.calls.ask[0]?.message).toBe('Save changes to "Oxygen" before closing?')
    expect(win.closes).toBe(0)

    // The renderer saved, reports a clean state and asks to close: no prompt again.
    await service.setDocumentState({ title: 'Oxygen', dirty: false }, win)
    await service.closeWindow(null, win)
    expect(win.closes).toBe(1)
    expect(service.closeRequested(win)).toBe(true)
  })

  it("Don't Save closes the window and removes the recovery file", async () => {
    await service.autosave(exampleProject(), win)
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    script.answers.push(1)
    expect(service.closeRequested(win)).toBe(false)
    await vi.waitFor(() => expect(win.closes).toBe(1))
    expect(service.closeRequested(win)).toBe(true) // the close main started goes through
    service.closed(win)
    expect(diskFiles.exists(recoveryFile())).toBe(false)
  })

  it('Cancel keeps the window open and tells the app (a quit waiting on it is off)', async () => {
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    script.answers.push(2)
    expect(service.closeRequested(win)).toBe(false)
    await vi.waitFor(() => expect(cancelledCloses).toBe(1))
    expect(win.closes).toBe(0)
    expect(win.sent).toEqual([])
  })

  it('closeWindow while changes are unsaved closes without asking but keeps the recovery file', async () => {
    await service.autosave(exampleProject(), win)
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    await service.closeWindow(null, win)
    expect(service.closeRequested(win)).toBe(true)
    service.closed(win)
    expect(diskFiles.exists(recoveryFile())).toBe(true)
  })

  it("leaves a previous session's recovery file alone until this window's renderer takes it over", async () => {
    await service.autosave(exampleProject(), win) // "the previous session", which then crashed
    const next = makeService()
    const fresh = new FakeWindow(3)
    next.attach(fresh)
    expect(next.closeRequested(fresh)).toBe(true) // clean: the user quits before answering the restore offer
    next.closed(fresh)
    expect(diskFiles.exists(recoveryFile())).toBe(true)
  })

  it('after a renderer crash the window closes without a prompt and the recovery file stays', async () => {
    await service.autosave(exampleProject(), win)
    await service.setDocumentState({ title: 'Oxygen', dirty: true }, win)
    service.rendererGone(win)
    expect(service.closeRequested(win)).toBe(true)
    service.closed(win)
    expect(diskFiles.exists(recoveryFile())).toBe(true)
  })
})

describe('print', () => {
  it('prints the window the request came from', async () => {
    expect(await service.print(null, win)).toBeNull()
    expect(win.prints).toBe(1)
  })
})
