// Component tests drive form controls the way a user finds them: by the exact text of their <label for>.
import { flushPromises } from '@vue/test-utils'

/** The control named by a label with exactly this text. */
export function control<T extends HTMLElement = HTMLInputElement>(name: string): T {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === name)
  const el = label === undefined ? null : document.getElementById(label.htmlFor)
  if (el === null) throw new Error(`no control labelled "${name}"`)
  return el as T
}

/** Types into a text field and leaves it (the `change` event commits). */
export async function type(name: string, text: string): Promise<void> {
  const input = control(name)
  input.value = text
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

/** Picks an option of a select by its value. */
export async function choose(name: string, value: string): Promise<void> {
  const select = control<HTMLSelectElement>(name)
  select.value = value
  select.dispatchEvent(new Event('change'))
  await flushPromises()
}
