// RIS sensitivity: starts from the analysis's own inputs, and each slider asks the engine for the RIS with the
// moved input (engineClient mocked); the RIS and the D²-adjusted RIS show the answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { TsaResult } from '@engine'
import RisSensitivity from '@renderer/components/teaching/RisSensitivity.vue'
import * as engineClient from '@renderer/services/engineClient'
import { syntheticResult } from '../../charts/syntheticResult'

vi.mock('@renderer/services/engineClient', () => ({
  computeRequiredInformationSize: vi.fn(async () => ({
    fixed: 1000.4,
    adjustmentFactor: 2,
    required: 2002,
    exact: 2001.6
  }))
}))

const ris = vi.mocked(engineClient.computeRequiredInformationSize)

function resultWith(): TsaResult {
  const base = syntheticResult()
  return {
    ...base,
    design: { ...base.design, alpha: 0.05, beta: 0.2, sides: 2 },
    ris: {
      ...base.ris,
      inputs: { controlRisk: 0.3, relativeRiskReduction: 0.2, heterogeneityValue: 0.5 }
    }
  }
}

let wrapper: VueWrapper | null = null
beforeEach(() => ris.mockClear())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

const slider = (w: VueWrapper, name: string) =>
  w
    .findAll('label')
    .find((l) => l.text().startsWith(name))
    ?.get('input[type="range"]')

describe('RisSensitivity', () => {
  it("asks for the RIS of the project's own inputs and shows both sizes", async () => {
    wrapper = mount(RisSensitivity, { props: { result: resultWith() } })
    await flushPromises()
    expect(ris).toHaveBeenLastCalledWith({
      alpha: 0.05,
      sides: 2,
      beta: expect.closeTo(0.2, 12) as number,
      controlRisk: 0.3,
      relativeRiskReduction: 0.2,
      heterogeneity: { kind: 'diversity', value: 0.5 }
    })
    expect(wrapper.get('[data-testid="ris-fixed"]').text()).toBe('1,001 participants')
    expect(wrapper.get('[data-testid="ris-adjusted"]').text()).toBe('2,002 participants')
  })

  it.each([
    ['Control event proportion', '0.45', { controlRisk: 0.45 }],
    ['Relative risk reduction', '0.35', { relativeRiskReduction: 0.35 }],
    ['Alpha', '0.01', { alpha: 0.01 }],
    ['Diversity D²', '0.25', { heterogeneity: { kind: 'diversity', value: 0.25 } }]
  ])('the %s slider sends its value', async (name, value, expected) => {
    wrapper = mount(RisSensitivity, { props: { result: resultWith() } })
    await flushPromises()
    await slider(wrapper, name)?.setValue(value)
    await flushPromises()
    expect(ris).toHaveBeenLastCalledWith(expect.objectContaining(expected))
    expect(wrapper.findAll('output').map((o) => o.text())).toHaveLength(5)
  })

  it('the power slider sends β = 1 − power', async () => {
    wrapper = mount(RisSensitivity, { props: { result: resultWith() } })
    await flushPromises()
    await slider(wrapper, 'Power')?.setValue('0.9')
    await flushPromises()
    expect(ris.mock.lastCall?.[0].beta).toBeCloseTo(0.1, 12)
    expect(wrapper.get('[data-testid="ris-input-power"]').text()).toBe('90%')
  })

  it('shows the engine refusing as an alert and no size', async () => {
    ris.mockRejectedValueOnce(new Error('the control risk must be below 1'))
    wrapper = mount(RisSensitivity, { props: { result: resultWith() } })
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('the control risk must be below 1')
    expect(wrapper.get('[data-testid="ris-fixed"]').text()).toBe('— participants')
  })
})
