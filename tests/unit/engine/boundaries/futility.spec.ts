/**
 * Futility designs (methods.md §7): design-style β-spending (binding / non-binding) against gsDesign at r = 80, rpact
 * and RTSA (shared/reference/futility.json, copied to tests/fixtures/reference with its provenance), the CTU inner
 * wedge's convention, and properties of every design: the β actually spent, futility ≤ efficacy, R ≥ 1, binding α,
 * JSON-safe output.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  computeBoundaries,
  cumulativeSpend,
  exitProbabilities,
  inflationFactor,
  normalUpperQuantile,
  solveAlphaBoundaries,
  solveAlphaBoundariesLd98,
  type BoundaryRequest,
  type BoundaryResult,
  type FutilityKind,
  type SpendingSpec
} from '@engine'
import {
  expectClose,
  loadFixture,
  referenceNumber,
  referenceSpending
} from '../../../helpers/fixtures'

// ---- fixture -----------------------------------------------------------------------------------------------------

type RefNumber = number | string | null

interface FutilityCase {
  id: string
  K: number
  timing: number[]
  alpha: number
  beta: number
  sides: 1 | 2
  alpha_spending: { family: 'OBF' | 'Pocock' | 'power' | 'HSD'; param: number | null }
  beta_spending: { family: 'OBF' | 'Pocock' | 'power' | 'HSD'; param: number | null }
  binding: boolean
  z_alpha_plus_z_beta: number
  reference: {
    upper?: number[]
    lower?: number[]
    inflation_factor?: number
    drift?: number
    call?: string
    error?: string
  }
  rpact: {
    upper: number[]
    futility: RefNumber[]
    inflation_factor: number
    drift: number
    call: string
  }
  RTSA: {
    upper: number[]
    futility_lower: RefNumber[] | null
    futility_upper: RefNumber[] | null
    inflation_factor: number
    drift: number
    call: string
  }
}

const fx = loadFixture<{ cases: FutilityCase[] }>('reference/futility.json')
const oneSided = fx.cases.filter((c) => c.sides === 1)
const twoSided = fx.cases.filter((c) => c.sides === 2)

function requestOf(c: FutilityCase): BoundaryRequest {
  return {
    informationFractions: c.timing,
    alpha: c.alpha,
    sides: c.sides,
    spending: referenceSpending(c.alpha_spending),
    beta: c.beta,
    betaSpending: referenceSpending(c.beta_spending),
    futility: c.binding ? 'binding' : 'nonBinding',
    engine: 'precise'
  }
}

function design(req: BoundaryRequest, context = JSON.stringify(req)): BoundaryResult {
  const r = computeBoundaries(req)
  expect(r.ok, `${context}: ${JSON.stringify(r)}`).toBe(true)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A DTO bound back on the Z scale: null is "cannot be crossed" (±∞ on the given side). */
const upperOf = (d: BoundaryResult): number[] => d.looks.map((l) => l.upper ?? Infinity)
const futilityOf = (d: BoundaryResult): number[] => d.looks.map((l) => l.futilityUpper ?? -Infinity)

const num = (x: number | null, context: string): number => {
  expect(x, `${context} should be a number`).not.toBeNull()
  return x as number
}

// ---- one-sided designs vs the high-accuracy reference ------------------------------------------------------------

/** The brief's acceptance tolerance for bounds; observed: ≤ 1.1e-6 (and 1.1e-5 at the one look noted below). */
const ONE_SIDED_BOUND_TOL = 1e-4
/** Inflation factor; observed ≤ 7.2e-7. */
const ONE_SIDED_IF_TOL = 1e-5
/** Agreement with rpact (typically within 1e-8 of the truth, README): observed ≤ 1.4e-6 (bounds), 2.2e-7 (R). */
const RPACT_TOL = 5e-6

/**
 * The reference (gsDesign, r = 80) computes the OBF spend as 2(1 − Φ(·)), which cancels catastrophically for tiny
 * spends: at a first look t = 0.1 with OBF α-spending its bound is 1.1e-5 too low (reference README, "Tail
 * precision"; cases F08/F09). rpact uses the upper tail directly and is right there, as is our erfc-based spending,
 * so that look is compared with rpact.
 */
const referenceIsOffAt = (c: FutilityCase, k: number): boolean =>
  k === 0 && c.timing[0] === 0.1 && c.alpha_spending.family === 'OBF'

