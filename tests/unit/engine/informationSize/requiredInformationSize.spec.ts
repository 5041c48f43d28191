/**
 * Required information size (methods.md §4): the CTU manual's worked examples (methods.md §9, hand-typed in
 * tests/fixtures/reference/published/methods-section9.json) and every RR/OR/MD `ris()` case of RTSA 0.2.2
 * (tests/fixtures/reference/rtsa.json `ris_cases`, with the generator's own unrounded formula `own_formula`).
 */
import { describe, expect, test } from 'vitest'
import { requiredInformationSize, type RisRequest, type RisResult } from '@engine'
import { expectClose, loadFixture } from '../../../helpers/fixtures'

interface RisCase {
  call: string
  args: {
    outcome: 'RR' | 'OR' | 'RD' | 'MD'
    mc: number
    pC?: number
    p1?: number
    sd_mc?: number
    alpha: number
    beta: number
    side: 1 | 2
    fixed: boolean
    tau2?: number
    trials?: number
    I2?: number
    D2?: number
  }
  own_formula: { CEP?: number; RRR?: number; pI?: number; NF_unrounded: number; note?: string }
  output: { NF: number; NR_D2?: number | null; NR_I2?: number | null }
}

const rtsa = loadFixture<{ ris_cases: RisCase[] }>('reference/rtsa.json')
const published = loadFixture<{
  ris: {
    source: string
    tolerance: { abs: number; why: string }
    cases: { label: string; input: RisRequest; expected: { ris: number } }[]
  }
}>('reference/published/methods-section9.json')

