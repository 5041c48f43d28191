// The in-page File toolbar and the recovery banner: their accessible names, what their buttons run (through the
// document store, over a stand-in host), and where the outcome is shown.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import FileToolbar from '@renderer/components/file/FileToolbar.vue'
import RecoveryBanner from '@renderer/components/file/RecoveryBanner.vue'
import { emptyProject } from '@renderer/stores/project'
import { syntheticResult } from '../../charts/syntheticResult'
import { installFakeHost, type FakeHost } from '../../stores/fakeHost'

let host: FakeHost

beforeEach(() => {
  setActivePinia(createPinia())
  host = installFakeHost()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const button = (wrapper: ReturnType<typeof mount>, name: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === name)
  if (found === undefined) throw new Error(`no button "${name}"`)
  return found
}

describe('FileToolbar', () => {
  it('offers the File commands by name, in a group named "File", with room for more (the slot)', () => {
    const wrapper = mount(FileToolbar, {
      props: { result: null },
      slots: { default: '<button type="button">Load example</button>' }
    })
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBe('File')
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual([
      'New',
      'Open…',
      'Save',
      'Save as…',
      'Import data…',
      'Export results',
      'Export report',
      'Print',
      'Load example'
    ])
  })

  it('each button runs its command on the host', async () => {
    const wrapper = mount(FileToolbar, { props: { result: syntheticResult() } })
    for (const name of [
      'New',
      'Open…',
      'Save',
      'Save as…',
      'Import data…',
      'Export results',
      'Export report',
      'Print'
    ]) {
      await button(wrapper, name).trigger('click')
      await flushPromises()
    }
    expect(host.log).toEqual([
      'newDocument',
      'openProject',
      'saveProject',
      'autosave', // a save clears the autosaved copy
      'saveProject',
      'autosave',
      'chooseImportFile', // the wizard reads the file (components/import)
      'exportFile',
      'appInfo', // the report names the version
      'exportFile',
      'print'
    ])
    expect(host.calls('saveProject').map((c) => c.saveAs)).toEqual([false, true])
    expect(host.calls('exportFile').map((c) => c.kind)).toEqual(['csv', 'html'])
  })

  it('Export results and Export report wait for results', () => {
    const wrapper = mount(FileToolbar, { props: { result: null } })
    expect(button(wrapper, 'Export results').attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Export report').attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Save').attributes('disabled')).toBeUndefined()
  })

  it('shows what a command did as status, and a failure as an alert', async () => {
    const wrapper = mount(FileToolbar, { props: { result: null } })
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    await button(wrapper, 'Save').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toBe('Saved saved.opentsa.json.')

    host.answers.openProject = () => {
      throw new Error('broken.opentsa.json is not valid JSON')
    }
    await button(wrapper, 'Open…').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Could not open the project: broken.opentsa.json is not valid JSON'
    )
    expect(wrapper.get('[role="status"]').text()).toBe('')
  })
})

describe('RecoveryBanner', () => {
  const work = {
    project: emptyProject(),
    savedAt: '2026-03-01T10:20:30.000Z',
    document: { name: 'perioOxy.opentsa.json' }
  }

  it('says when the work is from (local time) and offers Restore and Discard', async () => {
    const wrapper = mount(RecoveryBanner, { props: { work } })
    const text = wrapper.get('p').text()
    expect(text).toBe(
      `Unsaved work from ${new Date(work.savedAt).toLocaleString()} was recovered (perioOxy.opentsa.json).`
    )
    const region = wrapper.get('section')
    expect(region.attributes('aria-labelledby')).toBe(wrapper.get('p').attributes('id'))
    await button(wrapper, 'Restore').trigger('click')
    await button(wrapper, 'Discard').trigger('click')
    expect(Object.keys(wrapper.emitted())).toEqual(expect.arrayContaining(['restore', 'discard']))
  })

  it('leaves the name out for work that was never saved', () => {
    const wrapper = mount(RecoveryBanner, { props: { work: { ...work, document: null } } })
    expect(wrapper.get('p').text()).toMatch(/was recovered\.$/)
  })
})
