/**
 * runTsa (the full TSA) against RTSA 0.2.2 (tests/fixtures/reference/rtsa.json `cases[]`): every RTSA() analysis run
 * that completed, outcome RR or MD (no OR analysis run was recorded; RD analyses always fail inside RTSA), with RTSA's
 * conventions expressed through runTsa's options:
 *
 *   RTSA convention                                            our option (this file)
 *   fixed effect Mantel–Haenszel; Q (and DL's τ²) centred on   fixedMethod 'MH', heterogeneityCentre 'inverseVariance'
 *   the IV estimate (rtsa.spec.ts in metaAnalysis)             (both models; RTSA switches to fixed when τ² = 0)
 *   random effects DL, re_method DL_HKSJ (binary); for MD      model 'random', hksj true for RR, false for MD
 *   RTSA uses plain DL
 *   cont_vartype "equal" (pooled-SD MD variance)               mdVariance 'pooled' ("non-equal": 'unequal')
 *   0.5 added to events, 1 to each arm of a zero-cell trial    zeroEvents constant 0.5 per cell (our default 0.25)
 *   double-zero trials dropped                                 our default
 *   boundaries by Jennison–Turnbull r = 18                     boundaryEngine 'precise' (our default is 'tsa')
 *   sequential inflation of the RIS (power_adj)               ris.sequentialInflation true
 *   no test at looks adding ≤ 1% information, nor before 1%   minimumLookIncrement 0.01, minimumLookFraction 0.01
 *   random_adj D2: D² = 1 − V_F/V_R with V_R the HKSJ variance heterogeneity { user, value: RTSA's D² } computed from
 *                                                              our own meta-analysis (our D² uses the DL variance)
 *   random_adj I2                                              heterogeneity { inconsistency }
 *   random_adj tau2 (default): HARIS = acquired + participants ris.mode 'manual' with acquired + our own
 *   of the minimum number of further trials (minTrial)         furtherTrials design; for MD with RTSA's halved
 *                                                              participants per trial (see the RIS test)
 *
 * Orientation: the outcomes are harmful (fewer events / lower values = benefit), so our Z = −RTSA's Z and our upper
 * (benefit) boundary is RTSA's |lower| = upper (symmetric designs).
 *
 * Comparisons skipped, with the reason:
 *   - Boundaries, CIs and R of the two-sided binding-futility design: RTSA's two-sided beta spending is its own
 *     method (shared/reference/README.md, futility.json: R differs by up to 1%); here R 1.11357 vs ours 1.11519.
 *   - Everything that depends on the RIS where RTSA's is not reproducible: sd_mc "from data" (RTSA's fixed RIS is
 *     9 participants) and a τ² design RTSA gives with negative participants per trial (HARIS below the acquired).
 *   - Looks where RTSA reports its sentinel 20 (incremental spend < 1e-9; the true bound is finite): ours is the
 *     true bound (> 4) or null when it is ≥ 20 (toZValue); no CI there.
 *   - Random-effects Z / CI at looks with τ² = 0 and at look 1: RTSA reports the fixed-effect (MH) numbers there.
 *   - One-sided conclusions (see the last test).
 */
import { analysisSchema, monitoringSchema } from '../../../../src/shared/projectFile'
import { afterAll, describe, expect, test } from 'vitest'
import { runTsa } from '../../../../src/engine/analysis/runTsa'
import type { TsaInput, TsaResult, TsaTrialInput } from '../../../../src/engine/analysis/types'
import { cumulativeMetaAnalysis, metaAnalysis } from '../../../../src/engine/metaAnalysis'
import type { CumulativeLook, MetaTrial } from '../../../../src/engine/metaAnalysis/types'
import { loadFixture } from '../../../helpers/fixtures'

type Column = (number | null)[]

