// The document's life around the commands (composables/useDocumentSession.ts): the host hears the title and the
// dirty state, recovered work is looked for at start, the desktop's menu commands run, and only the web build takes
// the File shortcuts from the keyboard.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import {
  fileShortcut,
  undoShortcut,
  useDocumentSession
} from '@renderer/composables/useDocumentSession'
import { useDocumentStore } from '@renderer/stores/document'
import { useProjectStore } from '@renderer/stores/project'
import { syntheticResult } from '../../charts/syntheticResult'
import { installFakeHost, type FakeHost } from '../../stores/fakeHost'

let host: FakeHost
const result = syntheticResult()

/** A component that only runs the session, as App.vue does. */
const Harness = defineComponent({
  setup() {
    const { appInfo } = useDocumentSession(() => result)
    return () => h('p', appInfo.value?.host ?? 'unknown')
  }
})

async function start(): Promise<ReturnType<typeof mount>> {
  const wrapper = mount(Harness, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

const press = (key: string, init: KeyboardEventInit = {}): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { key, ctrlKey: true, cancelable: true, ...init })
  window.dispatchEvent(event)
  return event
}

beforeEach(() => {
  setActivePinia(createPinia())
  host = installFakeHost()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useDocumentSession', () => {
  it('tells the host the title and dirty state at start and whenever they change', async () => {
    const wrapper = await start()
    expect(host.calls('setDocumentState')).toEqual([{ title: 'Untitled', dirty: false }])
    useProjectStore().addTrial()
    await flushPromises()
    expect(host.calls('setDocumentState').at(-1)).toEqual({ title: 'Untitled', dirty: true })
    await useDocumentStore().save(false)
    await flushPromises()
    expect(host.calls('setDocumentState').at(-1)).toEqual({
      title: 'saved.opentsa.json',
      dirty: false
    })
    wrapper.unmount()
  })

  it('looks for recovered work at start', async () => {
    const work = {
      project: useProjectStore().project,
      savedAt: '2026-03-01T10:20:30.000Z',
      document: null
    }
    host.answers.recovery = () => work
    const wrapper = await start()
    expect(host.calls('recovery')).toEqual([null])
    expect(useDocumentStore().recovered).toEqual(JSON.parse(JSON.stringify(work)))
    wrapper.unmount()
  })

  it('runs the native menu commands with the current result, until unmounted', async () => {
    const wrapper = await start()
    expect(host.listeners).toBe(1)
    host.menu({ command: 'exportResults' })
    await flushPromises()
    expect(host.calls('exportFile')[0]).toMatchObject({ kind: 'csv' })
    wrapper.unmount()
    expect(host.listeners).toBe(0)
  })

  it('in the web build, Ctrl+S saves (and the browser does not), Ctrl+Shift+S saves as', async () => {
    const wrapper = await start()
    expect(wrapper.text()).toBe('web')
    const save = press('s')
    expect(save.defaultPrevented).toBe(true)
    press('S', { shiftKey: true })
    await flushPromises()
    expect(host.calls('saveProject').map((c) => c.saveAs)).toEqual([false, true])
    wrapper.unmount()
    press('s')
    await flushPromises()
    expect(host.calls('saveProject')).toHaveLength(2) // the listener went with the app
  })

  it('on the desktop the menus own the File accelerators: the page leaves Ctrl+S alone', async () => {
    host.answers.appInfo = () => ({ name: 'OpenTSA', version: '1.2.3', host: 'desktop' })
    const wrapper = await start()
    const event = press('s')
    await flushPromises()
    expect(event.defaultPrevented).toBe(false)
    expect(host.calls('saveProject')).toEqual([])
    wrapper.unmount()
  })

  it.each(['web', 'desktop'] as const)(
    'in the %s host, Ctrl+Z outside the grid and text fields undoes the last project edit',
    async (kind) => {
      host.answers.appInfo = () => ({ name: 'OpenTSA', version: '1.2.3', host: kind })
      const wrapper = await start()
      const project = useProjectStore()
      project.editSettings((p) => {
        p.monitoring.alpha = 0.01
      })
      const undo = press('z')
      expect(undo.defaultPrevented).toBe(true)
      await flushPromises()
      expect(project.project.monitoring.alpha).toBe(0.05)
      press('y')
      await flushPromises()
      expect(project.project.monitoring.alpha).toBe(0.01)
      wrapper.unmount()
    }
  )

  it("the menu's Undo while a text field has the focus undoes the typing, not the project", async () => {
    const wrapper = await start()
    const project = useProjectStore()
    project.editSettings((p) => {
      p.monitoring.alpha = 0.01
    })
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    const execCommand = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    host.menu({ command: 'undo' })
    await flushPromises()
    expect(execCommand).toHaveBeenCalledWith('undo')
    expect(project.project.monitoring.alpha).toBe(0.01)
    input.remove()
    wrapper.unmount()
  })

  it('a key another control already handled is left alone', async () => {
    const wrapper = await start()
    const event = new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, cancelable: true })
    event.preventDefault()
    window.dispatchEvent(event)
    await flushPromises()
    expect(host.calls('openProject')).toEqual([])
    wrapper.unmount()
  })
})

describe('undoShortcut', () => {
  const inField = (key: string, init: KeyboardEventInit = {}): ReturnType<typeof undoShortcut> => {
    const input = document.createElement('input')
    document.body.append(input)
    let command: ReturnType<typeof undoShortcut> = null
    input.addEventListener('keydown', (e) => (command = undoShortcut(e)))
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }))
    input.remove()
    return command
  }

  it('maps Ctrl/Cmd+Z to undo, Shift+Z and Ctrl+Y to redo; a text field keeps its own undo', () => {
    const key = (k: string, init: KeyboardEventInit = {}) =>
      undoShortcut(new KeyboardEvent('keydown', { key: k, ...init }))
    expect(key('z', { ctrlKey: true })).toEqual({ command: 'undo' })
    expect(key('Z', { metaKey: true, shiftKey: true })).toEqual({ command: 'redo' })
    expect(key('y', { ctrlKey: true })).toEqual({ command: 'redo' })
    expect(key('z')).toBeNull()
    expect(inField('z', { ctrlKey: true })).toBeNull()
  })
})

describe('fileShortcut', () => {
  const key = (k: string, init: KeyboardEventInit = {}) =>
    fileShortcut(new KeyboardEvent('keydown', { key: k, ...init }))

  it('maps Ctrl or Cmd + N, O, S, Shift+S, I, P', () => {
    expect(key('n', { ctrlKey: true })).toEqual({ command: 'new' })
    expect(key('o', { metaKey: true })).toEqual({ command: 'open' })
    expect(key('s', { ctrlKey: true })).toEqual({ command: 'save' })
    expect(key('S', { ctrlKey: true, shiftKey: true })).toEqual({ command: 'saveAs' })
    expect(key('i', { ctrlKey: true })).toEqual({ command: 'import' })
    expect(key('p', { ctrlKey: true })).toEqual({ command: 'print' })
  })

  it('leaves undo/redo to the grid, and other keys and modifiers to the browser', () => {
    expect(key('z', { ctrlKey: true })).toBeNull()
    expect(key('y', { ctrlKey: true })).toBeNull()
    expect(key('s')).toBeNull()
    expect(key('s', { ctrlKey: true, altKey: true })).toBeNull()
    expect(key('I', { ctrlKey: true, shiftKey: true })).toBeNull() // the developer tools
  })
})
