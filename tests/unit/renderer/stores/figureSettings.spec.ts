// The project's figure settings are settings like the others: each edit is one undo step and makes the project dirty.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useProjectStore } from '../../../../src/renderer/src/stores/project'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('editSettings on the figure settings', () => {
  it('records the first figure option as one undo step, and undo removes the figure object again', () => {
    const store = useProjectStore()
    expect(store.project.figure).toBeUndefined()
    store.editSettings((p) => {
      p.figure = { ...p.figure, title: 'Oxygen' }
    })
    expect(store.project.figure).toEqual({ title: 'Oxygen' })
    expect(store.dirty).toBe(true)
    expect(store.undo()).toBe(true)
    expect(store.project.figure).toBeUndefined()
    expect(store.dirty).toBe(false)
    expect(store.redo()).toBe(true)
    expect(store.project.figure).toEqual({ title: 'Oxygen' })
  })

  it('later edits undo one at a time; re-setting the same value records nothing', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.figure = { palette: 'grey' }
    })
    store.editSettings((p) => {
      p.figure = { ...p.figure, preset: 'single' }
    })
    store.editSettings((p) => {
      p.figure = { ...p.figure, preset: 'single' }
    })
    store.undo()
    expect(store.project.figure).toEqual({ palette: 'grey' })
    store.undo()
    expect(store.project.figure).toBeUndefined()
    expect(store.canUndo).toBe(false)
  })
})