describe('one-sided β-spending designs vs gsDesign at r = 80 (reference) and rpact', () => {
  test('the fixture has the 19 one-sided cases, each with a reference', () => {
    expect(oneSided.length).toBe(19)
    for (const c of oneSided) expect(c.reference.upper, c.id).toBeDefined()
  })

  for (const c of oneSided) {
    test(`${c.id}: efficacy and futility bounds within 1e-4, R within 1e-5 (${c.rpact.call})`, () => {
      const d = design(requestOf(c), c.id)
      const ref = c.reference
      expect(d.looks.length).toBe(c.K)
      d.looks.forEach((look, k) => {
        const upper = num(look.upper, `${c.id} upper ${k + 1}`)
        const wantUpper = referenceIsOffAt(c, k)
          ? (c.rpact.upper[k] as number)
          : ((ref.upper as number[])[k] as number)
        expectClose(upper, wantUpper, ONE_SIDED_BOUND_TOL, `${c.id} upper look ${k + 1}`)
        expectClose(
          look.futilityUpper,
          (ref.lower as number[])[k] as number,
          ONE_SIDED_BOUND_TOL,
          `${c.id} futility look ${k + 1}`
        )
        expect(look.futilityLower, 'one-sided designs have no lower futility bound').toBeNull()
        expect(look.lower).toBeNull()
      })
      expectClose(
        d.inflationFactor,
        ref.inflation_factor as number,
        ONE_SIDED_IF_TOL,
        `${c.id} inflation factor`
      )
    })

    test(`${c.id}: agrees with rpact to 5e-6 (bounds) and R (${c.binding ? 'binding' : 'non-binding'})`, () => {
      const d = design(requestOf(c), c.id)
      d.looks.forEach((look, k) => {
        expectClose(look.upper, c.rpact.upper[k] as number, RPACT_TOL, `${c.id} upper ${k + 1}`)
        // rpact lists the K − 1 interim futility bounds; the final one equals the final efficacy bound
        const want =
          k < c.K - 1 ? referenceNumber(c.rpact.futility[k]) : (c.rpact.upper[k] as number)
        expectClose(look.futilityUpper, want, RPACT_TOL, `${c.id} futility ${k + 1}`)
      })
      expectClose(d.inflationFactor, c.rpact.inflation_factor, RPACT_TOL, `${c.id} R vs rpact`)
    })
  }
})

// ---- two-sided inner wedges vs RTSA (and the documented disagreement with rpact) --------------------------------

/**
 * Tolerances against RTSA 0.2.2, whose own numerics limit the agreement:
 *  - non-binding: RTSA integrates on gsDesign's r = 18 grid but centres it at δ·√Δt instead of δ·√t (`z_n_w` is
 *    called with sd_incr), which moves its efficacy bounds by up to ~1e-6 (1.4e-6 here; rpact agrees with us to 7e-8),
 *    and solves R with uniroot(tol = 1e-6). Observed: 1.4e-6 (bounds), 2e-7 (futility), 2.7e-7 (R). Tolerance 5e-6.
 *  - binding: RTSA alternates efficacy and futility solves until |2·P₀(cross upper) − α| ≤ 1e-6, with P₀ from its
 *    approximate two-region routine `ma_power`; a residual of 5e-7 per side moves the final bound by ≈ 5e-7/φ(1.96)
 *    ≈ 1e-5. It also reports R from a power root (`right_power`) rather than the meeting point. Observed: 6.8e-6
 *    (bounds), 9.6e-6 (R). Tolerance 2e-5.
 */
const RTSA_TOL_NON_BINDING = 5e-6
const RTSA_TOL_BINDING = 2e-5

