/**
 * α-spending functions (methods.md §5), per side: golden values from shared/reference/boundaries.json
 * (`spending.cum_per_side`, computed in R 4.2.2 by the reference generator; see tests/fixtures/reference/README.md),
 * plus the invariants every spending function must keep.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cumulativeSpend, parseSpendingSpec, SPENDING, type SpendingSpec } from '@engine'
import { loadFixture, referenceSpending } from '../../../helpers/fixtures'

interface SpendingCase {
  id: string
  family: 'OBF' | 'Pocock' | 'power' | 'HSD'
  param: number | null
  alpha_per_side: number
  timing: number[]
  spending: { cum_per_side: number[] }
}

const fx = loadFixture<{ cases: SpendingCase[] }>('reference/boundaries.json')

/**
 * Relative tolerance against the reference. The reference values carry 15 significant digits (5e-15 relative).
 * Pocock, power and HSD are closed forms evaluated with log1p/expm1: observed ≤ 6.5e-15. OBF goes through
 * z = z_{1−a/2}/√t and an upper tail Q(z) whose relative error is amplified ≈ z² times the relative error of z
 * (z ≈ 22 at t = 0.01, a = 0.025): observed 3.4e-13, so 1e-12.
 */
const REL_TOL: Record<SpendingCase['family'], number> = {
  OBF: 1e-12,
  Pocock: 2e-14,
  power: 2e-14,
  HSD: 2e-14
}

describe('spending functions against boundaries.json spending.cum_per_side (R reference)', () => {
  const families = ['OBF', 'Pocock', 'power', 'HSD'] as const
  for (const family of families) {
    const cases = fx.cases.filter((c) => c.family === family)
    test(`${family}: every look of all ${cases.length} cases within ${REL_TOL[family]} relative`, () => {
      expect(cases.length).toBeGreaterThan(0)
      for (const c of cases) {
        const spec = referenceSpending(c)
        c.timing.forEach((t, k) => {
          const want = c.spending.cum_per_side[k] as number
          const got = cumulativeSpend(spec, c.alpha_per_side, t)
          const rel = Math.abs(got - want) / want
          expect(
            rel,
            `${c.id} look ${k + 1} (t = ${t}): got ${got}, expected ${want}`
          ).toBeLessThanOrEqual(REL_TOL[family])
        })
      }
    })
  }

  test('OBF uses the upper tail, as the reference does: the t = 0.1 spend is 1.36125e-12, not 1 − Φ’s 1.36136e-12', () => {
    // shared/reference/README.md, "Tail precision": 2*pnorm(z/sqrt(t), lower.tail = FALSE) at a = 0.025, t = 0.1.
    const c = fx.cases.find((x) => x.id.startsWith('B139_'))
    expect(c, 'case B139 (unequal timing, OBF, one-sided α 0.025)').toBeDefined()
    const want = (c as SpendingCase).spending.cum_per_side[0] as number
    const got = cumulativeSpend({ kind: 'obf' }, 0.025, 0.1)
    expect(Math.abs(got - want) / want).toBeLessThanOrEqual(1e-12)
    expect(got).toBeCloseTo(1.36125e-12, 16)
  })
})

/** The families with the parameters that the sweeps draw from (methods.md §5). */
const specArb: fc.Arbitrary<SpendingSpec> = fc.oneof(
  fc.constant<SpendingSpec>({ kind: 'obf' }),
  fc.constant<SpendingSpec>({ kind: 'pocock' }),
  fc.double({ min: 0.1, max: 5, noNaN: true }).map((rho): SpendingSpec => ({ kind: 'power', rho })),
  fc
    .double({ min: -10, max: 10, noNaN: true })
    // Subnormal γ (0 < |γ| < 2.2e-308) is left out: there a·expm1(−γt) underflows before the division and
    // α*(1) comes out as 0 or 2a (engine defect, reported; e.g. hsd(0.025, 1, γ = 5e-324) = 0).
    .filter((gamma) => gamma === 0 || Math.abs(gamma) >= Number.MIN_VALUE * 2 ** 52)
    .map((gamma): SpendingSpec => ({ kind: 'hsd', gamma }))
)
/** a ∈ (1e-4, 0.5): the per-side error to spend. */
const perSideAlphaArb = fc.double({
  min: 1e-4,
  max: 0.5,
  noNaN: true,
  minExcluded: true,
  maxExcluded: true
})
const show = (s: SpendingSpec): string => JSON.stringify(s)

