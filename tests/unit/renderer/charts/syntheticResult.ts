/**
 * A hand-made TsaResult for the chart tests (not engine output): 5 looks, two-sided, boundaries null past the RIS
 * (look 5) and at look 1 (too little information for an update), futility from look 3, a Z beyond +8 at look 4,
 * and one look with z = null.
 */
import type { TsaLook, TsaResult } from '@engine'

const look = (
  over: Partial<TsaLook> & Pick<TsaLook, 'trial' | 'cumulativeInformation'>
): TsaLook => ({
  informationFraction: null,
  z: null,
  upper: null,
  lower: null,
  futilityUpper: null,
  futilityLower: null,
  estimate: null,
  ciLower: null,
  ciUpper: null,
  tsaCiLower: null,
  tsaCiUpper: null,
  lilZ: null,
  tau2: null,
  i2: null,
  d2: null,
  ...over
})

export const RIS = 3000

export function syntheticResult(): TsaResult {
  const looks: TsaLook[] = [
    look({
      trial: 'Alpha 1999',
      cumulativeInformation: 200,
      informationFraction: 200 / RIS,
      z: 1.2,
      estimate: 0.8,
      ciLower: 0.55,
      ciUpper: 1.16
    }),
    look({
      trial: 'Beta 2001',
      cumulativeInformation: 800,
      informationFraction: 800 / RIS,
      z: 2.3,
      upper: 6.1,
      lower: -6.1,
      estimate: 0.75,
      ciLower: 0.6,
      ciUpper: 0.96
    }),
    look({
      trial: 'Gamma 2005',
      cumulativeInformation: 1500,
      informationFraction: 0.5,
      z: null,
      upper: 3.9,
      lower: -3.9,
      futilityUpper: 0.4,
      futilityLower: -0.4
    }),
    look({
      trial: 'Delta 2010',
      cumulativeInformation: 2400,
      informationFraction: 0.8,
      z: 9.4,
      upper: 2.6,
      lower: -2.6,
      futilityUpper: 1.5,
      futilityLower: -1.5,
      estimate: 0.5,
      ciLower: 0.4,
      ciUpper: 0.62,
      tsaCiLower: 0.35,
      tsaCiUpper: 0.7
    }),
    look({
      trial: 'Epsilon 2015',
      cumulativeInformation: 3600,
      informationFraction: 1.2,
      z: -8.5,
      estimate: 1.6,
      ciLower: 1.3,
      ciUpper: 2
    })
  ]
  return {
    measure: 'RR',
    pooled: { estimate: 0.7, ciLower: 0.6, ciUpper: 0.8, z: -8.5, p: 0.0001 },
    fixed: { estimate: 0.7, ciLower: 0.6, ciUpper: 0.8, z: -8.5, p: 0.0001 },
    random: { estimate: 0.7, ciLower: 0.6, ciUpper: 0.8, z: -8.5, p: 0.0001 },
    heterogeneity: { tau2: 0, i2: 0, d2: 0, q: 1, df: 4, p: 0.9, h: 1, tau: 0 },
    ris: {
      required: RIS,
      exact: RIS,
      fixed: RIS,
      adjustmentFactor: 1,
      unit: 'participants',
      inputs: {},
      inflationFactor: null,
      furtherTrials: null
    },
    looks,
    excluded: [],
    conclusion: { code: 'benefit', text: 'The Z-curve crossed the monitoring boundary.', look: 4 },
    conventionalBoundary: 1.959963984540054,
    boundaryCurve: [],
    design: {
      alpha: 0.05,
      beta: 0.2,
      sides: 2,
      alphaSpending: { kind: 'obf' },
      futility: 'none',
      betaSpending: null,
      boundaryEngine: 'tsa'
    },
    notes: []
  }
}
