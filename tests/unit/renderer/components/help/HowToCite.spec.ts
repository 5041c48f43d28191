// Help → How to cite: the button and the menu command open one modal dialog, named "How to cite", that cites the
// software with the host's version and the methods papers, and copies it all as text.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import HowToCite from '@renderer/components/help/HowToCite.vue'
import { useHowToCite } from '@renderer/composables/useHowToCite'
import { CORE_METHOD_REFERENCES } from '@shared/report/citation'
import { installFakeHost } from '../../stores/fakeHost'

beforeEach(() => {
  setActivePinia(createPinia())
  installFakeHost()
  useHowToCite().hide()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

const mountDialog = () => mount(HowToCite, { attachTo: document.body })

describe('HowToCite', () => {
  it('the button opens a dialog named "How to cite" with the software, its version and the methods papers', async () => {
    const wrapper = mountDialog()
    const dialog = wrapper.get('dialog')
    expect((dialog.element as HTMLDialogElement).open).toBe(false)
    await wrapper.get('button.how-to-cite-button').trigger('click')
    await flushPromises()
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    const labelledBy = dialog.attributes('aria-labelledby') ?? ''
    expect(document.getElementById(labelledBy)?.textContent).toBe('How to cite')
    expect(wrapper.get('[data-testid="citation-software"]').text()).toBe(
      'OpenTSA version 1.2.3 (software). Open, offline trial sequential analysis for cumulative meta-analysis.'
    )
    const papers = wrapper.findAll('ol li').map((li) => li.text())
    expect(papers).toHaveLength(CORE_METHOD_REFERENCES.length)
    expect(papers[0]).toMatch(
      /^Wetterslev J, Thorlund K, Brok J, Gluud C\. Trial sequential analysis/
    )
    expect(papers.some((p) => p.startsWith('Lan KKG, DeMets DL.'))).toBe(true)
    wrapper.unmount()
  })

  it('Help → How to cite (the menu command) opens it; Close and Esc (the dialog closing) close it', async () => {
    const wrapper = mountDialog()
    const dialog = wrapper.get('dialog').element as HTMLDialogElement
    useHowToCite().show()
    await flushPromises()
    expect(dialog.open).toBe(true)
    const close = wrapper.findAll('button').find((b) => b.text() === 'Close')
    await close?.trigger('click')
    await flushPromises()
    expect(dialog.open).toBe(false)
    expect(useHowToCite().open.value).toBe(false)

    useHowToCite().show()
    await flushPromises()
    dialog.close() // what Esc does to a modal dialog
    dialog.dispatchEvent(new Event('close'))
    await flushPromises()
    expect(useHowToCite().open.value).toBe(false)
    wrapper.unmount()
  })

  it('Copy citation puts the whole citation on the clipboard as text', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const wrapper = mountDialog()
    useHowToCite().show()
    await flushPromises()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Copy citation')
      ?.trigger('click')
    await flushPromises()
    const text = writeText.mock.calls[0]?.[0] ?? ''
    expect(text.split('\n')[0]).toBe(
      'OpenTSA version 1.2.3 (software). Open, offline trial sequential analysis for cumulative meta-analysis.'
    )
    expect(text).toMatch(/\n1\. Wetterslev J/)
    expect(wrapper.get('[role="status"]').text()).toBe('Copied.')
    wrapper.unmount()
  })
})
