// The figure options: a labelled control for every field of the project file's `figure` (read from its schema, so a
// new field without a control fails here), edits that are one undo step each, defaults that leave the file clean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { figureSchema } from '@shared/projectFile'
import FigureOptions from '@renderer/components/chart/FigureOptions.vue'
import { emptyProject, useProjectStore } from '@renderer/stores/project'
import { choose, control, type } from '../labelledControls'

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function mountOptions(): ReturnType<typeof useProjectStore> {
  const store = useProjectStore()
  store.loadProject(emptyProject())
  wrapper = mount(FigureOptions, { attachTo: document.body })
  return store
}

describe('FigureOptions', () => {
  it('has a labelled control for every figure setting of the project file', async () => {
    mountOptions()
    await flushPromises()
    const labelled = [...document.querySelectorAll<HTMLElement>('[data-option]')]
      .filter((c) => document.querySelector(`label[for="${c.id}"]`) !== null)
      .map((c) => c.dataset['option'])
    for (const key of Object.keys(figureSchema.shape)) {
      expect(labelled, `figure.${key}`).toContain(`figure.${key}`)
    }
    expect(document.querySelector('fieldset legend')?.textContent).toBe('Figure options')
  })

  it('a typed title is one undo step; emptying it removes the figure object again', async () => {
    const store = mountOptions()
    await type('Figure title', 'Oxygen and SSI')
    expect(store.project.figure).toEqual({ title: 'Oxygen and SSI' })
    expect(store.dirty).toBe(true)
    await type('Figure title', '  ')
    expect(store.project.figure).toBeUndefined()
    store.undo()
    await flushPromises()
    expect(store.project.figure).toEqual({ title: 'Oxygen and SSI' })
    expect(control('Figure title').value).toBe('Oxygen and SSI')
    store.undo()
    await flushPromises()
    expect(store.project.figure).toBeUndefined()
    expect(store.canUndo).toBe(false)
  })

  it('axis titles, favoured groups, trial names and colours reach the project', async () => {
    const store = mountOptions()
    await type('X-axis title', 'Participants')
    await type('Y-axis title', 'Z')
    await type('Group favoured above zero', 'high FiO₂')
    await type('Group favoured below zero', 'low FiO₂')
    const check = control('Trial names on the curve')
    check.checked = true
    check.dispatchEvent(new Event('change'))
    await choose('Figure colours', 'grey')
    expect(store.project.figure).toEqual({
      xLabel: 'Participants',
      yLabel: 'Z',
      interventionLabel: 'high FiO₂',
      controlLabel: 'low FiO₂',
      trialLabels: true,
      palette: 'grey'
    })
    // the defaults are not written: back to colour and no trial names leaves those keys out
    await choose('Figure colours', 'colourBlind')
    check.checked = false
    check.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(store.project.figure).not.toHaveProperty('palette')
    expect(store.project.figure).not.toHaveProperty('trialLabels')
  })

  it('a journal column sets the size; a typed width makes it custom; a preset drops the custom size', async () => {
    const store = mountOptions()
    expect(control('Figure width (mm)').value).toBe('170')
    await choose('Figure size', 'single')
    expect(store.project.figure).toEqual({ preset: 'single' })
    expect(control('Figure width (mm)').value).toBe('85')
    expect(control('Figure height (mm)').value).toBe('80')
    await type('Figure width (mm)', '120')
    expect(store.project.figure).toEqual({ preset: 'single', widthMm: 120 })
    expect(control<HTMLSelectElement>('Figure size').value).toBe('custom')
    await choose('Figure size', 'double')
    expect(store.project.figure).toBeUndefined()
    expect(control('Figure width (mm)').value).toBe('170')
    await choose('Figure size', 'custom')
    expect(store.project.figure).toEqual({ widthMm: 170, heightMm: 110 })
  })

  it('a size the project file would reject stays in the field with the reason, unwritten', async () => {
    const store = mountOptions()
    await type('Figure width (mm)', '5')
    const width = control('Figure width (mm)')
    expect(width.getAttribute('aria-invalid')).toBe('true')
    expect(
      document.getElementById(width.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent
    ).toBe('must be at least 20 mm')
    expect(store.project.figure).toBeUndefined()
  })
})
