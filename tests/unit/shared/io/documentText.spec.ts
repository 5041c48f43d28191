// The one place a document's text becomes a project, for the CLI, Electron main and the web build.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  fileExtension,
  importDataBytes,
  importDataText,
  projectFromJson
} from '../../../../src/shared/io/documentText'

const ROOT = resolve(import.meta.dirname, '../../../..')
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8')

describe('fileExtension', () => {
  it('is the last extension in lower case, for names and paths of either platform', () => {
    expect(fileExtension('trials.TSA')).toBe('.tsa')
    expect(fileExtension('C:\\data\\Trials.Csv')).toBe('.csv')
    expect(fileExtension('/home/a.b/perio.opentsa.json')).toBe('.json')
    expect(fileExtension('README')).toBe('')
    expect(fileExtension('.profile')).toBe('')
  })
})

describe('projectFromJson', () => {
  it('reads a bundled example', () => {
    const r = projectFromJson(read('resources/examples/perioOxy.opentsa.json'), 'perioOxy.json')
    expect(r.ok && r.value.trials.length).toBeGreaterThan(0)
    expect(r.ok && r.notes).toEqual([])
  })

  it('names the file when the text is not JSON', () => {
    const r = projectFromJson('{ "format": ', 'broken.opentsa.json')
    expect(r).toMatchObject({ ok: false })
    expect(!r.ok && r.message).toMatch(/^broken\.opentsa\.json is not valid JSON: /)
  })

  it('names the file and the field when the JSON is not a valid project', () => {
    const r = projectFromJson('{"format":"something-else"}', 'other.json')
    expect(!r.ok && r.message).toBe(
      'other.json: not an OpenTSA project: "format" must be "opentsa-project"'
    )
  })
})

describe('importDataText', () => {
  it('reads a CSV table of trials into an untitled project', () => {
    const r = importDataText(read('tests/fixtures/datasets/perioOxy.csv'), 'perioOxy.csv')
    expect(r.ok && r.value.trials).toHaveLength(15)
    expect(r.ok && r.value.title).toBe('')
  })

  it('names the file and the line of a malformed table or .TSA file', () => {
    const csv = importDataText('study,eI,nI,eC,nC\nA,1,ten,2,10\n', 'bad.csv')
    expect(!csv.ok && csv.message).toMatch(/^bad\.csv: .*line 2, column 'nI'/)
    const tsa = importDataText('#METAANALYSIS BEGIN\nidentifier\tx\n', 'cut.TSA')
    expect(!tsa.ok && tsa.message).toMatch(/^cut\.TSA.*truncated/)
  })

  it('refuses other file types, naming the ones it reads', () => {
    expect(importDataText('', 'notes.docx')).toEqual({
      ok: false,
      message: 'notes.docx: unknown file type ".docx" (use .TSA, .csv, .tsv or .txt)'
    })
  })
})

describe('importDataBytes', () => {
  const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(resolve(ROOT, path)))

  it('reads a RevMan file’s chosen analysis, with the import’s notes', () => {
    const r = importDataBytes(bytes('tests/fixtures/revman/Fleiss1993.rm5'), 'Fleiss1993.rm5', {
      analysis: 'CMP-001.02'
    })
    expect(r.ok && r.value.trials).toHaveLength(5)
    expect(r.ok && r.notes.join()).toMatch(/standardised mean difference/)
  })

  it('without a chosen analysis, names the ones a RevMan file holds', () => {
    const r = importDataBytes(bytes('tests/fixtures/revman/Fleiss1993.zip'), 'Fleiss1993.zip')
    expect(r).toEqual({
      ok: false,
      message: 'Fleiss1993.zip holds 2 analyses; choose one: CMP-001.01, CMP-001.02'
    })
  })

  it('reads text files as importDataText does, in UTF-8 or the Windows code page', () => {
    const csv = bytes('tests/fixtures/datasets/perioOxy.csv')
    expect(importDataBytes(csv, 'perioOxy.csv')).toEqual(
      importDataText(read('tests/fixtures/datasets/perioOxy.csv'), 'perioOxy.csv')
    )
    const cp1252 = new Uint8Array(Buffer.from('study,eI,nI,eC,nC\nGrëif 2000,1,10,2,10\n', 'latin1'))
    const r = importDataBytes(cp1252, 'trials.csv')
    expect(r.ok && r.value.trials[0]?.name).toBe('Grëif 2000')
  })

  it('refuses other file types, naming the ones it reads', () => {
    expect(importDataBytes(new Uint8Array(), 'notes.docx')).toEqual({
      ok: false,
      message: 'notes.docx: unknown file type ".docx" (use .TSA, .csv, .tsv, .txt, .rm5 or .zip)'
    })
  })
})
