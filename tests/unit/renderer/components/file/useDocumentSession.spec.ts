// The document's life around the commands (composables/useDocumentSession.ts): the host hears the title and the
// dirty state, recovered work is looked for at start, the desktop's menu commands run, and only the web build takes
// the File shortcuts from the keyboard.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { fileShortcut, useDocumentSession } from '@renderer/composables/useDocumentSession'
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

  it('on the desktop the menus own the accelerators: no keyboard handling in the page', async () => {
    host.answers.appInfo = () => ({ name: 'OpenTSA', version: '1.2.3', host: 'desktop' })
    const wrapper = await start()
    const event = press('s')
    await flushPromises()
    expect(event.defaultPrevented).toBe(false)
    expect(host.calls('saveProject')).toEqual([])
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
