import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, test } from 'vitest'
import { runCli as run } from '../../helpers/cli'

const DATASETS = fileURLToPath(new URL('../../fixtures/datasets/', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-cli-'))
})

describe('opentsa import / analyze / export', () => {
  test('CSV → project → analysis → .TSA → project: the trials survive the round trip', async () => {
    const project = join(dir, 'p.json')
    const imported = await run('import', join(DATASETS, 'perioOxy.csv'), '--out', project)
    expect(imported.code, imported.err).toBe(0)
    expect(imported.out).toMatch(/imported 15 trials/)
    const p = JSON.parse(readFileSync(project, 'utf8'))
    p.monitoring.ris.controlRisk = { from: 'data' }
    p.monitoring.ris.relativeRiskReduction = 0.2
    writeFileSync(project, JSON.stringify(p))

    const analysis = await run('analyze', project, '--json')
    expect(analysis.code, analysis.err).toBe(0)
    const r = JSON.parse(analysis.out)
    expect(r.looks).toHaveLength(15)
    expect(analysis.out).not.toMatch(/NaN|Infinity/)
    expect(['benefit', 'harm', 'futility', 'noEffectAtRis', 'inconclusive']).toContain(
      r.conclusion.code
    )
    expect(r.pooled.estimate).toBeGreaterThan(0)

    const tsa = join(dir, 'p.TSA')
    expect((await run('export', project, '--to', tsa)).code).toBe(0)
    const back = join(dir, 'back.json')
    expect((await run('import', tsa, '--out', back)).code).toBe(0)
    expect(JSON.parse(readFileSync(back, 'utf8')).trials).toEqual(p.trials)

    const csv = join(dir, 'p.csv')
    expect((await run('export', project, '--to', csv)).code).toBe(0)
    const again = join(dir, 'again.json')
    expect((await run('import', csv, '--out', again)).code).toBe(0)
    expect(JSON.parse(readFileSync(again, 'utf8')).trials).toEqual(p.trials)
    // atomic writes leave no temporary files behind
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('a malformed input file gives an error and leaves an existing --out file untouched', async () => {
    const out = join(dir, 'keep.json')
    writeFileSync(out, 'precious')
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'study,eI,nI,eC,nC\nA,1,ten,2,10\n')
    const r = await run('import', bad, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/line 2, column 'nI'/)
    expect(readFileSync(out, 'utf8')).toBe('precious')
    const truncated = join(dir, 'cut.TSA')
    writeFileSync(truncated, '#METAANALYSIS BEGIN\nidentifier\tx\n')
    const t = await run('import', truncated, '--out', out)
    expect(t.code).toBe(2)
    expect(t.err).toMatch(/truncated/)
    expect(readFileSync(out, 'utf8')).toBe('precious')
  })

  test.each([
    [['analyze'], /exactly one project file/],
    [['analyze', '/nonexistent/p.json'], /cannot read/],
    [['import', 'x.docx', '--out', 'y.json'], /cannot read|unknown file type/],
    [['export', 'p.json'], /--to/]
  ])('%j exits 2 with a message', async (args, message) => {
    const r = await run(...args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
  })

  test('a project with an invalid trial is rejected naming the trial', async () => {
    const project = join(dir, 'p.json')
    writeFileSync(
      project,
      JSON.stringify({
        format: 'opentsa-project',
        formatVersion: 1,
        outcome: { type: 'dichotomous' },
        trials: [
          {
            name: 'A',
            eventsIntervention: 1,
            totalIntervention: 10,
            eventsControl: 2,
            totalControl: 10
          },
          {
            name: 'Greif 2000',
            eventsIntervention: 260,
            totalIntervention: 250,
            eventsControl: 2,
            totalControl: 10
          }
        ],
        monitoring: { ris: { controlRisk: 0.1, relativeRiskReduction: 0.2 } }
      })
    )
    const r = await run('analyze', project)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(
      /trial 2 'Greif 2000': events in intervention \(260\) exceed total \(250\)/
    )
  })
})
