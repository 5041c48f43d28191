import { describe, expect, it } from 'vitest'
import type { SimulationSummary } from '../../../../src/engine'
import {
  buildCrossingShareConfig,
  buildFirstCrossingConfig,
  cumulativeShares
} from '../../../../src/renderer/src/charts/simulationCharts'

const summary: SimulationSummary = {
  runs: 100,
  naiveCrossing: 0.2,
  boundaryCrossing: 0.05,
  risReached: 1,
  crossingLook: [0, 1, 4],
  naiveCrossingLook: [10, 6, 4],
  standardErrors: { naiveCrossing: 0.04, boundaryCrossing: 0.02, risReached: 0 }
}

describe('simulation chart configs', () => {
  it('cumulative shares end at the overall share and never fall', () => {
    expect(cumulativeShares(summary.naiveCrossingLook, 100)).toEqual([0.1, 0.16, 0.2])
    expect(cumulativeShares(summary.crossingLook, 100)).toEqual([0, 0.01, 0.05])
    expect(cumulativeShares([0, 0], 0)).toEqual([0, 0]) // before the first run: no division by zero
  })

  it('the line chart has one point per look for naive, monitoring and the α line', () => {
    const config = buildCrossingShareConfig(summary, 0.05)
    expect(config.data.labels).toEqual(['1', '2', '3'])
    const [naive, monitoring, alpha] = config.data.datasets
    expect(naive?.data).toEqual([0.1, 0.16, 0.2])
    expect(naive?.data.at(-1)).toBe(summary.naiveCrossing)
    expect(monitoring?.data.at(-1)).toBe(summary.boundaryCrossing)
    expect(alpha?.label).toBe('α = 0.05')
    expect(alpha?.data).toEqual([0.05, 0.05, 0.05])
    expect(config.options?.animation).toBe(false)
  })

  it('the bar chart counts first crossings per look and copies (never shares) the summary arrays', () => {
    const config = buildFirstCrossingConfig(summary)
    const [naive, monitoring] = config.data.datasets
    expect(naive?.data).toEqual([10, 6, 4])
    expect(monitoring?.data).toEqual([0, 1, 4])
    expect(naive?.data).not.toBe(summary.naiveCrossingLook)
    expect(config.type).toBe('bar')
  })
})
