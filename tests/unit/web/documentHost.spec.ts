// The browser host's document requests (documentHost.ts) over stand-ins for the DOM pieces: a file picker that hands
// over given bytes, downloads and titles that are recorded, a Map for localStorage.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  createDocumentHost,
  discardQuestion,
  IMPORT_ACCEPT,
  MAX_FILE_BYTES,
  PROJECT_ACCEPT,
  RECOVERY_KEY,
  type DocumentHostEnv,
  type DocumentRequests,
  type PickedFile
} from '../../../src/web/documentHost'
import { MAX_IMPORT_BYTES } from '../../../src/shared/io/importFiles'
import type { ProjectFile } from '../../../src/shared/projectFile'

const ROOT = resolve(import.meta.dirname, '../../..')
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(ROOT, path)))
const textFile = (name: string, text: string): PickedFile => ({
  name,
  bytes: new TextEncoder().encode(text)
})
const PERIO_OXY = 'resources/examples/perioOxy.opentsa.json'

/** The DOM stand-ins, with what the host did to them. */
class FakeEnv implements DocumentHostEnv {
  /** what the next pickFile returns (null: the user cancels) */
  nextFile: PickedFile | null = null
  confirmAnswer = true
  accepts: string[] = []
  downloads: { name: string; data: Blob }[] = []
  titles: string[] = []
  questions: string[] = []
  printed = 0
  stored = new Map<string, string>()
  storage = {
    getItem: (key: string) => this.stored.get(key) ?? null,
    setItem: (key: string, value: string) => void this.stored.set(key, value),
    removeItem: (key: string) => void this.stored.delete(key)
  }
  async pickFile(accept: string): Promise<PickedFile | null> {
    this.accepts.push(accept)
    return this.nextFile
  }
  download(name: string, data: Blob): void {
    this.downloads.push({ name, data })
  }
  setTitle(title: string): void {
    this.titles.push(title)
  }
  confirm(message: string): boolean {
    this.questions.push(message)
    return this.confirmAnswer
  }
  print(): void {
    this.printed++
  }
  now(): Date {
    return new Date('2026-03-01T10:20:30.000Z')
  }
}

let env: FakeEnv
let host: DocumentRequests

beforeEach(() => {
  env = new FakeEnv()
  host = createDocumentHost(env)
})

/** The value of an ok Result (the test fails with the error message otherwise). */
async function valueOf<T>(
  pending: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>
): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function openExample(): Promise<ProjectFile> {
  env.nextFile = { name: 'perioOxy.opentsa.json', bytes: bytesOf(PERIO_OXY) }
  const opened = await valueOf(host.openProject(null))
  if (opened === null) throw new Error('cancelled')
  return opened.project
}

