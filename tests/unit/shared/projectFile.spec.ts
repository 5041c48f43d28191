import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runTsa } from '../../../src/engine'
import { importCsv } from '../../../src/shared/io/csvImport'
import {
  PROJECT_FORMAT_VERSION,
  migrateProject,
  parseProjectFile,
  startingRisInputs
} from '../../../src/shared/projectFile'

const minimal = (
  trials: unknown[],
  extra: Record<string, unknown> = {}
): Record<string, unknown> => ({
  format: 'opentsa-project',
  formatVersion: 1,
  outcome: { type: 'dichotomous' },
  trials,
  ...extra
})

const greif = {
  name: 'Greif 2000',
  year: 2000,
  eventsIntervention: 13,
  totalIntervention: 250,
  eventsControl: 28,
  totalControl: 250
}

describe('parseProjectFile', () => {
  test('fills every default of interfaces.md', () => {
    const r = parseProjectFile(minimal([greif]))
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.analysis).toEqual({
      measure: 'RR',
      model: 'random',
      fixedMethod: 'MH',
      tau2Method: 'DL',
      hksj: false,
      zeroEvents: { method: 'constant', value: 0.25, includeDoubleZero: false },
      ctuCompatibility: false,
      confidenceLevel: 0.95,
      order: 'asEntered'
    })
    expect(r.value.monitoring).toMatchObject({
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      alphaSpending: { kind: 'obf' },
      futility: 'none',
      boundaryEngine: 'tsa',
      informationAxis: 'participants',
      ris: { mode: 'formula', heterogeneity: { kind: 'diversity' }, manual: null },
      lil: { enabled: false, lambda: 2 }
    })
    expect(r.value.trials[0]).toMatchObject({ ...greif, lowRiskOfBias: false, include: true })
    expect(r.value.outcome).toMatchObject({ direction: 'harmful' })
  })

  test('the interfaces.md example with estimated RIS inputs is accepted as written', () => {
    const r = parseProjectFile(
      minimal([greif], {
        title: 'Perioperative oxygen and surgical site infection',
        monitoring: {
          alpha: 0.05,
          sides: 2,
          beta: 0.2,
          alphaSpending: { kind: 'hsd', gamma: -4 },
          futility: 'tsaWedge',
          ris: { mode: 'formula', controlRisk: { from: 'data' }, relativeRiskReduction: 0.2 }
        }
      })
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.monitoring.ris.controlRisk).toEqual({ from: 'data' })
    expect(r.value.monitoring.alphaSpending).toEqual({ kind: 'hsd', gamma: -4 })
  })

  test('an empty cell is kept as null (the analysis reports the trial as incomplete)', () => {
    const r = parseProjectFile(minimal([{ ...greif, eventsControl: null }]))
    expect(r.ok && r.value.trials[0]).toMatchObject({ eventsControl: null })
  })

  test.each([
    [
      minimal([{ ...greif, eventsIntervention: 'x' }]),
      /trial 1 'Greif 2000': eventsIntervention/,
      'trials[0].eventsIntervention'
    ],
    [
      minimal([greif], { monitoring: { alpha: 2 } }),
      /monitoring\.alpha: must be < 1/,
      'monitoring.alpha'
    ],
    [minimal([greif], { analysis: { measure: 'HR' } }), /analysis\.measure/, 'analysis.measure'],
    [
      minimal([greif], { monitoring: { alphaSpending: { kind: 'linear' } } }),
      /alphaSpending/,
      'monitoring.alphaSpending.kind'
    ],
    [{ ...minimal([greif]), outcome: { type: 'survival' } }, /outcome\.type/, 'outcome.type'],
    [{ ...minimal([greif]), format: 'something-else' }, /not an OpenTSA project/, 'format'],
    [{ ...minimal([greif]), formatVersion: 99 }, /newer OpenTSA/, 'formatVersion']
  ])('rejects a bad project with a message naming the field (%#)', (raw, message, field) => {
    const r = parseProjectFile(raw)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toMatch(message)
      expect(r.error.field).toBe(field)
    }
  })

  test('not an object', () => {
    for (const raw of [null, 3, 'x', []]) expect(parseProjectFile(raw).ok).toBe(false)
  })
})

describe('migrateProject', () => {
  test('the current version passes through unchanged', () => {
    const raw = minimal([greif])
    expect(migrateProject(raw)).toBe(raw)
    expect(PROJECT_FORMAT_VERSION).toBe(1)
  })
})

describe('starting RIS inputs (new projects and CSV imports)', () => {
  const datasets = resolve(import.meta.dirname, '../../fixtures/datasets')

  test.each([
    ['perioOxy.csv', 'dichotomous'],
    ['eds.csv', 'continuous']
  ] as const)('an imported %s (%s) is analysed with monitoring boundaries at once', (file, type) => {
    const imported = importCsv(readFileSync(resolve(datasets, file), 'utf8'), file)
    if (!imported.ok) throw new Error(imported.error.message)
    expect(imported.value.outcome.type).toBe(type)
    expect(imported.value.monitoring.ris).toMatchObject(startingRisInputs(type))
    const result = runTsa(imported.value)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.ris.required).toBeGreaterThan(0)
    expect(result.value.looks.some((look) => look.upper !== null)).toBe(true)
  })
})