describe('two-sided inner wedges: RTSA 0.2.2 boundaries() convention', () => {
  test('the fixture has the 5 two-sided cases', () => expect(twoSided.length).toBe(5))

  for (const c of twoSided) {
    const tol = c.binding ? RTSA_TOL_BINDING : RTSA_TOL_NON_BINDING
    test(`${c.id}: bounds, wedge and R within ${tol} of RTSA (${c.RTSA.call})`, () => {
      const d = design(requestOf(c), c.id)
      d.looks.forEach((look, k) => {
        expectClose(look.upper, c.RTSA.upper[k] as number, tol, `${c.id} upper ${k + 1}`)
        expectClose(look.lower, -(c.RTSA.upper[k] as number), tol, `${c.id} lower ${k + 1}`)
        const wantUpper = (c.RTSA.futility_upper as RefNumber[])[k] ?? null
        const wantLower = (c.RTSA.futility_lower as RefNumber[])[k] ?? null
        if (wantUpper === null) {
          // RTSA's NA: no futility stop at this look (its β-spending was moved to the next look)
          expect(look.futilityUpper, `${c.id} look ${k + 1} has no futility stop`).toBeNull()
          expect(look.futilityLower).toBeNull()
        } else {
          expectClose(
            look.futilityUpper,
            referenceNumber(wantUpper),
            tol,
            `${c.id} wedge+ ${k + 1}`
          )
          expectClose(
            look.futilityLower,
            referenceNumber(wantLower),
            tol,
            `${c.id} wedge− ${k + 1}`
          )
        }
      })
      expectClose(d.inflationFactor, c.RTSA.inflation_factor, tol, `${c.id} R vs RTSA`)
      expect(d.futilityConvention).toMatch(/RTSA/)
    })

    test(`${c.id}: rpact's two-sided β-spending (experimental) differs, as the README documents`, () => {
      // rpact stops for futility only inside the wedge |Z| < a_k, RTSA (and we) below a_k: other bounds and R.
      // README: up to 0.137 in the bounds and 1% in R. Here each case differs by > 0.01 somewhere in the wedge.
      const d = design(requestOf(c), c.id)
      let maxDiff = 0
      for (let k = 0; k < c.K - 1; k++) {
        const theirs = referenceNumber(c.rpact.futility[k])
        const ours = d.looks[k]?.futilityUpper ?? null
        if (Number.isFinite(theirs) && ours !== null) {
          maxDiff = Math.max(maxDiff, Math.abs(ours - theirs))
        }
      }
      expect(maxDiff, `${c.id}: max |wedge − rpact|`).toBeGreaterThan(0.01)
      expect(maxDiff).toBeLessThan(0.14)
      expect(Math.abs((d.inflationFactor as number) - c.rpact.inflation_factor)).toBeGreaterThan(
        1e-4
      )
    })
  }

  test('RTSA convention for binding wedges: the exact two-region α exceeds α/2 per side only slightly', () => {
    // The efficacy bounds of a binding two-sided design are computed (as RTSA does) as if every path below a_k
    // stopped; in the wedge design paths in (−b_k, −a_k) continue and may still cross +b later. Quantified here
    // with the exact two-region recursion: F17b 0.025030, F18b 0.025179 per side (α/2 = 0.025).
    for (const c of twoSided.filter((x) => x.binding)) {
      const d = design(requestOf(c), c.id)
      const t = c.timing
      const exits = exitProbabilities(
        {
          informationFractions: t,
          upper: d.looks.map((l) => l.upper as number),
          lower: d.looks.map((l) => l.lower as number),
          wedge: d.looks.map((l, k) => (k < t.length - 1 ? (l.futilityUpper ?? 0) : 0))
        },
        0
      )
      const perSide = exits.upper.reduce((s, p) => s + p, 0)
      expect(perSide, c.id).toBeGreaterThan(c.alpha / 2)
      expect(perSide, c.id).toBeLessThan(c.alpha / 2 + 2e-4)
    }
  })
})

// ---- properties of design-style futility -------------------------------------------------------------------------

const equalLooks = (K: number): number[] => Array.from({ length: K }, (_, i) => (i + 1) / K)

/** 2–6 looks ending at 1, every increment at least 1/60 of the total. */
const timingArb = fc
  .array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: 2, maxLength: 6 })
  .map((w) => {
    const total = w.reduce((s, x) => s + x, 0)
    let acc = 0
    return w.map((x, i) => {
      acc += x
      return i === w.length - 1 ? 1 : acc / total
    })
  })

const specArb: fc.Arbitrary<SpendingSpec> = fc.oneof(
  fc.constant<SpendingSpec>({ kind: 'obf' }),
  fc.constant<SpendingSpec>({ kind: 'pocock' }),
  fc
    .double({ min: 0.75, max: 4, noNaN: true })
    .map((rho): SpendingSpec => ({ kind: 'power', rho })),
  fc
    .double({ min: -4, max: 3, noNaN: true })
    // subnormal γ excluded: HSD's expm1 ratio underflows (spending.spec.ts) and may spend all of β before t = 1
    .filter((gamma) => gamma === 0 || Math.abs(gamma) >= 2.2250738585072014e-308)
    .map((gamma): SpendingSpec => ({ kind: 'hsd', gamma }))
)

