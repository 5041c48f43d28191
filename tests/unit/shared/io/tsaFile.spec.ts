import { describe, expect, test } from 'vitest'
import { readTsaFile, writeTsaFile } from '../../../../src/shared/io/tsaFile'
import { importCsv } from '../../../../src/shared/io/csvImport'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * A file in the program's layout (tsa-file-format.md), written by hand for this test with two perioOxy trials
 * (RTSA 0.2.2 data): tab-separated keys, counts as "13.0", a conventional and a sequential boundary.
 */
const SAMPLE = [
  '#METAANALYSIS BEGIN',
  'identifier\tPerioperative oxygen',
  'outcomeType\t1',
  'trialType\t1',
  'effectModel\t11',
  'effectMeasure\t1',
  'zeroEventHandling\tConstant',
  'zeroEventValue\t0.5',
  'ignoreZeroEventsTrials\tfalse',
  'confidenceInterval\tCI_950',
  'confidenceIntervalAlphaSpendingBoundary\t',
  'group1\t80% oxygen',
  'group2\t30% oxygen',
  'comment\t',
  '#METAANALYSIS END',
  '',
  '#TRIAL BEGIN',
  'sort\tdichotomous',
  'year\t2000',
  'study\tGreif 2000',
  'interventionEvent\t13.0',
  'interventionTotal\t250.0',
  'controlEvent\t28.0',
  'controlTotal\t250.0',
  'isHighQuality\ttrue',
  'isForcefullyIgnored\tfalse',
  'comment\t',
  '#TRIAL END',
  '',
  '#TRIAL BEGIN',
  'sort\tdichotomous',
  'year\t2009',
  'study\tMeyhoff 2009',
  'interventionEvent\t131.0',
  'interventionTotal\t685.0',
  'controlEvent\t141.0',
  'controlTotal\t701.0',
  'isHighQuality\tfalse',
  'isForcefullyIgnored\ttrue',
  'comment\t',
  '#TRIAL END',
  '',
  '#BOUNDARY BEGIN',
  'sort\tconventional',
  'identifier\t5%',
  'type\t103',
  'type1error\t5.0',
  '#BOUNDARY END',
  '',
  '#BOUNDARY BEGIN',
  'sort\tsequential dichotome',
  'identifier\tRRR 20%',
  'type\t103',
  'type1error\t5.0',
  'oisType\t603',
  'manualOIS\t0.0',
  'type2error\t10.0',
  'interventionEffectType\t204',
  'interventionEffect\t12.0',
  'controlEffect\t15.0',
  'timeAxisScaling\t302',
  'heterogeneityCorrection\t404',
  'heterogeneityCorrectionValue\t0.25',
  'alphaSpendingFunction\t501',
  'betaSpendingFunction\t802',
  'trials\t(2000)Greif 2000',
  '#GRAPH BEGIN',
  'id\tRRR 20%',
  'color\t255\t0\t0',
  '#GRAPH END',
  '#BOUNDARY END',
  ''
].join('\n')

describe('readTsaFile', () => {
  test('reads trials, analysis and monitoring settings with the program codes', () => {
    const r = readTsaFile(SAMPLE)
    if (!r.ok) throw new Error(r.error.message)
    const p = r.value
    expect(p.title).toBe('Perioperative oxygen')
    expect(p.outcome).toMatchObject({
      type: 'dichotomous',
      direction: 'harmful',
      interventionLabel: '80% oxygen'
    })
    expect(p.trials).toHaveLength(2)
    expect(p.trials[0]).toMatchObject({
      name: 'Greif 2000',
      year: 2000,
      eventsIntervention: 13,
      totalIntervention: 250,
      eventsControl: 28,
      totalControl: 250,
      lowRiskOfBias: true,
      include: true
    })
    expect(p.trials[1]).toMatchObject({ lowRiskOfBias: false, include: false })
    // "Constant 0.5" is 0.5 per arm = 0.25 per cell (methods.md §1, §10); the importer turns CTU quirks on.
    expect(p.analysis).toMatchObject({
      measure: 'RR',
      model: 'random',
      tau2Method: 'DL',
      zeroEvents: { method: 'constant', value: 0.25 },
      ctuCompatibility: true,
      confidenceLevel: 0.95
    })
    expect(p.monitoring).toMatchObject({
      alpha: 0.05,
      sides: 2,
      beta: 0.1,
      futility: 'tsaWedge',
      boundaryEngine: 'tsa'
    })
    expect(p.monitoring.ris.controlRisk).toBeCloseTo(0.15, 12)
    expect(p.monitoring.ris.relativeRiskReduction).toBeCloseTo(0.2, 12)
    expect(p.monitoring.ris.heterogeneity).toEqual({ kind: 'user', value: 0.25 })
  })

  test.each([
    [
      SAMPLE.replace('#TRIAL END\n\n#BOUNDARY BEGIN', '\n#BOUNDARY BEGIN'),
      /never closed|without a matching/
    ],
    [SAMPLE.slice(0, SAMPLE.indexOf('#TRIAL END')), /truncated/],
    [
      SAMPLE.replace('interventionEvent\t13.0', 'interventionEvent\tthirteen'),
      /trial 1 'Greif 2000'.*interventionEvent.*thirteen/
    ],
    [SAMPLE.replace('controlTotal\t250.0\n', ''), /controlTotal.*missing/],
    ['hello world\n', /outside any/],
    ['#TRIAL BEGIN\n#TRIAL END\n', /no #METAANALYSIS/],
    [SAMPLE.replace('effectMeasure\t1', 'effectMeasure\t9'), /effectMeasure/]
  ])('a malformed file is rejected with a message saying where (%#)', (text, message) => {
    const r = readTsaFile(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(message)
  })
})

describe('writeTsaFile', () => {
  test('round trip: read(write(project)) gives the project back', () => {
    const read = readTsaFile(SAMPLE)
    if (!read.ok) throw new Error(read.error.message)
    const { text, warnings } = writeTsaFile(read.value)
    expect(warnings).toEqual([])
    const again = readTsaFile(text)
    if (!again.ok) throw new Error(again.error.message)
    expect(again.value).toEqual(read.value)
  })

  test('round trip of a continuous project (RTSA eds data)', () => {
    const csv = readFileSync(
      fileURLToPath(new URL('../../../fixtures/datasets/eds.csv', import.meta.url)),
      'utf8'
    )
    const imported = importCsv(csv, 'ESD')
    if (!imported.ok) throw new Error(imported.error.message)
    const project = {
      ...imported.value,
      analysis: { ...imported.value.analysis, ctuCompatibility: true },
      monitoring: {
        ...imported.value.monitoring,
        ris: { ...imported.value.monitoring.ris, difference: 5, variance: 900 }
      }
    }
    const again = readTsaFile(writeTsaFile(project).text)
    if (!again.ok) throw new Error(again.error.message)
    expect(again.value.trials).toEqual(project.trials)
    expect(again.value.monitoring.ris).toMatchObject({ difference: 5, variance: 900 })
  })

  test('settings the program cannot hold are reported, not silently dropped', () => {
    const read = readTsaFile(SAMPLE)
    if (!read.ok) throw new Error(read.error.message)
    const p = read.value
    const { warnings } = writeTsaFile({
      ...p,
      analysis: { ...p.analysis, tau2Method: 'REML', hksj: true },
      monitoring: { ...p.monitoring, alphaSpending: { kind: 'pocock' } }
    })
    expect(warnings.join('\n')).toMatch(/REML/)
    expect(warnings.join('\n')).toMatch(/HKSJ/)
    expect(warnings.join('\n')).toMatch(/O'Brien–Fleming/)
  })
})
