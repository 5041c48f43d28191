// Whether the How to cite dialog is open: one state for the in-page button and the desktop's Help → How to Cite
// (a menu command the document store passes on).
import { ref, type Ref } from 'vue'

const open = ref(false)

export function useHowToCite(): { open: Ref<boolean>; show(): void; hide(): void } {
  return {
    open,
    show: () => {
      open.value = true
    },
    hide: () => {
      open.value = false
    }
  }
}