const designArb = fc.record({
  informationFractions: timingArb,
  sides: fc.constantFrom<1 | 2>(1, 2),
  alpha: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
  spending: specArb,
  betaSpending: specArb,
  futility: fc.constantFrom<FutilityKind>('nonBinding', 'binding')
})

const PROPERTY_RUNS = 25

/** The β-spending function's cumulative value per look, with RTSA's deferral: nothing before the first futility look. */
function expectedBetaCumulative(req: BoundaryRequest, d: BoundaryResult): number[] {
  const t = req.informationFractions
  const first = d.looks.findIndex((l) => l.futilityUpper !== null)
  return t.map((tk, k) =>
    k < first ? 0 : cumulativeSpend(req.betaSpending as SpendingSpec, req.beta as number, tk)
  )
}

/** The drift under which β is spent: θ = θ_F·√R. */
const driftOf = (req: BoundaryRequest, d: BoundaryResult): number =>
  (normalUpperQuantile(req.alpha / req.sides) + normalUpperQuantile(req.beta as number)) *
  Math.sqrt(d.inflationFactor as number)

describe('properties of β-spending designs (fast-check)', () => {
  test('the β actually spent under θ = θ_F·√R equals the β-spending function at every look (1e-6)', () => {
    fc.assert(
      fc.property(designArb, (req) => {
        const d = design({ ...req, engine: 'precise' })
        const t = req.informationFractions
        // The futility region the bounds were computed with: Z_k < a_k stops (RTSA's convention for two sides too).
        const exits = exitProbabilities(
          {
            informationFractions: t,
            upper: upperOf(d),
            lower: futilityOf(d)
          },
          driftOf(req, d)
        )
        const want = expectedBetaCumulative(req, d)
        let spent = 0
        exits.lower.forEach((p, k) => {
          spent += p
          expectClose(spent, want[k] as number, 1e-6, `β spent by look ${k + 1}`)
        })
        expectClose(spent, req.beta as number, 1e-6, 'the whole β by the last look')
      }),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('futility ≤ efficacy, a_K = b_K, R ≥ 1, two-sided wedges symmetric and positive, JSON-safe', () => {
    fc.assert(
      fc.property(designArb, (req) => {
        const d = design({ ...req, engine: 'precise' })
        const K = d.looks.length
        expect(d.inflationFactor as number).toBeGreaterThanOrEqual(1 - 1e-9)
        d.looks.forEach((l, k) => {
          if (l.futilityUpper !== null && l.upper !== null) {
            expect(l.futilityUpper).toBeLessThanOrEqual(l.upper + 1e-12)
          }
          if (req.sides === 1) expect(l.futilityLower).toBeNull()
          else {
            expect(l.futilityLower).toBe(l.futilityUpper === null ? null : -l.futilityUpper)
            if (l.futilityUpper !== null) expect(l.futilityUpper).toBeGreaterThanOrEqual(0)
          }
          if (k === K - 1) expect(l.futilityUpper).toBe(l.upper)
        })
        expect(JSON.parse(JSON.stringify(d))).toEqual(d)
      }),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('binding designs: the H0 exit probabilities across the efficacy bounds equal the α spend (1e-8)', () => {
    fc.assert(
      fc.property(designArb, (req) => {
        const d = design({ ...req, futility: 'binding', engine: 'precise' })
        const t = req.informationFractions
        const exits = exitProbabilities(
          {
            informationFractions: t,
            upper: upperOf(d),
            lower: futilityOf(d)
          },
          0
        )
        const perSide = req.alpha / req.sides
        t.forEach((tk, k) => {
          const before = k === 0 ? 0 : cumulativeSpend(req.spending, perSide, t[k - 1] as number)
          const increment = cumulativeSpend(req.spending, perSide, tk) - before
          expectClose(exits.upper[k], increment, 1e-8, `α spent at look ${k + 1}`)
          expectClose(
            d.looks[k]?.alphaSpent,
            req.sides * cumulativeSpend(req.spending, perSide, tk),
            1e-12,
            'alphaSpent'
          )
        })
      }),
      { numRuns: PROPERTY_RUNS }
    )
  })

  test('non-binding designs keep the efficacy bounds of the same design without futility (either engine)', () => {
    for (const engine of ['tsa', 'precise'] as const) {
      for (const sides of [1, 2] as const) {
        const base: BoundaryRequest = {
          informationFractions: [0.2, 0.45, 0.7, 1],
          alpha: 0.05,
          sides,
          spending: { kind: 'obf' },
          engine
        }
        const plain = design(base)
        const withFutility = design({ ...base, futility: 'nonBinding', beta: 0.2 })
        withFutility.looks.forEach((l, k) => expect(l.upper).toBe(plain.looks[k]?.upper))
        expect(plain.inflationFactor).toBeNull()
        expect(withFutility.inflationFactor as number).toBeGreaterThan(1)
      }
    }
  })

  test('binding designs use the precise recursion for the efficacy bounds with either engine (said so)', () => {
    const base: BoundaryRequest = {
      informationFractions: [1 / 3, 2 / 3, 1],
      alpha: 0.025,
      sides: 1,
      spending: { kind: 'obf' },
      beta: 0.1,
      futility: 'binding'
    }
    const tsa = design({ ...base, engine: 'tsa' })
    const precise = design({ ...base, engine: 'precise' })
    tsa.looks.forEach((l, k) => expect(l.upper).toBe(precise.looks[k]?.upper))
    expect(tsa.futilityConvention).toMatch(/precise engine/)
  })

  test('a schedule ending before t = 1 gives the first looks of the design that ends at t = 1', () => {
    for (const futility of ['nonBinding', 'binding', 'tsaWedge'] as const) {
      const base: BoundaryRequest = {
        informationFractions: [0.25, 0.5, 0.75, 1],
        alpha: 0.05,
        sides: 2,
        spending: { kind: 'obf' },
        beta: 0.1,
        futility,
        engine: 'precise'
      }
      const full = design(base)
      const partial = design({ ...base, informationFractions: [0.25, 0.5, 0.75] })
      expect(partial.looks).toEqual(full.looks.slice(0, 3))
      expect(partial.inflationFactor).toBe(full.inflationFactor)
    }
  })

  test('100 equally spaced looks (the futility.precise.k100 benchmark design): sane and spends β', () => {
    const req: BoundaryRequest = {
      informationFractions: equalLooks(100),
      alpha: 0.025,
      sides: 1,
      spending: { kind: 'obf' },
      beta: 0.1,
      futility: 'nonBinding',
      betaSpending: { kind: 'obf' },
      engine: 'precise'
    }
    const d = design(req)
    // R converges to 1.170532 as the grid is refined (panel 0.5 → 0.125 σ); the default grid is 1.1e-5 above it.
    expectClose(d.inflationFactor, 1.170532, 2e-5, 'R, 100 looks')
    const exits = exitProbabilities(
      {
        informationFractions: req.informationFractions,
        upper: upperOf(d),
        lower: futilityOf(d)
      },
      driftOf(req, d)
    )
    // the K = 100 recursion conserves probability to ~1e-5 (as the α bounds' accuracy at K = 100)
    expectClose(
      exits.upper.reduce((s, p) => s + p, 0),
      0.9,
      2e-5,
      'power 1 − β'
    )
    const upper = upperOf(d)
    futilityOf(d).forEach((a, k) => expect(a).toBeLessThanOrEqual(upper[k] as number))
  })
})

// ---- the CTU inner wedge -----------------------------------------------------------------------------------------

describe("tsaWedge: the CTU program's inner wedge, meeting the efficacy bound at t = 1", () => {
  const designs: { label: string; req: BoundaryRequest }[] = [
    {
      label: 'OBF 4 equal looks, 2-sided α 0.05, β 0.2',
      req: {
        informationFractions: equalLooks(4),
        alpha: 0.05,
        sides: 2,
        spending: { kind: 'obf' },
        beta: 0.2
      }
    },
    {
      label: 'TSA-like irregular looks, 2-sided α 0.05, β 0.1',
      req: {
        informationFractions: [0.0212, 0.0668, 0.133, 0.1823, 0.2156, 0.4, 1],
        alpha: 0.05,
        sides: 2,
        spending: { kind: 'obf' },
        beta: 0.1
      }
    },
    {
      label: 'OBF 10 equal looks, 1-sided α 0.025, β 0.1',
      req: {
        informationFractions: equalLooks(10),
        alpha: 0.025,
        sides: 1,
        spending: { kind: 'obf' },
        beta: 0.1
      }
    },
    {
      label: 'RIS not reached (last look t = 0.6), 2-sided α 0.01, β 0.2',
      req: {
        informationFractions: [0.1, 0.3, 0.6],
        alpha: 0.01,
        sides: 2,
        spending: { kind: 'obf' },
        beta: 0.2
      }
    }
  ]

  for (const { label, req } of designs) {
    for (const engine of ['tsa', 'precise'] as const) {
      test(`${label} (${engine}): wedge = za_k + θ_W√t_k, positive or null, meets b at t = 1`, () => {
        const d = design({ ...req, futility: 'tsaWedge', engine })
        const t = [...req.informationFractions]
        if (t[t.length - 1] !== 1) t.push(1)
        const perSide = req.alpha / req.sides
        const efficacy =
          engine === 'tsa'
            ? solveAlphaBoundariesLd98(t, perSide, req.sides, req.spending)
            : solveAlphaBoundaries(t, perSide, req.sides, req.spending)
        // null process: symmetric bounds each side spending 2 − 2Φ(z_{1−β/2}/√t) (the full β), under H0
        const nullProcess = solveAlphaBoundaries(t, req.beta as number, 2, { kind: 'obf' })
        const K = t.length
        const thetaW = (efficacy.upper[K - 1] as number) + (nullProcess.upper[K - 1] as number)
        expect(d.futilityConvention).toMatch(/^ctu-wedge: meets the efficacy boundary at t = 1/)
        d.looks.forEach((l, k) => {
          expect(l.upper).toBe(efficacy.upper[k])
          const w = -(nullProcess.upper[k] as number) + thetaW * Math.sqrt(t[k] as number)
          if (w > 0) {
            expectClose(
              l.futilityUpper,
              Math.min(w, efficacy.upper[k] as number),
              1e-12,
              `wedge ${k + 1}`
            )
            expect(l.futilityUpper as number).toBeGreaterThan(0)
          } else {
            expect(l.futilityUpper, `look ${k + 1}: no wedge where it would be ≤ 0`).toBeNull()
          }
          expect(l.futilityLower).toBe(
            req.sides === 2 && l.futilityUpper !== null ? -l.futilityUpper : null
          )
        })
        const last = d.looks[d.looks.length - 1]
        if (req.informationFractions[req.informationFractions.length - 1] === 1 && last) {
          expectClose(last.futilityUpper, last.upper as number, 1e-12, 'the wedge meets b at t = 1')
        }
        // R: that of the efficacy boundaries alone (the wedge is non-binding and has no power condition)
        const R = inflationFactor(
          {
            informationFractions: t,
            upper: efficacy.upper,
            lower: efficacy.upper.map((b) => (req.sides === 2 ? -b : -Infinity))
          },
          req.alpha,
          req.sides,
          req.beta as number
        )
        expectClose(d.inflationFactor, R.inflationFactor, 1e-12, 'R of the efficacy bounds')
        expect(JSON.parse(JSON.stringify(d))).toEqual(d)
      })
    }
  }

  test('random designs: wedge positive or null, below the efficacy bound, JSON-safe (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          informationFractions: timingArb,
          sides: fc.constantFrom<1 | 2>(1, 2),
          alpha: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
          beta: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
          engine: fc.constantFrom<'tsa' | 'precise'>('tsa', 'precise')
        }),
        (r) => {
          const d = design({ ...r, spending: { kind: 'obf' }, futility: 'tsaWedge' })
          for (const l of d.looks) {
            if (l.futilityUpper !== null) {
              expect(l.futilityUpper).toBeGreaterThan(0)
              expect(l.futilityUpper).toBeLessThanOrEqual(l.upper ?? Infinity)
            }
          }
          // ld98 matches each look's spend only to an absolute 1e-7 (its search tolerance), so with the `tsa` engine a
          // design that is almost a fixed-sample test (R → 1) can come out at R = 1 − 1e-6 (1 − 2e-5 at α = 0.001).
          expect(d.inflationFactor as number).toBeGreaterThanOrEqual(
            1 - (r.engine === 'tsa' ? 1e-4 : 1e-9)
          )
          expect(JSON.parse(JSON.stringify(d))).toEqual(d)
        }
      ),
      { numRuns: PROPERTY_RUNS }
    )
  })
})
