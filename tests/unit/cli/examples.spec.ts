/**
 * The bundled example projects (resources/examples/*.opentsa.json, RTSA 0.2.2's data sets): each parses with
 * parseProjectFile and runs through `opentsa analyze --json` to a sensible result.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli } from '../../helpers/cli'
import type { TsaResult } from '../../../src/engine/analysis/types'
import { parseProjectFile } from '../../../src/shared/projectFile'

const path = (name: string): string =>
  fileURLToPath(new URL(`../../../resources/examples/${name}.opentsa.json`, import.meta.url))

async function analyze(file: string): Promise<{ code: number; result: TsaResult; err: string }> {
  const { code, out, err } = await runCli('analyze', file, '--json')
  return { code, result: JSON.parse(out) as TsaResult, err }
}

describe.each([
  ['perioOxy', 15, 'dichotomous'],
  ['coronary', 4, 'dichotomous'],
  ['eds', 9, 'continuous']
])('resources/examples/%s.opentsa.json', (name, trials, type) => {
  test('parses, with a title and the source of its data', () => {
    const raw = JSON.parse(readFileSync(path(name), 'utf8')) as Record<string, unknown>
    expect(raw['source']).toMatch(/RTSA 0\.2\.2/)
    expect(typeof raw['citation']).toBe('string')
    const parsed = parseProjectFile(raw)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.title.length).toBeGreaterThan(0)
    expect(parsed.value.trials).toHaveLength(trials)
    expect(parsed.value.outcome.type).toBe(type)
  })

  test('opentsa analyze --json gives a sensible result', async () => {
    const { code, result, err } = await analyze(path(name))
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(result.looks.length).toBeGreaterThan(0)
    expect(result.ris.required as number).toBeGreaterThan(0)
    expect(result.looks.at(-1)?.informationFraction as number).toBeGreaterThan(0)
    expect(['benefit', 'harm', 'futility', 'noEffectAtRis', 'inconclusive']).toContain(
      result.conclusion.code
    )
  })
})

test('the examples reach the expected conclusions', async () => {
  // perioOxy: RR ≈ 0.87, D²-adjusted RIS far from reached; coronary: crosses the benefit boundary (as in RTSA)
  const perio = (await analyze(path('perioOxy'))).result
  expect(perio.pooled.estimate as number).toBeGreaterThan(0.8)
  expect(perio.pooled.estimate as number).toBeLessThan(0.95)
  expect(perio.excluded).toEqual([])
  expect(perio.conclusion.code).toBe('inconclusive')
  const coronary = (await analyze(path('coronary'))).result
  expect(coronary.conclusion.code).toBe('benefit')
  const eds = (await analyze(path('eds'))).result
  expect(eds.pooled.estimate as number).toBeLessThan(0)
})
