// `opentsa import` on RevMan files (list, pick an analysis, write the project) and the file types it read before.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, test } from 'vitest'
import { runCli as run } from '../../helpers/cli'

const REVMAN = fileURLToPath(new URL('../../fixtures/revman/', import.meta.url))
const FLEISS_RM5 = join(REVMAN, 'Fleiss1993.rm5')
const FLEISS_ZIP = join(REVMAN, 'Fleiss1993.zip')
const DATASETS = fileURLToPath(new URL('../../fixtures/datasets/', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-import-'))
})

describe('opentsa import FILE.rm5 | FILE.zip', () => {
  test('--list --json prints the analyses: id, name, type, trials', async () => {
    for (const file of [FLEISS_RM5, FLEISS_ZIP]) {
      const r = await run('import', file, '--list', '--json')
      expect(r.code, r.err).toBe(0)
      const list = JSON.parse(r.out)
      expect(
        list.map((a: { id: string; type: string; trials: number }) => [a.id, a.type, a.trials])
      ).toEqual([
        ['CMP-001.01', 'dichotomous', 7],
        ['CMP-001.02', 'continuous', 5]
      ])
      expect(list[0].name).toBe('Aspirin for Preventing Death after Myocardial Infarction')
    }
  })

  test('--list without --json: one line per analysis under its comparison, subgroups marked', async () => {
    const r = await run('import', join(REVMAN, 'synthetic-latin1.rm5'), '--list')
    expect(r.code, r.err).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/synthetic-latin1\.rm5: 5 analyses$/)
    expect(lines).toContain('Coffee versus decaffeinated')
    expect(r.out).toMatch(/CMP-001\.01 +continuous +5 trials +Sleepiness score/)
    expect(r.out).toMatch(/CMP-001\.01\.02 +continuous +2 trials +subgroup: Adolescents/)
    expect(r.out).toMatch(/CMP-001\.03 +dichotomous +1 trial +Alert at noon/)
    expect(r.out).toMatch(
      /not importable:\n +CMP-001\.04 +generic inverse variance data \(2 trials\) +Time to first nap/
    )
  })

  test('--analysis ID --out writes that analysis as a project', async () => {
    for (const file of [FLEISS_RM5, FLEISS_ZIP]) {
      const out = join(dir, 'aspirin.json')
      const r = await run('import', file, '--analysis', 'CMP-001.01', '--out', out)
      expect(r.code, r.err).toBe(0)
      expect(r.out.split('\n')[0]).toBe(`imported 7 trials (CMP-001.01) into ${out}`)
      const project = JSON.parse(readFileSync(out, 'utf8'))
      expect(project.analysis).toMatchObject({ measure: 'OR', model: 'fixed' })
      expect(project.trials[0]).toMatchObject({
        name: 'MRC-1',
        year: 1974,
        eventsIntervention: 49,
        totalIntervention: 615,
        eventsControl: 67,
        totalControl: 624
      })
      const analysis = await run('analyze', out, '--json')
      expect(analysis.code, analysis.err).toBe(0)
      expect(JSON.parse(analysis.out).looks).toHaveLength(7)
    }
  })

  test('the import’s notes are printed (an SMD outcome imported as MD)', async () => {
    const r = await run(
      'import',
      FLEISS_RM5,
      '--analysis',
      'CMP-001.02',
      '--out',
      join(dir, 'p.json')
    )
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(
      /^imported 5 trials \(CMP-001\.02\) into .*\nnote: RevMan analysed this outcome as a standardised mean difference/
    )
  })

  test('without --analysis, a file with several analyses is a one-line error listing their ids', async () => {
    for (const file of [FLEISS_RM5, FLEISS_ZIP]) {
      const out = join(dir, 'p.json')
      const r = await run('import', file, '--out', out)
      expect(r.code).toBe(2)
      expect(r.err).toBe(
        `opentsa import: ${file} holds 2 analyses: give --analysis ID, one of CMP-001.01, CMP-001.02`
      )
    }
  })

  test('without --analysis, a file with one analysis is imported', async () => {
    const fleiss = readFileSync(FLEISS_RM5, 'latin1')
    const single = join(dir, 'aspirin-only.rm5')
    writeFileSync(single, fleiss.replace(/<CONT_OUTCOME[\s\S]*<\/CONT_OUTCOME>\n/, ''), 'latin1')
    const r = await run('import', single, '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out).trials).toHaveLength(7)
  })

  test('an id the file does not have, and an IV outcome, are errors naming the file', async () => {
    const missing = await run('import', FLEISS_RM5, '--analysis', 'CMP-002.01', '--json')
    expect(missing.code).toBe(2)
    expect(missing.err).toBe(
      `opentsa import: ${FLEISS_RM5}: there is no analysis "CMP-002.01" (it has CMP-001.01, CMP-001.02)`
    )
    const iv = await run(
      'import',
      join(REVMAN, 'synthetic-latin1.rm5'),
      '--analysis',
      'CMP-001.04',
      '--json'
    )
    expect(iv.code).toBe(2)
    expect(iv.err).toMatch(/CMP-001\.04 "Time to first nap" holds generic inverse variance data/)
  })

  test('a malformed RevMan file is an error, and an existing --out file is left as it was', async () => {
    const out = join(dir, 'keep.json')
    writeFileSync(out, 'precious')
    const cut = join(dir, 'cut.rm5')
    writeFileSync(cut, readFileSync(FLEISS_RM5).subarray(0, 5000))
    const xml = await run('import', cut, '--analysis', 'CMP-001.01', '--out', out)
    expect(xml.code).toBe(2)
    expect(xml.err).toMatch(
      /^opentsa import: .*cut\.rm5: not well-formed XML: .*\(is the file complete\?\)$/
    )
    const zip = join(dir, 'cut.zip')
    writeFileSync(zip, readFileSync(FLEISS_ZIP).subarray(0, 5000))
    const broken = await run('import', zip, '--list')
    expect(broken.code).toBe(2)
    expect(broken.err).toMatch(/cut\.zip: not a readable zip file/)
    expect(readFileSync(out, 'utf8')).toBe('precious')
  })
})