describe('Open and Save', () => {
  it('opens a picked project file (JSON filter) and binds it: Save downloads under its name', async () => {
    const project = await openExample()
    expect(env.accepts).toEqual([PROJECT_ACCEPT])
    expect(PROJECT_ACCEPT).toContain('.json')
    expect(project.trials.length).toBeGreaterThan(0)

    const saved = await valueOf(host.saveProject({ project, saveAs: false }))
    expect(saved).toEqual({ name: 'perioOxy.opentsa.json' })
    const [download] = env.downloads
    expect(download?.name).toBe('perioOxy.opentsa.json')
    expect(download?.data.type).toBe('application/json')
    expect(JSON.parse(await (download as { data: Blob }).data.text())).toEqual(project)
  })

  it('Save as, or Save of an untitled project, proposes a name from the title', async () => {
    const project = await openExample()
    await valueOf(host.saveProject({ project: { ...project, title: 'Oxygen: SSI' }, saveAs: true }))
    await valueOf(host.newDocument(null))
    await valueOf(host.saveProject({ project: { ...project, title: '' }, saveAs: false }))
    expect(env.downloads.map((d) => d.name)).toEqual([
      'Oxygen- SSI.opentsa.json',
      'Untitled.opentsa.json'
    ])
  })

  it('a cancelled file picker gives null', async () => {
    env.nextFile = null
    expect(await host.openProject(null)).toEqual({ ok: true, value: null })
    expect(await host.chooseImportFile(null)).toEqual({ ok: true, value: null })
  })

  it('a file that is not JSON, or not a project, is an invalidFile error naming the file', async () => {
    env.nextFile = textFile('broken.opentsa.json', '{ "format": ')
    expect(await host.openProject(null)).toMatchObject({
      ok: false,
      error: {
        code: 'invalidFile',
        message: expect.stringMatching(/^broken\.opentsa\.json is not valid JSON/)
      }
    })
    env.nextFile = textFile('other.json', '{"format":"something-else"}')
    expect(await host.openProject(null)).toMatchObject({
      ok: false,
      error: {
        code: 'invalidFile',
        message: expect.stringContaining('other.json: not an OpenTSA project')
      }
    })
  })

  it('points a data file picked in Open to Import data', async () => {
    for (const name of ['perioOxy.CSV', 'trials.xlsx', 'review.zip']) {
      env.nextFile = { name, bytes: bytesOf('tests/fixtures/datasets/perioOxy.csv') }
      expect(await host.openProject(null)).toEqual({
        ok: false,
        error: {
          code: 'invalidFile',
          message: `${name} is a data file, not a project: use Import data to read it`
        }
      })
    }
  })

  it('refuses a file over the size limit before reading it', async () => {
    env.nextFile = { name: 'huge.json', bytes: new Uint8Array(MAX_FILE_BYTES + 1) }
    expect(await host.openProject(null)).toMatchObject({
      ok: false,
      error: { code: 'invalidFile', message: '"huge.json" is too large (more than 20 MB)' }
    })
  })

  it('has no recent documents', async () => {
    expect(await host.recentDocuments(null)).toEqual({ ok: true, value: [] })
    expect(await host.openProject({ recent: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'recent' }
    })
  })

  it('checks payloads with the contract parsers, as main does', async () => {
    expect(
      await host.saveProject({ project: { format: 'x' }, saveAs: false } as never)
    ).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'project.format' }
    })
    expect(env.downloads).toEqual([])
  })
})

describe('chooseImportFile (the import wizard reads the file in the page)', () => {
  it('hands over the picked file’s name and bytes, and leaves the document as it was', async () => {
    const project = await openExample()
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff])
    env.nextFile = { name: 'trials.xlsx', bytes }
    expect(await valueOf(host.chooseImportFile(null))).toEqual({
      name: 'trials.xlsx',
      bytesBase64: Buffer.from(bytes).toString('base64')
    })
    expect(env.accepts.at(-1)).toBe(IMPORT_ACCEPT)
    expect(IMPORT_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.csv', '.tsv', '.txt', '.xlsx', '.rm5', '.zip', '.tsa'])
    )
    // nothing was imported yet: Save still writes the open document
    await valueOf(host.saveProject({ project, saveAs: false }))
    expect(env.downloads[0]?.name).toBe('perioOxy.opentsa.json')
  })

  it('refuses a file over 50 MB with its name', async () => {
    env.nextFile = { name: 'huge.zip', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }
    expect(await host.chooseImportFile(null)).toEqual({
      ok: false,
      error: { code: 'invalidFile', message: '"huge.zip" is too large (more than 50 MB)' }
    })
  })
})

