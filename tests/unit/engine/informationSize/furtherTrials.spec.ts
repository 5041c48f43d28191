import { describe, expect, test } from 'vitest'
import { furtherTrials } from '../../../../src/engine/informationSize/furtherTrials'
import { loadFixture } from '../../../helpers/fixtures'

interface MinTrialCase {
  call: string
  output: { minTrial: number; nPax: { rows: Record<string, number[]> } }
}

/** The numeric arguments of an RTSA call string, e.g. "minTrial(outcome='RR', mc=0.7, tau2=0.02, …)". */
function args(call: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of call.matchAll(/(\w+)=([-\d.]+)/g)) out[m[1] as string] = Number(m[2])
  return out
}

const fixture = loadFixture<{ minTrial_cases: MinTrialCase[] }>('reference/rtsa.json')

describe('furtherTrials (Kulinskaya & Wood 2014) against RTSA 0.2.2 minTrial()', () => {
  test.each(fixture.minTrial_cases.map((c) => [c.call, c] as const))('%s', (_call, c) => {
    const a = args(c.call)
    const pC = a['pC'] as number
    const pI = pC * (a['mc'] as number)
    const r = furtherTrials({
      theta: Math.log(a['mc'] as number),
      tau2: a['tau2'] as number,
      alpha: a['alpha'] as number,
      beta: a['beta'] as number,
      sides: a['side'] as 1 | 2,
      variancePerParticipant: 1 / pC + 1 / pI - 2
    })
    if (!r.ok) throw new Error(r.error.message)
    // Integers (ceilings of the same closed forms): exact.
    expect(r.value.minimumTrials).toBe(c.output.minTrial)
    expect(r.value.designs.map((d) => d.trials)).toEqual(c.output.nPax.rows['Trials'])
    expect(r.value.designs.map((d) => d.participantsPerTrial)).toEqual(
      c.output.nPax.rows['Pax per trial']
    )
    expect(r.value.designs.map((d) => d.totalParticipants)).toEqual(
      c.output.nPax.rows['Total nr of pax']
    )
  })

  test('no heterogeneity: no minimum number of trials; enough information already: zero', () => {
    const base = {
      theta: Math.log(0.8),
      alpha: 0.05,
      sides: 2 as const,
      beta: 0.2,
      variancePerParticipant: 30
    }
    const none = furtherTrials({ ...base, tau2: 0 })
    expect(none.ok && none.value).toEqual({ minimumTrials: null, designs: [] })
    const done = furtherTrials({ ...base, tau2: 0.05, currentVariance: 1e-4 })
    expect(done.ok && done.value.minimumTrials).toBe(0)
  })

  test('existing data lower the number of further trials', () => {
    const base = {
      theta: Math.log(0.8),
      tau2: 0.05,
      alpha: 0.05,
      sides: 2 as const,
      beta: 0.2,
      variancePerParticipant: 30
    }
    const fresh = furtherTrials(base)
    const some = furtherTrials({ ...base, currentVariance: 0.02 })
    if (!fresh.ok || !some.ok) throw new Error('unexpected failure')
    expect(some.value.minimumTrials as number).toBeLessThan(fresh.value.minimumTrials as number)
  })

  test('invalid input names the field', () => {
    const r = furtherTrials({
      theta: 0,
      tau2: 0.1,
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      variancePerParticipant: 1
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.field).toBe('theta')
  })
})
