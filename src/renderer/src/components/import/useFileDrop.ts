// A file dropped anywhere on the window (the desktop app does not navigate to it: navigateOnDragDrop is off). Only
// drags that carry files are taken; dragging text between fields works as before. `dragging` drives the drop hint.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer?.types.includes('Files') ?? false

export function useFileDrop(onFile: (file: File) => void): { dragging: Ref<boolean> } {
  const dragging = ref(false)

  function onDragOver(event: DragEvent): void {
    if (!carriesFiles(event)) return
    event.preventDefault() // without it the browser opens the file instead of dropping it here
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy'
    dragging.value = true
  }

  function onDragLeave(event: DragEvent): void {
    // no related target: the pointer left the window (moving between the page's elements has one)
    if (event.relatedTarget === null) dragging.value = false
  }

  function onDrop(event: DragEvent): void {
    if (!carriesFiles(event)) return
    event.preventDefault()
    dragging.value = false
    const file = event.dataTransfer?.files[0]
    if (file !== undefined) onFile(file)
  }

  const stop = (): void => {
    dragging.value = false
  }

  onMounted(() => {
    window.addEventListener('dragenter', onDragOver)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    window.addEventListener('dragend', stop)
  })

  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', onDragOver)
    window.removeEventListener('dragover', onDragOver)
    window.removeEventListener('dragleave', onDragLeave)
    window.removeEventListener('drop', onDrop)
    window.removeEventListener('dragend', stop)
  })

  return { dragging }
}