describe('Export', () => {
  it('downloads text as is and base64 as bytes, under the suggested name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255])
    const base64 = btoa(String.fromCharCode(...png))
    expect(
      await host.exportFile({
        kind: 'png',
        suggestedName: 'chart.png',
        content: base64,
        encoding: 'base64'
      })
    ).toEqual({ ok: true, value: { name: 'chart.png' } })
    await valueOf(
      host.exportFile({
        kind: 'csv',
        suggestedName: 'results.csv',
        content: 'a,b\n1,2\n',
        encoding: 'utf8'
      })
    )
    const [first, second] = env.downloads
    expect(new Uint8Array(await first!.data.arrayBuffer())).toEqual(png)
    expect(first?.data.type).toBe('image/png')
    expect(second).toMatchObject({ name: 'results.csv' })
    expect(await second!.data.text()).toBe('a,b\n1,2\n')
  })

  it('downloads the HTML report as text/html', async () => {
    await valueOf(
      host.exportFile({
        kind: 'html',
        suggestedName: 'perioOxy-report.html',
        content: '<!DOCTYPE html>\n<p>D² = 64%</p>',
        encoding: 'utf8'
      })
    )
    const [report] = env.downloads
    expect(report).toMatchObject({ name: 'perioOxy-report.html' })
    expect(report?.data.type).toBe('text/html')
    expect(await report!.data.text()).toBe('<!DOCTYPE html>\n<p>D² = 64%</p>')
    expect(
      await host.exportFile({
        kind: 'html',
        suggestedName: 'r.html',
        content: 'PGh0bWw+',
        encoding: 'base64'
      })
    ).toMatchObject({ ok: false, error: { code: 'invalidRequest', field: 'encoding' } })
  })

  it('refuses a binary format sent as text (the contract parser)', async () => {
    expect(
      await host.exportFile({
        kind: 'pdf',
        suggestedName: 'x.pdf',
        content: '%PDF',
        encoding: 'utf8'
      })
    ).toMatchObject({ ok: false, error: { code: 'invalidRequest', field: 'encoding' } })
  })
})

describe('the window', () => {
  it('shows the title and the dirty mark in document.title', async () => {
    await valueOf(host.setDocumentState({ title: 'perioOxy.opentsa.json', dirty: true }))
    await valueOf(host.setDocumentState({ title: 'perioOxy.opentsa.json', dirty: false }))
    expect(env.titles).toEqual([
      'perioOxy.opentsa.json • — OpenTSA',
      'perioOxy.opentsa.json — OpenTSA'
    ])
  })

  it('asks to discard (a browser cannot save and continue): yes → discard, no → cancel', async () => {
    env.confirmAnswer = true
    expect(await host.confirmDiscard({ reason: 'open' })).toEqual({ ok: true, value: 'discard' })
    env.confirmAnswer = false
    expect(await host.confirmDiscard({ reason: 'new' })).toEqual({ ok: true, value: 'cancel' })
    expect(env.questions).toEqual([discardQuestion('open'), discardQuestion('new')])
    expect(env.questions[0]).toMatch(/unsaved changes.*open another project\?$/)
  })

  it('prints with the browser; closing the window does nothing', async () => {
    expect(await host.print(null)).toEqual({ ok: true, value: null })
    expect(env.printed).toBe(1)
    expect(await host.closeWindow(null)).toEqual({ ok: true, value: null })
  })
})

describe('autosave and recovery (localStorage)', () => {
  it('keeps the project with the time and the document, gives it back, and clears it', async () => {
    const project = await openExample()
    expect(await host.recovery(null)).toEqual({ ok: true, value: null })
    await valueOf(host.autosave(project))
    expect(await host.recovery(null)).toEqual({
      ok: true,
      value: {
        project,
        savedAt: '2026-03-01T10:20:30.000Z',
        document: { name: 'perioOxy.opentsa.json' }
      }
    })
    await valueOf(host.autosave(null))
    expect(env.stored.has(RECOVERY_KEY)).toBe(false)
  })

  it('forgets stored work it cannot read back (bad JSON, not a project)', async () => {
    for (const stored of [
      '{not json',
      JSON.stringify({ project: { format: 'x' }, savedAt: 'now' })
    ]) {
      env.stored.set(RECOVERY_KEY, stored)
      expect(await host.recovery(null)).toEqual({ ok: true, value: null })
      expect(env.stored.has(RECOVERY_KEY)).toBe(false)
    }
  })

  it('a storage that refuses (full, blocked) gives an error Result, not an exception', async () => {
    const project = await openExample()
    env.storage.setItem = () => {
      throw new Error('QuotaExceededError: the quota has been exceeded')
    }
    expect(await host.autosave(project)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('quota') }
    })
  })
})
