// The step-through: keyboard (←/→, Home/End), the Look slider, Previous/Next, and Play that advances one look a
// second and stops on the last; the counter, facts and caption follow the look.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import StepThrough from '@renderer/components/teaching/StepThrough.vue'
import { syntheticResult } from '../../charts/syntheticResult'

const result = syntheticResult()
const K = result.looks.length

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

function mountStep(): VueWrapper {
  wrapper = mount(StepThrough, { props: { result }, attachTo: document.body })
  return wrapper
}

const counter = (w: VueWrapper): string => w.get('[data-testid="look-counter"]').text()
const caption = (w: VueWrapper) => w.get('[role="status"]')
const region = (w: VueWrapper) => w.get('section[aria-label="Step through"]')
const button = (w: VueWrapper, name: string) => w.findAll('button').find((b) => b.text() === name)

describe('StepThrough', () => {
  beforeEach(() => {
    expect(K).toBeGreaterThanOrEqual(4)
  })

  it('starts at look 1 with its trial, facts and a polite caption', () => {
    const w = mountStep()
    expect(counter(w)).toBe(`Look 1 of ${K}`)
    expect(w.get('[data-testid="look-trial"]').text()).toBe(result.looks[0]?.trial)
    expect(caption(w).attributes('aria-live')).toBe('polite')
    expect(caption(w).text()).toContain(`Trial 1 of ${K} (${result.looks[0]?.trial})`)
    expect(w.findComponent({ name: 'TsaChart' }).props('result').looks).toHaveLength(1)
  })

  it('steps with ←/→ and jumps with Home/End on the focused step-through', async () => {
    const w = mountStep()
    for (let i = 0; i < 3; i++) await region(w).trigger('keydown', { key: 'ArrowRight' })
    expect(counter(w)).toBe(`Look 4 of ${K}`)
    await region(w).trigger('keydown', { key: 'ArrowLeft' })
    expect(counter(w)).toBe(`Look 3 of ${K}`)
    expect(caption(w).text()).toContain(`Trial 3 of ${K} (${result.looks[2]?.trial})`)
    expect(w.findComponent({ name: 'TsaChart' }).props('result').looks).toHaveLength(3)
    await region(w).trigger('keydown', { key: 'End' })
    expect(counter(w)).toBe(`Look ${K} of ${K}`)
    await region(w).trigger('keydown', { key: 'ArrowRight' }) // stays on the last
    expect(counter(w)).toBe(`Look ${K} of ${K}`)
    await region(w).trigger('keydown', { key: 'Home' })
    expect(counter(w)).toBe(`Look 1 of ${K}`)
    await region(w).trigger('keydown', { key: 'ArrowLeft' }) // stays on the first
    expect(counter(w)).toBe(`Look 1 of ${K}`)
  })

  it('follows the Look slider, and Previous/Next', async () => {
    const w = mountStep()
    const slider = w.get('input[type="range"]')
    expect(slider.attributes('max')).toBe(String(K))
    await slider.setValue(String(K))
    expect(counter(w)).toBe(`Look ${K} of ${K}`)
    await button(w, 'Previous')?.trigger('click')
    expect(counter(w)).toBe(`Look ${K - 1} of ${K}`)
    await button(w, 'Next')?.trigger('click')
    expect(counter(w)).toBe(`Look ${K} of ${K}`)
    expect(button(w, 'Next')?.attributes('disabled')).toBeDefined()
  })

  it('Play advances one look a second and stops on the last look', async () => {
    vi.useFakeTimers()
    const w = mountStep()
    await button(w, 'Play')?.trigger('click')
    expect(button(w, 'Pause')?.attributes('aria-pressed')).toBe('true')
    await vi.advanceTimersByTimeAsync(1000)
    expect(counter(w)).toBe(`Look 2 of ${K}`)
    await vi.advanceTimersByTimeAsync(1000 * (K + 5))
    expect(counter(w)).toBe(`Look ${K} of ${K}`)
    expect(button(w, 'Play')?.attributes('aria-pressed')).toBe('false')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a key press pauses the play', async () => {
    vi.useFakeTimers()
    const w = mountStep()
    await button(w, 'Play')?.trigger('click')
    await region(w).trigger('keydown', { key: 'End' })
    expect(button(w, 'Play')).toBeDefined()
    expect(vi.getTimerCount()).toBe(0)
  })
})
