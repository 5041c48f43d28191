import { describe, expect, it } from 'vitest'
import { buildTsaChartConfig } from '@shared/figure/buildTsaChartConfig'
import { designLegend, spendingName } from '@shared/figure/designLegend'
import { syntheticResult } from './syntheticResult'

/** WinAnsi (the PDF standard fonts' encoding) covers Latin-1; Greek letters and '≥' are outside it. */
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff]*$/

describe('designLegend: the boundaries name the design they come from', () => {
  it('names the spending function, alpha, sides and power', () => {
    const { design } = syntheticResult()
    expect(designLegend(design).monitoring).toBe(
      "Monitoring boundary (O'Brien-Fleming, alpha 5%, two-sided, power 80%)"
    )
    expect(
      designLegend({
        ...design,
        alpha: 0.025,
        sides: 1,
        beta: 0.1,
        alphaSpending: { kind: 'pocock' }
      }).monitoring
    ).toBe('Monitoring boundary (Pocock, alpha 2.5%, one-sided, power 90%)')
  })

  it('names the futility rule, and the beta-spending function of design-style futility', () => {
    const { design } = syntheticResult()
    expect(designLegend({ ...design, futility: 'tsaWedge' }).futility).toBe(
      'Futility boundary (inner wedge, beta 20%)'
    )
    expect(
      designLegend({ ...design, futility: 'binding', betaSpending: { kind: 'hsd', gamma: -4 } })
        .futility
    ).toBe('Futility boundary (binding, Hwang-Shih-DeCani, gamma -4.0, beta 20%)')
  })

  it('uses only characters the PDF standard fonts can draw', () => {
    for (const spec of [
      { kind: 'obf' },
      { kind: 'pocock' },
      { kind: 'power', rho: 2 },
      { kind: 'hsd', gamma: -4 }
    ] as const) {
      expect(spendingName(spec)).toMatch(WIN_ANSI)
      const legend = designLegend({
        ...syntheticResult().design,
        alphaSpending: spec,
        futility: 'nonBinding',
        betaSpending: spec
      })
      expect(legend.monitoring).toMatch(WIN_ANSI)
      expect(legend.futility).toMatch(WIN_ANSI)
    }
  })

  it('names α, β, ρ and γ as Greek letters when the output embeds a font that has them', () => {
    const design = {
      ...syntheticResult().design,
      alphaSpending: { kind: 'power', rho: 2 },
      futility: 'nonBinding',
      betaSpending: { kind: 'hsd', gamma: -4 }
    } as const
    const legend = designLegend(design, { greekLetters: true })
    expect(legend.monitoring).toBe(
      'Monitoring boundary (power family, ρ 2.0, α 5%, two-sided, power 80%)'
    )
    expect(legend.futility).toBe(
      'Futility boundary (non-binding, Hwang-Shih-DeCani, γ -4.0, β 20%)'
    )
    const config = buildTsaChartConfig(syntheticResult(), { theme: 'print', greekLetters: true })
    expect(config.data.datasets.map((d) => d.label)).toContain(
      designLegend(syntheticResult().design, { greekLetters: true }).monitoring
    )
  })

  it("is the chart's default legend for the monitoring boundary", () => {
    const result = syntheticResult()
    const config = buildTsaChartConfig(result, { theme: 'print' })
    const labels = config.data.datasets.map((d) => d.label)
    expect(labels).toContain(designLegend(result.design).monitoring)
  })
})
