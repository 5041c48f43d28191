// A modal dialog's keyboard and focus rules (WAI-ARIA APG "Dialog (Modal)"): the rest of the page is inert while it is
// open, Tab and Shift+Tab stay inside, Esc cancels, and focus goes back to where it was when the dialog closes. The
// page's own shortcuts (Ctrl+Z, Ctrl+I…) do not reach the page underneath.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])'
].join(',')

export function useModalDialog(
  dialog: Ref<HTMLElement | null>,
  onCancel: () => void
): { onKeydown(event: KeyboardEvent): void; focusFirst(): void } {
  let opener: Element | null = null
  /** the page's other top-level elements, made inert, with what they were before */
  let madeInert: { element: HTMLElement; was: boolean }[] = []

  const focusable = (): HTMLElement[] =>
    dialog.value === null ? [] : [...dialog.value.querySelectorAll<HTMLElement>(FOCUSABLE)]

  function focusFirst(): void {
    focusable()[0]?.focus()
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
      return
    }
    if (event.ctrlKey || event.metaKey) {
      event.stopPropagation() // Ctrl+Z in the dialog must not undo the project behind it
      return
    }
    if (event.key !== 'Tab') return
    const items = focusable()
    const first = items[0]
    const last = items[items.length - 1]
    if (first === undefined || last === undefined) {
      event.preventDefault()
      return
    }
    const active = document.activeElement
    if (event.shiftKey && (active === first || !dialog.value?.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !dialog.value?.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  }

  onMounted(() => {
    opener = document.activeElement
    // The dialog sits in its own top-level element (Teleport to body); everything else becomes inert.
    const own = dialog.value?.closest('body > *') ?? null
    madeInert = [...document.body.children]
      .filter(
        (element): element is HTMLElement => element instanceof HTMLElement && element !== own
      )
      .map((element) => ({ element, was: element.inert }))
    for (const { element } of madeInert) element.inert = true
    focusFirst()
  })

  onBeforeUnmount(() => {
    for (const { element, was } of madeInert) element.inert = was
    madeInert = []
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
  })

  return { onKeydown, focusFirst }
}
