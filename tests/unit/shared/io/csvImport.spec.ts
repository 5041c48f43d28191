import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { importCsv, parseLocaleNumber } from '../../../../src/shared/io/csvImport'

const dataset = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../fixtures/datasets/${name}`, import.meta.url)),
    'utf8'
  )

describe('importCsv', () => {
  test('RTSA perioOxy (eI, eC, nI, nC): 15 trials in file order, values as in the file', () => {
    const r = importCsv(dataset('perioOxy.csv'))
    if (!r.ok) throw new Error(r.error.message)
    const p = r.value
    expect(p.outcome.type).toBe('dichotomous')
    expect(p.analysis.measure).toBe('RR')
    expect(p.trials).toHaveLength(15)
    expect(p.trials[1]).toMatchObject({
      name: 'Greif 2000',
      eventsIntervention: 13,
      eventsControl: 28,
      totalIntervention: 250,
      totalControl: 250
    })
  })

  test('RTSA eds (continuous, with year)', () => {
    const r = importCsv(dataset('eds.csv'))
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.outcome.type).toBe('continuous')
    expect(r.value.analysis.measure).toBe('MD')
    expect(r.value.trials[0]).toMatchObject({
      name: 'Adelaide',
      year: 2000,
      meanIntervention: 20.9,
      sdIntervention: 20.6,
      meanControl: 36,
      sdControl: 24,
      totalIntervention: 42,
      totalControl: 44
    })
  })

  test('metafor names with non-events (ai, bi, ci, di) give totals', () => {
    const r = importCsv('slab,ai,bi,ci,di\nA,4,119,11,128\n')
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.trials[0]).toMatchObject({ totalIntervention: 123, totalControl: 139 })
  })

  test('RevMan Web names, semicolons and decimal commas (European Excel)', () => {
    const text =
      '\uFEFFStudy;Study year;Experimental mean;Experimental SD;Experimental N;Control mean;Control SD;Control N\n' +
      'Smith;2001;1,5;0,25;1.200;2,0;0,5;30\n'
    const r = importCsv(text)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.trials[0]).toMatchObject({
      name: 'Smith',
      year: 2001,
      meanIntervention: 1.5,
      sdIntervention: 0.25,
      totalIntervention: 1200,
      meanControl: 2
    })
  })

  test('tab-separated text from a spreadsheet clipboard, meta names', () => {
    const r = importCsv('studlab\tevent.e\tn.e\tevent.c\tn.c\nX\t1\t10\t2\t12\n')
    expect(r.ok && r.value.trials[0]?.totalControl).toBe(12)
  })

  test.each([
    ['study,eI,nI\nA,1,10\n', /eventsControl/],
    ['study,eI,nI,eC,nC\nA,1,ten,2,10\n', /line 2, column 'nI': "ten" is not a number/],
    ['study,eI,nI,eC,nC\n', /no trials/],
    ['just one column\n1\n', /header row/],
    ['study,eI,nI,eC,nC\nA,1,10,"2,10\n', /line/]
  ])('a malformed table is rejected with where: %j', (text, message) => {
    const r = importCsv(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(message)
  })

  test('empty cells become null (the trial stays, to be completed), never 0', () => {
    const r = importCsv('study,eI,nI,eC,nC\nA,,10,2,10\n')
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.trials[0]).toMatchObject({ eventsIntervention: null, totalIntervention: 10 })
  })

  test('parseLocaleNumber', () => {
    expect(parseLocaleNumber('1,5', true)).toBe(1.5)
    expect(parseLocaleNumber('1.234,5', true)).toBe(1234.5)
    expect(parseLocaleNumber('1,234.5', false)).toBe(1234.5)
    expect(parseLocaleNumber('1e3', false)).toBe(1000)
    expect(parseLocaleNumber('12abc', false)).toBeNaN()
  })
})
