// The project store's settings edits: one undo step each, the dirty flag, no history for edits that change nothing,
// undo snapshots that cover the whole project, and the outcome-type switch that converts the trials.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { parseProjectFile } from '../../../../src/shared/projectFile'
import { emptyProject, useProjectStore } from '../../../../src/renderer/src/stores/project'

type Store = ReturnType<typeof useProjectStore>

/** A clean store with one complete dichotomous trial, flagged low risk of bias and excluded by the user. */
function storeWithTrial(): Store {
  const store = useProjectStore()
  store.addTrial()
  const cells = [
    ['name', 'Greif 2000'],
    ['year', '2000'],
    ['eventsIntervention', '13'],
    ['totalIntervention', '250'],
    ['eventsControl', '28'],
    ['totalControl', '250']
  ] as const
  for (const [field, text] of cells) store.setCell(0, field, text)
  store.setFlag(0, 'lowRiskOfBias', true)
  store.setFlag(0, 'include', false)
  store.markSaved()
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('editSettings', () => {
  it('applies a change as one undo step that sets dirty; undo restores the value and is clean again', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.monitoring.alpha = 0.01
      p.monitoring.sides = 1
    })
    expect(store.project.monitoring).toMatchObject({ alpha: 0.01, sides: 1 })
    expect(store.dirty).toBe(true)
    expect(store.canUndo).toBe(true)

    expect(store.undo()).toBe(true)
    expect(store.project.monitoring).toMatchObject({ alpha: 0.05, sides: 2 })
    expect(store.dirty).toBe(false)
    expect(store.canUndo).toBe(false)

    expect(store.redo()).toBe(true)
    expect(store.project.monitoring).toMatchObject({ alpha: 0.01, sides: 1 })
    expect(store.dirty).toBe(true)
  })

  it('records nothing when the change leaves the settings as they were', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.monitoring.alpha = 0.05
    })
    expect(store.canUndo).toBe(false)
    expect(store.dirty).toBe(false)
  })

  it('gives one undo step per committed value, however many values are committed', () => {
    const store = useProjectStore()
    for (const alpha of [0.04, 0.03, 0.02]) {
      store.editSettings((p) => {
        p.monitoring.alpha = alpha
      })
    }
    store.undo()
    expect(store.project.monitoring.alpha).toBe(0.03)
    store.undo()
    store.undo()
    expect(store.project.monitoring.alpha).toBe(0.05)
    expect(store.canUndo).toBe(false)
  })

  it('undoes nested and removed keys (spending parameter, optional field) exactly', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.monitoring.alphaSpending = { kind: 'power', rho: 2 }
      p.analysis.mdVariance = 'pooled'
    })
    store.editSettings((p) => {
      p.monitoring.alphaSpending = { kind: 'obf' }
      delete p.analysis.mdVariance
    })
    store.undo()
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'power', rho: 2 })
    expect(store.project.analysis.mdVariance).toBe('pooled')
    store.undo()
    expect(store.project.monitoring.alphaSpending).toEqual({ kind: 'obf' })
    expect('mdVariance' in store.project.analysis).toBe(false)
  })

  it('covers the title and outcome labels too', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.title = 'Oxygen'
      p.outcome.interventionLabel = '80% oxygen'
    })
    store.undo()
    expect(store.project.title).toBe('')
    expect(store.project.outcome.interventionLabel).toBe('Intervention')
  })

  it('is undone in order with trial edits: one history for the whole project', () => {
    const store = storeWithTrial()
    store.editSettings((p) => {
      p.analysis.model = 'fixed'
    })
    store.setCell(0, 'eventsIntervention', '14')
    store.undo()
    expect(store.cellText(0, 'eventsIntervention')).toBe('13')
    expect(store.project.analysis.model).toBe('fixed')
    store.undo()
    expect(store.project.analysis.model).toBe('random')
    expect(store.dirty).toBe(false)
  })

  it('does not share objects between the project and the undo history', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.monitoring.ris.heterogeneity = { kind: 'user', value: 0.3 }
    })
    store.undo()
    store.redo()
    store.editSettings((p) => {
      p.monitoring.ris.heterogeneity = { kind: 'user', value: 0.4 }
    })
    store.undo()
    expect(store.project.monitoring.ris.heterogeneity).toEqual({ kind: 'user', value: 0.3 })
  })
})

describe('setOutcomeType', () => {
  it('converts the trials to continuous: name, year and flags kept, data emptied, measure MD', () => {
    const store = storeWithTrial()
    store.setOutcomeType('continuous')
    expect(store.outcomeType).toBe('continuous')
    expect(store.project.analysis.measure).toBe('MD')
    expect(store.project.trials).toEqual([
      {
        name: 'Greif 2000',
        year: 2000,
        lowRiskOfBias: true,
        include: false,
        meanIntervention: null,
        sdIntervention: null,
        totalIntervention: null,
        meanControl: null,
        sdControl: null,
        totalControl: null
      }
    ])
    expect(store.columns.map((c) => c.field)).toContain('meanIntervention')
    expect(store.dirty).toBe(true)
    expect(parseProjectFile(JSON.parse(JSON.stringify(store.project))).ok).toBe(true)
  })

  it('is one undo step that brings back the dichotomous data and measure', () => {
    const store = storeWithTrial()
    store.editSettings((p) => {
      p.analysis.measure = 'OR'
    })
    store.setOutcomeType('continuous')
    store.undo()
    expect(store.outcomeType).toBe('dichotomous')
    expect(store.project.analysis.measure).toBe('OR')
    expect(store.cellText(0, 'eventsControl')).toBe('28')
    store.undo()
    expect(store.project.analysis.measure).toBe('RR')
    expect(store.dirty).toBe(false)
  })

  it('sets RR when going back to dichotomous, and moves an events axis to participants', () => {
    const store = useProjectStore()
    store.editSettings((p) => {
      p.monitoring.informationAxis = 'events'
    })
    store.setOutcomeType('continuous')
    expect(store.project.monitoring.informationAxis).toBe('participants')
    store.setOutcomeType('dichotomous')
    expect(store.project.analysis.measure).toBe('RR')
    expect(store.project.trials).toEqual([])
  })

  it('drops the unparsed text of cells that no longer exist', () => {
    const store = storeWithTrial()
    store.setCell(0, 'totalControl', 'many')
    expect(store.cellError(0, 'totalControl')).not.toBeNull()
    store.setOutcomeType('continuous')
    expect(store.drafts).toEqual([{}])
    expect(store.errors).toEqual([{}])
  })

  it('does nothing when the type is already the current one', () => {
    const store = useProjectStore()
    store.setOutcomeType('dichotomous')
    expect(store.canUndo).toBe(false)
    expect(store.project).toEqual(emptyProject())
  })
})