interface RtsaCase {
  id: string
  data: string | null
  error?: string
  args: Record<string, unknown>
  settings: {
    fixed: boolean
    re_method: string
    random_adj: 'tau2' | 'D2' | 'I2'
    cont_vartype: string
    side: 1 | 2
    alpha: number
    beta: number
    futility: 'none' | 'non-binding' | 'binding'
    es_alpha: string
    es_beta: string | null
    mc: number
    sd_mc: number | null
    Pax?: { pC?: number; subjects?: number[] }
  }
  ris: {
    NR_tau?: {
      NR_tau: {
        minTrial: number
        nPax: { rows: { Trials: number[]; 'Pax per trial': number[]; 'Total nr of pax': number[] } }
      }
      NR_tau_full: number
    }
  }
  results: {
    AIS: number
    RIS: number
    SMA_RIS: number
    HARIS: number | null
    SMA_HARIS: number | null
    results_df: Record<string, Column>
    seq_inf: { stop_time: number | null; stop_direction: string | null }
  }
  bounds: { root: number }
  metaanalysis: { synthesize: { U: number[] } }
  printed: string[]
}

interface RtsaFile {
  datasets: Record<string, Record<string, (number | string)[]>>
  cases: RtsaCase[]
}

const RTSA = loadFixture<RtsaFile>('reference/rtsa.json')

const Z_TOL = 1e-6
const FRACTION_TOL = 1e-4 // relative: RTSA divides by the ceil()ed HARIS, we by the unrounded ceil(RIS_F)·AF
const BOUND_TOL = 1e-3
const CI_TOL = 1e-3 // relative on the ratio scale
const R_TOL = 1e-3
const AFTER_SENTINEL_TOL = 1e-2

/**
 * Cases whose look schedule differs from RTSA's: the 1-based look where it first differs and why. None since runTsa
 * measures the 1% rule as RTSA does (against the preceding look, tested or not, on the uninflated HARIS); the test
 * checks this list is exact, so a change in runTsa's look rule shows up here.
 */
const SCHEDULE_DIFFERS: Record<string, { look: number; why: string }> = {}

function datasetTrials(name: string): TsaTrialInput[] {
  const d = RTSA.datasets[name] as Record<string, (number | string)[]>
  const at = (key: string, i: number): number => (d[key] as number[])[i] as number
  return (d['nI'] as number[]).map((_, i) => {
    const name = String((d['study'] as string[] | undefined)?.[i] ?? `study ${i + 1}`)
    return 'mI' in d
      ? {
          name,
          meanIntervention: at('mI', i),
          sdIntervention: at('sdI', i),
          totalIntervention: at('nI', i),
          meanControl: at('mC', i),
          sdControl: at('sdC', i),
          totalControl: at('nC', i)
        }
      : {
          name,
          eventsIntervention: at('eI', i),
          totalIntervention: at('nI', i),
          eventsControl: at('eC', i),
          totalControl: at('nC', i)
        }
  })
}

const spending = (es: string | null): { kind: 'obf' } | { kind: 'pocock' } =>
  es === 'esPoc' ? { kind: 'pocock' } : { kind: 'obf' }

/** RTSA's conventions as runTsa options (see the header); the RIS heterogeneity part is filled in by the caller. */
function rtsaInput(c: RtsaCase, data: string): TsaInput {
  const s = c.settings
  const md = c.args['outcome'] === 'MD'
  const trials = datasetTrials(data)
  // RTSA estimates P_C from the trials it analyses (a double-zero trial is dropped first); ours counts every
  // complete trial (methods.md §4), so P_C is passed as a number computed over the trials RTSA keeps.
  const kept = trials.filter((t) => (t.eventsIntervention ?? 0) + (t.eventsControl ?? 0) > 0)
  const pc =
    kept.reduce((a, t) => a + (t.eventsControl ?? 0), 0) /
    kept.reduce((a, t) => a + (t.totalControl ?? 0), 0)
  return {
    outcome: { type: md ? 'continuous' : 'dichotomous', direction: 'harmful' },
    trials,
    analysis: {
      measure: md ? 'MD' : 'RR',
      model: s.fixed ? 'fixed' : 'random',
      fixedMethod: 'MH',
      heterogeneityCentre: 'inverseVariance',
      mdVariance: s.cont_vartype === 'equal' ? 'pooled' : 'unequal',
      tau2Method: 'DL',
      hksj: !md && s.re_method === 'DL_HKSJ',
      zeroEvents: { method: 'constant', value: 0.5, includeDoubleZero: false },
      ctuCompatibility: false,
      confidenceLevel: 0.95
    },
    monitoring: {
      alpha: s.alpha,
      sides: s.side,
      beta: s.beta,
      alphaSpending: spending(s.es_alpha),
      betaSpending: spending(s.es_beta),
      minimumLookIncrement: 0.01,
      minimumLookFraction: 0.01,
      futility:
        s.futility === 'binding' ? 'binding' : s.futility === 'non-binding' ? 'nonBinding' : 'none',
      boundaryEngine: 'precise',
      informationAxis: 'participants',
      ris: {
        mode: 'formula',
        ...(md
          ? {
              difference: Math.abs(s.mc),
              variance: s.sd_mc !== null ? s.sd_mc ** 2 : { from: 'data' }
            }
          : { controlRisk: pc, relativeRiskReduction: 1 - s.mc }),
        heterogeneity: { kind: 'none' },
        manual: null,
        sequentialInflation: true
      },
      lil: { enabled: false, lambda: 2 }
    }
  }
}

