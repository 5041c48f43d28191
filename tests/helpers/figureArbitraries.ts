// fast-check generators of TSA results for the figure's property tests: any mix of gaps (null), off-scale and
// absurd values, non-finite numbers where a buggy caller might pass them, and every information unit.
import fc from 'fast-check'
import type { TsaBoundaryPoint, TsaLook, TsaResult } from '@engine'
import { syntheticResult } from '../unit/renderer/charts/syntheticResult'

/** A number as a figure might receive it: ordinary, large, null, or (hostile) not finite. */
const value = (scale: number): fc.Arbitrary<number | null> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -scale, max: scale, noNaN: true }) },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
    }
  )

const information = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0) }
)

const look = (k: number): fc.Arbitrary<TsaLook> =>
  fc
    .record({
      cumulativeInformation: information,
      z: value(12),
      upper: value(25),
      lower: value(25),
      futilityUpper: value(5),
      futilityLower: value(5)
    })
    .map((l) => ({
      ...(syntheticResult().looks[0] as TsaLook),
      ...l,
      trial: `Trial ${k + 1}`,
      cumulativeInformation: l.cumulativeInformation
    }))

const boundaryPoint: fc.Arbitrary<TsaBoundaryPoint> = fc.record({
  informationFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  cumulativeInformation: information,
  upper: value(25),
  lower: value(25),
  futilityUpper: value(5),
  futilityLower: value(5)
})

/** A TSA result with 0–25 looks of arbitrary (partly hostile) values. */
export const arbitraryTsaResult: fc.Arbitrary<TsaResult> = fc
  .record({
    count: fc.integer({ min: 0, max: 25 }),
    required: fc.oneof(
      fc.double({ min: 1, max: 1e6, noNaN: true }),
      fc.constantFrom(null, 0, Number.NaN, Number.POSITIVE_INFINITY)
    ),
    conventional: fc.oneof(
      fc.double({ min: 0.5, max: 4, noNaN: true }),
      fc.constantFrom(Number.NaN, 0)
    ),
    unit: fc.constantFrom('participants', 'events', 'information') as fc.Arbitrary<
      TsaResult['ris']['unit']
    >,
    curve: fc.array(boundaryPoint, { maxLength: 12 })
  })
  .chain(({ count, required, conventional, unit, curve }) =>
    fc.tuple(...Array.from({ length: count }, (_, k) => look(k))).map((looks) => {
      const base = syntheticResult()
      return {
        ...base,
        looks,
        conventionalBoundary: conventional,
        boundaryCurve: curve,
        ris: { ...base.ris, required, unit }
      } as TsaResult
    })
  )