describe('spending function invariants', () => {
  test('α*(1) = a to 1e-15, α*(0) = 0, and t < 0 spends nothing (all families, fast-check)', () => {
    fc.assert(
      fc.property(specArb, perSideAlphaArb, (spec, a) => {
        const at1 = cumulativeSpend(spec, a, 1)
        expect(Math.abs(at1 - a), `${show(spec)} a=${a}: α*(1) = ${at1}`).toBeLessThanOrEqual(1e-15)
        expect(cumulativeSpend(spec, a, 0)).toBe(0)
        expect(cumulativeSpend(spec, a, -0.5)).toBe(0)
      }),
      { numRuns: 500 }
    )
  })

  test('t > 1 is treated as 1 (all families, fast-check)', () => {
    fc.assert(
      fc.property(
        specArb,
        perSideAlphaArb,
        fc.double({ min: 1, max: 1e6, noNaN: true, minExcluded: true }),
        (spec, a, t) => {
          expect(cumulativeSpend(spec, a, t), `${show(spec)} a=${a} t=${t}`).toBe(
            cumulativeSpend(spec, a, 1)
          )
        }
      ),
      { numRuns: 500 }
    )
  })

  test('monotone non-decreasing in t, within [0, a] (all families, fast-check over a, t pairs, ρ, γ)', () => {
    fc.assert(
      fc.property(
        specArb,
        perSideAlphaArb,
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (spec, a, x, y) => {
          const [t1, t2] = x <= y ? [x, y] : [y, x]
          const f1 = cumulativeSpend(spec, a, t1)
          const f2 = cumulativeSpend(spec, a, t2)
          const ctx = `${show(spec)} a=${a}: α*(${t1}) = ${f1}, α*(${t2}) = ${f2}`
          expect(f1, ctx).toBeLessThanOrEqual(f2)
          expect(f1, ctx).toBeGreaterThanOrEqual(0)
          expect(f2, ctx).toBeLessThanOrEqual(a + 1e-15)
        }
      ),
      { numRuns: 2000 }
    )
  })

  test('a fine grid of t (style example 13): non-decreasing and ends at a', () => {
    const specs: SpendingSpec[] = [
      { kind: 'obf' },
      { kind: 'pocock' },
      { kind: 'power', rho: 0.1 },
      { kind: 'power', rho: 5 },
      { kind: 'hsd', gamma: -10 },
      { kind: 'hsd', gamma: 0 },
      { kind: 'hsd', gamma: 10 }
    ]
    for (const spec of specs) {
      for (const a of [1e-4, 0.001, 0.025, 0.05, 0.1, 0.4999]) {
        let prev = 0
        for (let i = 1; i <= 1000; i++) {
          const f = cumulativeSpend(spec, a, i / 1000)
          expect(f, `${show(spec)} a=${a} t=${i / 1000}`).toBeGreaterThanOrEqual(prev)
          prev = f
        }
        expect(Math.abs(prev - a)).toBeLessThanOrEqual(1e-15)
      }
    }
  })

  test('HSD with γ = 0 is a·t exactly, and γ → 0 approaches it continuously', () => {
    for (const a of [0.001, 0.025, 0.05]) {
      for (const t of [0, 0.01, 0.25, 1 / 3, 0.5, 0.9, 1]) {
        expect(SPENDING.hsd(a, t, { kind: 'hsd', gamma: 0 })).toBe(a * t)
        for (const gamma of [1e-12, -1e-12]) {
          const f = SPENDING.hsd(a, t, { kind: 'hsd', gamma })
          expect(Math.abs(f - a * t), `γ=${gamma} a=${a} t=${t}`).toBeLessThanOrEqual(1e-12 * a)
        }
      }
    }
  })

  test('power ρ = 1 and HSD γ → 0 agree (both a·t); power ρ = 2 is a·t²', () => {
    for (const t of [0.1, 0.4, 0.77]) {
      expect(cumulativeSpend({ kind: 'power', rho: 1 }, 0.025, t)).toBe(0.025 * t)
      expect(cumulativeSpend({ kind: 'power', rho: 2 }, 0.025, t)).toBeCloseTo(0.025 * t * t, 17)
    }
  })
})

describe('parseSpendingSpec (the CLI form obf | pocock | power:RHO | hsd:GAMMA)', () => {
  test.each([
    ['obf', { kind: 'obf' }],
    ['pocock', { kind: 'pocock' }],
    ['power:2', { kind: 'power', rho: 2 }],
    ['power:0.5', { kind: 'power', rho: 0.5 }],
    ['hsd:-4', { kind: 'hsd', gamma: -4 }],
    ['hsd:1', { kind: 'hsd', gamma: 1 }],
    [' OBF ', { kind: 'obf' }],
    ['Pocock', { kind: 'pocock' }]
  ])('accepts %j', (text, want) => {
    expect(parseSpendingSpec(text)).toEqual(want)
  })

  test.each([
    '',
    'junk',
    'obrien',
    'obf:1',
    'pocock:2',
    'power',
    'power:',
    'power:abc',
    'power:Infinity',
    'power:NaN',
    'hsd',
    'hsd:',
    'hsd:-4:1',
    'hsd:x',
    ':2'
  ])('rejects %j', (text) => {
    expect(parseSpendingSpec(text)).toBeNull()
  })
})