/** The meta-analysis options runTsa derives from the input (for quantities runTsa does not report per look). */
function metaOptions(input: TsaInput): Parameters<typeof metaAnalysis>[1] {
  const a = input.analysis
  return {
    measure: a.measure,
    model: a.model,
    fixedMethod: a.fixedMethod,
    tau2Method: a.tau2Method,
    hksj: a.hksj,
    zeroEvents: a.zeroEvents,
    ...(a.heterogeneityCentre !== undefined ? { heterogeneityCentre: a.heterogeneityCentre } : {}),
    ...(a.mdVariance !== undefined ? { mdVariance: a.mdVariance } : {})
  }
}

/** RTSA's D² = 1 − V_F/V_R with V_R the HKSJ-adjusted random-effects variance, from our own meta-analysis. */
function rtsaStyleD2(input: TsaInput): number {
  const fit = metaAnalysis(input.trials as unknown as MetaTrial[], metaOptions(input))
  if (!fit.ok) throw new Error(fit.error.message)
  return 1 - 1 / fit.value.information / fit.value.random.variance
}

const analysed = RTSA.cases.filter(
  (c) =>
    c.error === undefined &&
    c.data !== null &&
    (c.args['outcome'] === 'RR' || c.args['outcome'] === 'OR' || c.args['outcome'] === 'MD')
)

const worst = new Map<string, Record<string, number>>()
function track(id: string, what: string, dev: number): void {
  const row = worst.get(id) ?? {}
  row[what] = Math.max(row[what] ?? 0, dev)
  worst.set(id, row)
}
afterAll(() => {
  const lines = [...worst].map(
    ([id, row]) =>
      `${id.padEnd(52)} ${Object.entries(row)
        .map(([k, v]) => `${k} ${v.toExponential(1)}`)
        .join('  ')}`
  )
  console.info(
    `max deviation vs RTSA per case (fraction/CI relative, others absolute):\n${lines.join('\n')}`
  )
})

