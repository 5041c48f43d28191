import { describe, expect, test } from 'vitest'
import type { TsaResult } from '@engine'
import { tsaTextAlternative } from '@shared/figure/tsaTextAlternative'
import { syntheticResult } from './syntheticResult'

describe('tsaTextAlternative', () => {
  const result = syntheticResult()
  const alt = tsaTextAlternative(result)

  test('the label starts with "TSA chart" and counts the trials', () => {
    expect(alt.label.startsWith('TSA chart')).toBe(true)
    expect(alt.label).toContain('5 trials')
  })

  test('one sentence per look, in order, naming trial, information, Z and boundaries', () => {
    expect(alt.looks).toHaveLength(5)
    expect(alt.looks[0]).toBe(
      'Look 1, Alpha 1999: cumulative information 200 participants (7% of the required information size); ' +
        'Z = 1.20; no monitoring boundary at this look; RR 0.80 (0.55 to 1.16).'
    )
    expect(alt.looks[2]).toContain('Z = n/a')
    expect(alt.looks[2]).toContain('futility boundary upper 0.40, lower -0.40')
    expect(alt.looks[3]).toContain('Z = 9.40')
    expect(alt.looks[3]).toContain('monitoring boundary upper 2.60, lower -2.60')
    expect(alt.looks[3]).toContain('TSA-adjusted CI 0.35 to 0.70')
    alt.looks.forEach((s, k) =>
      expect(s.startsWith(`Look ${k + 1}, ${result.looks[k]!.trial}:`)).toBe(true)
    )
  })

  test('the summary gives the RIS with its unit, the information reached and the conclusion', () => {
    expect(alt.summary).toContain('Required information size 3,000 participants.')
    expect(alt.summary).toContain('Information reached 3,600 participants (120%).')
    expect(alt.summary).toContain('Last Z = -8.50')
    expect(alt.summary).toContain(result.conclusion.text)
  })

  test('no NaN, Infinity or "undefined" in the text, even for hostile input', () => {
    const bad: TsaResult = {
      ...result,
      conventionalBoundary: Number.NaN,
      ris: { ...result.ris, required: null },
      looks: [
        { ...result.looks[0]!, z: Number.NaN, cumulativeInformation: Number.POSITIVE_INFINITY }
      ]
    }
    const a = tsaTextAlternative(bad)
    const all = [a.label, a.summary, ...a.looks].join(' ')
    expect(all).not.toMatch(/NaN|Infinity|undefined|∞/)
    expect(a.summary).toContain('Required information size not available.')
  })

  test('no looks', () => {
    const a = tsaTextAlternative({ ...result, looks: [] })
    expect(a.label).toBe('TSA chart: no trials to plot')
    expect(a.looks).toEqual([])
  })

  test('unit "information" reads as information units; a custom unit can be given', () => {
    const info: TsaResult = { ...result, ris: { ...result.ris, unit: 'information' } }
    expect(tsaTextAlternative(info).summary).toContain('3,000 information units')
    expect(tsaTextAlternative(result, { informationUnit: 'patients' }).summary).toContain(
      '3,000 patients'
    )
  })
})