describe('opentsa import, other file types', () => {
  test('a CSV table is still imported, and --list/--analysis are refused for it', async () => {
    const csv = join(DATASETS, 'perioOxy.csv')
    const r = await run('import', csv, '--out', join(dir, 'p.json'))
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe(`imported 15 trials into ${join(dir, 'p.json')}`)
    const list = await run('import', csv, '--list')
    expect(list.code).toBe(2)
    expect(list.err).toBe(
      `opentsa import: --list and --analysis are for RevMan files (.rm5, .zip), not ${csv}`
    )
  })

  test('a .TSA file in the Windows code page keeps its accented trial names', async () => {
    const tsa = join(dir, 'cp1252.TSA')
    const csv = readFileSync(join(DATASETS, 'perioOxy.csv'), 'utf8')
    const project = join(dir, 'p.json')
    writeFileSync(join(dir, 'p.csv'), csv.replace('Greif', 'Grëif'))
    expect((await run('import', join(dir, 'p.csv'), '--out', project)).code).toBe(0)
    expect((await run('export', project, '--to', tsa)).code).toBe(0)
    // the CTU program writes Windows-1252: re-encode what export wrote (UTF-8)
    writeFileSync(tsa, Buffer.from(readFileSync(tsa, 'utf8'), 'latin1'))
    const r = await run('import', tsa, '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out).trials.map((t: { name: string }) => t.name)).toContain('Grëif 2000')
  })

  test('--help names the RevMan files and flags', async () => {
    const r = await run('import', '--help')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/FILE\.rm5/)
    expect(r.out).toMatch(/--list/)
    expect(r.out).toMatch(/--analysis ID/)
  })
})