function near(
  id: string,
  what: string,
  actual: number | null | undefined,
  expected: number,
  tol: number,
  relative = false
): void {
  expect(actual, `${id} ${what}: got null, expected ${expected}`).not.toBeNull()
  expect(actual, `${id} ${what}`).toBeDefined()
  const dev = Math.abs((actual as number) - expected) / (relative ? Math.abs(expected) : 1)
  track(id, what.split(' ')[0] as string, dev)
  expect(dev, `${id} ${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol)
}

interface Prepared {
  input: TsaInput
  result: TsaResult
  /** the formula run (fixed-effect RIS, furtherTrials); the same as result unless the τ² HARIS is manual */
  first: TsaResult
  /** our RIS is RTSA's (header: not for sd_mc "from data" nor for RTSA's negative τ² design) */
  risReproduced: boolean
}

/** Builds the input for the case's random_adj and runs it (two passes for tau2: the manual RIS needs our minTrial). */
function prepare(c: RtsaCase): Prepared {
  const input = rtsaInput(c, c.data as string)
  const run = (i: TsaInput): TsaResult => {
    const r = runTsa(i)
    if (!r.ok) throw new Error(`${c.id}: ${r.error.message}`)
    return r.value
  }
  const risFromData = c.args['outcome'] === 'MD' && c.settings.sd_mc === null
  if (c.settings.fixed) {
    const result = run(input)
    return { input, result, first: result, risReproduced: !risFromData }
  }
  if (c.settings.random_adj !== 'tau2') {
    input.monitoring.ris.heterogeneity =
      c.settings.random_adj === 'I2'
        ? { kind: 'inconsistency' }
        : { kind: 'user', value: rtsaStyleD2(input) }
    const result = run(input)
    return { input, result, first: result, risReproduced: !risFromData }
  }
  const first = run(input)
  const design = first.ris.furtherTrials?.designs[0]
  // no design: the data already suffice under our τ² (RTSA lists negative participants per trial instead)
  if (design === undefined) return { input, result: first, first, risReproduced: false }
  const acquired = first.looks[first.looks.length - 1]?.cumulativeInformation ?? 0
  // RTSA's MD minTrial() lists half our participants per trial (RIS test) and its HARIS adds those
  const perTrial =
    c.args['outcome'] === 'MD'
      ? Math.ceil(design.participantsPerTrial / 2)
      : design.participantsPerTrial
  input.monitoring.ris.mode = 'manual'
  input.monitoring.ris.manual = acquired + design.trials * perTrial
  return { input, result: run(input), first, risReproduced: !risFromData }
}

describe('runTsa against RTSA 0.2.2 RTSA() analyses', () => {
  test('the recorded analyses are all covered', () => {
    expect(analysed.map((c) => c.id)).toHaveLength(20)
  })

  for (const c of analysed) {
    const df = c.results.results_df
    // study rows: the planned final analysis row has no Z (RTSA inserts it at its timing)
    const studyRows = (df['z_fixed'] as Column).flatMap((z, j) => (z === null ? [] : [j]))
    const col = (key: string, row: number): number | null => df[key]?.[row] ?? null
    const twoSidedBinding = c.settings.side === 2 && c.settings.futility === 'binding'

    describe(c.id, () => {
      const { input, result, first, risReproduced } = prepare(c)
      const R = result.ris.inflationFactor ?? 1
      /**
       * First look (0-based) before the RIS where RTSA and we disagree on whether the boundaries are updated:
       * RTSA no test (NA) but ours has a bound, or RTSA a real bound but ours none. RTSA's sentinel 20 agrees with
       * any bound of ours (ours is null when the true bound is ≥ 20).
       */
      const divergence = studyRows.findIndex((row, k) => {
        const look = result.looks[k]
        const upper = col('upper', row)
        if (look === undefined || !((look.informationFraction ?? 1) < 1)) return false
        if (upper === null) return look.upper !== null
        return upper !== 20 && look.upper === null
      })

      test('one look per analysed trial; acquired information (participants)', () => {
        expect(result.looks.length).toBe(studyRows.length)
        const last = result.looks[result.looks.length - 1]
        expect(last?.cumulativeInformation).toBe(c.results.AIS)
        const subjects = c.settings.Pax?.subjects
        if (subjects !== undefined) {
          expect(result.looks.map((l) => l.cumulativeInformation)).toEqual(subjects)
        }
      })

      test('RIS / HARIS (CTU rounding: RTSA ceil()s the fixed-effect RIS too)', () => {
        const ris = result.ris
        if (c.args['outcome'] === 'MD' && c.settings.sd_mc === null) {
          // RTSA's sd_mc "from data" gives a fixed-effect RIS of 9 participants for eds (not the variance estimate
          // of methods.md §4, nor anything we reproduce): not compared; ours uses the participant-weighted variance.
          expect(ris.inputs['variance']).toBeGreaterThan(0)
          return
        }
        const fixedRis = first.ris.fixed
        expect(fixedRis === null ? null : Math.ceil(fixedRis)).toBe(c.results.RIS)
        if (c.settings.fixed) {
          expect((ris.required as number) / R).toBe(c.results.RIS) // exact integer: ceil(RIS_F)·AF, AF = 1
          return
        }
        const haris = c.results.HARIS as number
        if (c.settings.random_adj === 'tau2') {
          const nr = c.ris.NR_tau?.NR_tau
          const ours = first.ris.furtherTrials
          expect(nr).toBeDefined()
          if (nr === undefined) return
          const rtsaPerTrial = nr.nPax.rows['Pax per trial']
          if (!risReproduced) {
            // RTSA's design has negative participants per trial (the data already suffice; HARIS = acquired +
            // a negative total): ours reports no design
            expect(rtsaPerTrial.every((n) => n < 0)).toBe(true)
            expect(ours?.designs).toEqual([])
            return
          }
          expect(ours?.minimumTrials).toBe(nr.minTrial)
          expect(ours?.designs.map((d) => d.trials)).toEqual(nr.nPax.rows.Trials)
          // RTSA's MD minTrial() lists half our participants per trial: it uses σ² where the total-N variance of an
          // MD needs 2σ² (4σ²/n; its own MD RIS does use 4σ²). Its HARIS adds those halved participants (prepare).
          const halve = c.args['outcome'] === 'MD'
          expect(
            ours?.designs.map((d) =>
              halve ? Math.ceil(d.participantsPerTrial / 2) : d.participantsPerTrial
            )
          ).toEqual(rtsaPerTrial)
          expect((ris.required as number) / R).toBe(haris) // exact integer: acquired + further participants
          return
        }
        // RTSA: HARIS = ceil(RIS/(1 − D² or I²)); ours is unrounded (ceil(RIS_F)·AF), displayed as its ceiling
        expect(Math.ceil((ris.required as number) / R - 1e-9)).toBe(haris)
      })

      test('per-look information fraction (sma_timing = participants / HARIS; ours ×R is the same)', () => {
        if (!risReproduced) return // skipped: RTSA's RIS is not reproducible (header)
        studyRows.forEach((row, k) => {
          const t = result.looks[k]?.informationFraction
          near(
            c.id,
            `fraction look ${k + 1}`,
            t === null || t === undefined ? null : t * R,
            col('sma_timing', row) as number,
            FRACTION_TOL,
            true
          )
        })
      })

      test('cumulative Z (ours = −RTSA: harmful outcome), random Z only where τ² > 0 after look 1', () => {
        studyRows.forEach((row, k) => {
          const look = result.looks[k]
          const z = look?.z === null || look?.z === undefined ? null : -look.z
          if (c.settings.fixed) {
            near(c.id, `z look ${k + 1}`, z, col('z_fixed', row) as number, Z_TOL)
          } else if (k > 0 && (look?.tau2 ?? 0) > 0) {
            near(c.id, `z look ${k + 1}`, z, col('z_random', row) as number, Z_TOL)
          }
        })
      })

      test('sequential inflation factor R (RTSA root)', () => {
        if (!risReproduced) return // skipped: RTSA's RIS is not reproducible (header)
        if (twoSidedBinding) return // skipped: RTSA's two-sided binding futility is its own method (header)
        // R is the design's (looks ≤ 1% apart dropped); where the schedules differ (SCHEDULE_DIFFERS) the extra or
        // missing look spends almost nothing and R still agrees (printed deviation)
        near(c.id, 'R', R, c.bounds.root, R_TOL)
      })

      test('look schedule: the looks where RTSA and we update the boundaries', () => {
        if (!risReproduced) return // skipped: RTSA's RIS is not reproducible (header)
        const known = SCHEDULE_DIFFERS[c.id]
        expect(divergence === -1 ? null : divergence + 1, known?.why).toBe(known?.look ?? null)
      })

      test('alpha boundaries and TSA-adjusted CIs where RTSA tests (up to the first schedule difference)', () => {
        if (!risReproduced) return // skipped: RTSA's RIS is not reproducible (header)
        if (twoSidedBinding) return // skipped: RTSA's two-sided binding futility is its own method (header)
        const model = c.settings.fixed ? 'fixed' : 'random'
        // RTSA's fixed-effect TSA CI once τ² > 0: MH estimate ± bound·√(IV variance 1/Σw) (rtsa.spec.ts)
        const meta = cumulativeMetaAnalysis(
          input.trials as unknown as MetaTrial[],
          metaOptions(input)
        )
        if (!meta.ok) throw new Error(meta.error.message)
        studyRows.forEach((row, k) => {
          const look = result.looks[k]
          const upper = col('upper', row)
          if (look === undefined || upper === null) return
          if (divergence !== -1 && k >= divergence) return // skipped: schedules differ from here (header)
          const t = look.informationFraction as number
          if (t >= 1) return
          if (upper === 20) {
            // RTSA's sentinel (incremental spend < 1e-9): ours is the true, finite bound, or null when it is ≥ 20
            if (look.upper !== null) expect(look.upper).toBeGreaterThan(4)
            return
          }
          // after a look with an (effectively) infinite bound RTSA's next bound is off by up to 7e-3
          // (shared/reference/README.md, boundaries.json findings): a wider tolerance there
          const previous = k > 0 ? col('upper', studyRows[k - 1] as number) : null
          const tol = previous === 20 ? AFTER_SENTINEL_TOL : BOUND_TOL
          near(c.id, `bound look ${k + 1}`, look.upper, upper, tol)
          if (c.settings.side === 2) {
            near(c.id, `bound look ${k + 1} lower`, look.lower, col('lower', row) as number, tol)
          }
          const tau2 = look.tau2 ?? 0
          // RTSA: random-effects numbers are the fixed-effect ones at τ² = 0 (and its random CI is NA there)
          if (model === 'random' && !(tau2 > 0)) return
          const lo = col(`TSAadjCI${model}_lower`, row)
          const hi = col(`TSAadjCI${model}_upper`, row)
          let oursLo = look.tsaCiLower
          let oursHi = look.tsaCiUpper
          if (model === 'fixed' && tau2 > 0) {
            const information = (meta.value.looks[k] as CumulativeLook).information
            const half = (look.upper as number) * Math.sqrt(1 / information)
            const log = Math.log(look.estimate as number)
            oursLo = Math.exp(log - half)
            oursHi = Math.exp(log + half)
          }
          const ciTol = previous === 20 ? AFTER_SENTINEL_TOL : CI_TOL
          if (lo !== null) near(c.id, `CI look ${k + 1} lower`, oursLo, lo, ciTol, true)
          if (hi !== null) near(c.id, `CI look ${k + 1} upper`, oursHi, hi, ciTol, true)
        })
      })

      test('conclusion direction where RTSA stopped (seq_inf)', () => {
        // RTSA's one-sided designs test the upper side of its unoriented Z (log RR > 0) although mc < 1 anticipates
        // a benefit: coronary (Z −4.2) never "crosses" and perioOxy stops for futility. Ours tests the benefit side;
        // one-sided conclusions are not compared.
        if (c.settings.side === 1) return
        if (!risReproduced) return // skipped: RTSA's RIS is not reproducible (header)
        const { stop_time: stop, stop_direction: direction } = c.results.seq_inf
        if (stop === null || direction === null) {
          // no stopping-time inference: RTSA crossed nothing; neither do we
          expect(['inconclusive', 'noEffectAtRis']).toContain(result.conclusion.code)
          return
        }
        // RTSA's lower boundary (ll) = RR < 1 (MD < 0) = fewer harmful events = benefit; ul = harm
        const expected = direction === 'll' ? 'benefit' : direction === 'ul' ? 'harm' : 'futility'
        expect(result.conclusion.code).toBe(expected)
        expect(result.conclusion.look).toBe(stop - 1)
      })
    })
  }
})

describe('methods.md §9 CTU RIS examples through runTsa (mode formula, user-given inputs)', () => {
  const base = (pc: number, rrr: number, alpha: number, beta: number, d2: number): TsaInput => ({
    outcome: { type: 'dichotomous', direction: 'harmful' },
    trials: [
      {
        name: 'A',
        eventsIntervention: 10,
        totalIntervention: 100,
        eventsControl: 15,
        totalControl: 100
      }
    ],
    analysis: analysisSchema.parse({}),
    monitoring: monitoringSchema.parse({
      alpha,
      beta,
      ris: {
        controlRisk: pc,
        relativeRiskReduction: rrr,
        heterogeneity: { kind: 'user', value: d2 }
      }
    })
  })
  test.each([
    [0.05, 0.25, 0.05, 0.2, 0.2, 10508],
    [0.276, 0.2, 0.01, 0.1, 0.49, 7150]
  ])(
    'P_C %f, RRR %f, α %f, β %f, D² %f → %i (±1: the manual rounds its inputs)',
    (pc, rrr, a, b, d2, expected) => {
      const r = runTsa(base(pc, rrr, a, b, d2))
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const { exact, required, fixed, adjustmentFactor } = r.value.ris
      expect(Math.abs((exact as number) - expected)).toBeLessThanOrEqual(1)
      expect(adjustmentFactor).toBeCloseTo(1 / (1 - d2), 12)
      expect(required).toBeCloseTo(Math.ceil(fixed as number) * (adjustmentFactor as number), 9)
      expect(r.value.ris.unit).toBe('participants')
    }
  )
})
