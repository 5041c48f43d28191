import { mount } from '@vue/test-utils'
import { describe, expect, test } from 'vitest'
import ResultsPanel from '@renderer/components/results/ResultsPanel.vue'
import { syntheticResult } from '../charts/syntheticResult'

describe('ResultsPanel', () => {
  test('region "Results" with the key numbers, both models, exclusions and a per-look table', async () => {
    const result = syntheticResult()
    const wrapper = mount(ResultsPanel, { props: { result, error: null } })
    // the per-look table is built when its <details> is opened
    expect(wrapper.find('table[aria-label="Looks"]').exists()).toBe(false)
    const details = wrapper.get('details.looks')
    ;(details.element as HTMLDetailsElement).open = true
    await details.trigger('toggle')
    const region = wrapper.get('section[aria-label="Results"]')
    expect(region.text()).toContain(result.conclusion.text)
    expect(wrapper.get('[data-testid="pooled-fixed"]').text()).not.toBe('')
    expect(wrapper.get('[data-testid="pooled-random"]').text()).not.toBe('')
    const rows = wrapper.findAll('table[aria-label="Looks"] tbody tr')
    expect(rows).toHaveLength(result.looks.length)
    expect(rows[0]?.find('th').text()).toBe(result.looks[0]?.trial)
    expect(wrapper.html()).not.toMatch(/NaN|undefined|Infinity/)
  })

  test("the grid's exclusions (invalid cells) are listed before the engine's own", () => {
    const result = {
      ...syntheticResult(),
      excluded: [{ trial: 'Golfam 2011', reason: 'zero events in both arms' }]
    }
    const wrapper = mount(ResultsPanel, {
      props: {
        result,
        error: null,
        dataExclusions: [
          { trial: 'Greif 2000', reason: 'invalid data (Control events: must be a number)' }
        ]
      }
    })
    const items = wrapper.findAll('ul[aria-label="Excluded trials"] li').map((li) => li.text())
    expect(items).toEqual([
      'Greif 2000: invalid data (Control events: must be a number)',
      'Golfam 2011: zero events in both arms'
    ])
  })

  test('an engine error is shown as an alert instead of results', () => {
    const wrapper = mount(ResultsPanel, {
      props: { result: null, error: 'no trial can be analysed' }
    })
    expect(wrapper.get('[role="alert"]').text()).toBe('no trial can be analysed')
    expect(wrapper.find('table').exists()).toBe(false)
  })
})