function value(r: ReturnType<typeof requiredInformationSize>, context: string): RisResult {
  expect(r.ok, `${context}: ${JSON.stringify(r)}`).toBe(true)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/**
 * The RTSA arguments as an OpenTSA request. RR: mc is the relative risk, RRR = 1 − mc. OR: mc is the odds ratio,
 * P_I = P_C·OR/(1 − P_C + P_C·OR), so RRR = 1 − P_I/P_C = 1 − OR/(1 − P_C + P_C·OR). MD: difference mc, variance sd_mc².
 */
function requestOf(c: RisCase): RisRequest {
  const base = { alpha: c.args.alpha, sides: c.args.side, beta: c.args.beta }
  const { outcome, mc, pC } = c.args
  switch (outcome) {
    case 'RR':
      return { ...base, controlRisk: pC as number, relativeRiskReduction: 1 - mc }
    case 'OR':
      return {
        ...base,
        controlRisk: pC as number,
        relativeRiskReduction: 1 - mc / (1 - (pC as number) + (pC as number) * mc)
      }
    case 'MD':
      return { ...base, difference: mc, variance: (c.args.sd_mc as number) ** 2 }
    case 'RD':
      throw new Error('RD is not mapped (see the skipped group)')
  }
}

const label = (c: RisCase): string => c.call.replace(/^ris\(/, '').replace(/\)$/, '')

describe('CTU manual worked examples (methods.md §9; published/methods-section9.json)', () => {
  const group = published.ris
  for (const c of group.cases) {
    test(`${c.label} → ${c.expected.ris} (exact RIS_F·AF within ±${group.tolerance.abs})`, () => {
      const r = value(requiredInformationSize(c.input), c.label)
      expectClose(r.exact, c.expected.ris, group.tolerance.abs, `${c.label} exact`)
      // CTU rounding: the displayed RIS is ceil(ceil(RIS_F)·AF), within 2 of the published figure as well.
      expect(r.required).toBe(Math.ceil(r.fixed) * r.adjustmentFactor)
      expect(Math.abs(Math.ceil(r.required) - c.expected.ris)).toBeLessThanOrEqual(2)
    })
  }

  test('the 10508 example in detail: RIS_F = 8406.15, AF = 1.25, exact = 10507.69, required = 8407·1.25 = 10508.75', () => {
    const r = value(requiredInformationSize(published.ris.cases[0]?.input as RisRequest), '10508')
    expect(r.fixed).toBeCloseTo(8406.1502, 3)
    expect(r.adjustmentFactor).toBe(1.25)
    expect(r.exact).toBeCloseTo(10507.6877, 3)
    expect(r.required).toBe(10508.75)
  })
})

describe('RTSA 0.2.2 ris() cases (rtsa.json ris_cases): RR, OR, MD', () => {
  const mapped = rtsa.ris_cases.filter((c) => c.args.outcome !== 'RD')

  test('the fixture has the expected numbers of cases', () => {
    const count = (o: string): number => rtsa.ris_cases.filter((c) => c.args.outcome === o).length
    expect({ RR: count('RR'), OR: count('OR'), MD: count('MD'), RD: count('RD') }).toEqual({
      RR: 56, // the 52-case grid plus 4 heterogeneity cases
      OR: 5,
      MD: 8,
      RD: 4
    })
  })

  for (const c of mapped) {
    test(`RIS cases exact to the displayed integer: ${label(c)} → NF ${c.output.NF}`, () => {
      const r = value(requiredInformationSize(requestOf(c)), c.call)
      const want = c.own_formula.NF_unrounded
      // own_formula carries 15 significant digits; RRR = 1 − mc costs a few ulps more: 1e-9 relative is ample.
      expect(
        Math.abs(r.fixed - want) / want,
        `fixed ${r.fixed} vs own_formula ${want}`
      ).toBeLessThanOrEqual(1e-9)
      // RTSA's NF is the ceiling of its own unrounded formula: ours must land on the same integer.
      expect(Math.ceil(r.fixed), `ceil(${r.fixed})`).toBe(c.output.NF)
      // No heterogeneity requested here: AF = 1 and required = ceil(fixed).
      expect(r.adjustmentFactor).toBe(1)
      expect(r.required).toBe(c.output.NF)
    })
  }

  test('OR inputs map to the generator’s P_I (own_formula.pI) to 1e-14 relative', () => {
    for (const c of mapped.filter((x) => x.args.outcome === 'OR')) {
      const req = requestOf(c)
      const pI = (req.controlRisk as number) * (1 - (req.relativeRiskReduction as number))
      const want = c.own_formula.pI as number
      expect(Math.abs(pI - want) / want, c.call).toBeLessThanOrEqual(1e-14)
    }
  })

  // RD is skipped: RTSA's ris() for RD returns 2·z²·2·(pC·qC + p1·q1)/δ², exactly twice the standard total N
  // (own_formula.note in rtsa.json; shared/reference/README.md, "RD sample size"), so it is no reference for ours.
  test('RTSA’s RD figure is 2× the standard formula recorded beside it (documents why RD is skipped)', () => {
    for (const c of rtsa.ris_cases.filter((x) => x.args.outcome === 'RD')) {
      expect(c.output.NF, c.call).toBe(Math.ceil(2 * c.own_formula.NF_unrounded))
    }
  })
})

describe('heterogeneity-adjusted RIS (rtsa.json NR_D2, NR_I2)', () => {
  const adjusted = rtsa.ris_cases.flatMap((c) => {
    const out: { c: RisCase; kind: 'diversity' | 'inconsistency'; value: number; want: number }[] =
      []
    if (typeof c.output.NR_D2 === 'number') {
      out.push({ c, kind: 'diversity', value: c.args.D2 as number, want: c.output.NR_D2 })
    }
    if (typeof c.output.NR_I2 === 'number') {
      out.push({ c, kind: 'inconsistency', value: c.args.I2 as number, want: c.output.NR_I2 })
    }
    return out
  })

  test('the fixture has four adjusted figures (RR: D² 0.4, I² 0.3, I² 0.5; MD: D² 0.3)', () => {
    expect(adjusted.length).toBe(4)
  })

  for (const { c, kind, value: h, want } of adjusted) {
    test(`${label(c)}: ${kind} ${h} → ${want} = ceil(ceil(RIS_F)/(1 − ${h})), the CTU rounding`, () => {
      const r = value(
        requiredInformationSize({ ...requestOf(c), heterogeneity: { kind, value: h } }),
        c.call
      )
      expect(r.adjustmentFactor).toBeCloseTo(1 / (1 - h), 15)
      expect(Math.abs(r.exact - r.fixed / (1 - h)) / r.exact).toBeLessThanOrEqual(1e-15)
      expect(
        Math.abs(r.exact - c.own_formula.NF_unrounded / (1 - h)) / r.exact
      ).toBeLessThanOrEqual(1e-9)
      // RTSA adjusts the already rounded NF, as the CTU program does: required = ceil(RIS_F)·AF, shown as its ceiling.
      expect(Math.ceil(r.required)).toBe(want)
    })
  }
})

describe('CTU rounding and the result fields', () => {
  test('required = ceil(fixed)·AF, exact = fixed·AF, for none / D² / I²', () => {
    const base: RisRequest = {
      alpha: 0.05,
      sides: 2,
      beta: 0.2,
      controlRisk: 0.15,
      relativeRiskReduction: 0.2
    }
    for (const heterogeneity of [
      { kind: 'none' as const },
      { kind: 'diversity' as const, value: 0.25 },
      { kind: 'inconsistency' as const, value: 0.6 },
      { kind: 'diversity' as const, value: 0 }
    ]) {
      const r = value(
        requiredInformationSize({ ...base, heterogeneity }),
        JSON.stringify(heterogeneity)
      )
      const af = heterogeneity.kind === 'none' ? 1 : 1 / (1 - heterogeneity.value)
      expect(r.adjustmentFactor).toBe(af)
      expect(r.required).toBe(Math.ceil(r.fixed) * af)
      expect(r.exact).toBe(r.fixed * af)
      expect(r.required).toBeGreaterThanOrEqual(r.exact)
    }
  })

  test('omitting heterogeneity means none (AF = 1)', () => {
    const r = value(
      requiredInformationSize({ alpha: 0.05, sides: 2, beta: 0.2, difference: 2, variance: 100 }),
      'MD'
    )
    expect(r.adjustmentFactor).toBe(1)
    expect(r.required).toBe(785)
  })

  test('a beneficial outcome (RBI) uses P_I = P_C(1 + RBI): symmetric in the two risks with the RRR form', () => {
    // P_C 0.1, RBI 0.25 → P_I 0.125; the same pair as P_C 0.125, RRR 0.2 (P̄ and δ² are symmetric).
    const rbi = value(
      requiredInformationSize({
        alpha: 0.05,
        sides: 2,
        beta: 0.2,
        controlRisk: 0.1,
        relativeBenefitIncrease: 0.25
      }),
      'RBI'
    )
    const rrr = value(
      requiredInformationSize({
        alpha: 0.05,
        sides: 2,
        beta: 0.2,
        controlRisk: 0.125,
        relativeRiskReduction: 0.2
      }),
      'RRR'
    )
    expect(Math.abs(rbi.fixed - rrr.fixed) / rrr.fixed).toBeLessThanOrEqual(1e-12)
  })
})

describe('validation: errors name the field', () => {
  const dich: RisRequest = {
    alpha: 0.05,
    sides: 2,
    beta: 0.2,
    controlRisk: 0.1,
    relativeRiskReduction: 0.2
  }
  const cont: RisRequest = { alpha: 0.05, sides: 2, beta: 0.2, difference: 2, variance: 100 }
  const cases: [string, RisRequest, string, RegExp][] = [
    [
      'controlRisk 0',
      { ...dich, controlRisk: 0 },
      'controlRisk',
      /controlRisk must lie in \(0, 1\), got 0/
    ],
    [
      'controlRisk 1',
      { ...dich, controlRisk: 1 },
      'controlRisk',
      /controlRisk must lie in \(0, 1\), got 1/
    ],
    [
      'relativeRiskReduction 1',
      { ...dich, relativeRiskReduction: 1 },
      'relativeRiskReduction',
      /relativeRiskReduction must lie in \(0, 1\), got 1/
    ],
    [
      'relativeRiskReduction 1.5',
      { ...dich, relativeRiskReduction: 1.5 },
      'relativeRiskReduction',
      /relativeRiskReduction must lie in \(0, 1\)/
    ],
    [
      'variance 0',
      { ...cont, variance: 0 },
      'variance',
      /variance must be a positive number, got 0/
    ],
    ['variance −4', { ...cont, variance: -4 }, 'variance', /variance must be a positive number/],
    [
      'difference 0',
      { ...cont, difference: 0 },
      'difference',
      /difference must be a non-zero number/
    ],
    [
      'D² = 1',
      { ...dich, heterogeneity: { kind: 'diversity', value: 1 } },
      'heterogeneity',
      /D².*\[0, 1\), got 1/
    ],
    [
      'I² = 1',
      { ...dich, heterogeneity: { kind: 'inconsistency', value: 1 } },
      'heterogeneity',
      /I².*\[0, 1\), got 1/
    ],
    [
      'neither dichotomous nor continuous inputs',
      { alpha: 0.05, sides: 2, beta: 0.2 },
      'controlRisk',
      /controlRisk with relativeRiskReduction, or difference with variance/
    ],
    [
      'controlRisk without RRR or RBI',
      { alpha: 0.05, sides: 2, beta: 0.2, controlRisk: 0.1 },
      'relativeRiskReduction',
      /needs relativeRiskReduction or relativeBenefitIncrease/
    ],
    ['alpha 0', { ...dich, alpha: 0 }, 'alpha', /alpha must lie in \(0, 1\)/],
    ['beta 1', { ...dich, beta: 1 }, 'beta', /beta must lie in \(0, 1\)/],
    ['sides 3', { ...dich, sides: 3 as 1 }, 'sides', /sides must be 1 or 2/]
  ]
  test.each(cases.map(([name, req, field, message]) => ({ name, req, field, message })))(
    '$name → field $field',
    ({ req, field, message }) => {
      const r = requiredInformationSize(req)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.field).toBe(field)
      expect(r.error.code).toBe('invalidInput')
      expect(r.error.message).toMatch(message)
    }
  )
})
