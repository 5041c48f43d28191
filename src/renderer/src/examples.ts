// The bundled example projects (resources/examples), imported by Vite as plain JSON and offered by "Load example".
import coronary from '../../../resources/examples/coronary.opentsa.json'
import eds from '../../../resources/examples/eds.opentsa.json'
import perioOxy from '../../../resources/examples/perioOxy.opentsa.json'

export interface BundledExample {
  id: string
  title: string
  /** the file content, still to go through parseProjectFile */
  data: unknown
}

export const EXAMPLES: readonly BundledExample[] = [
  { id: 'perioOxy', title: perioOxy.title, data: perioOxy },
  { id: 'coronary', title: coronary.title, data: coronary },
  { id: 'eds', title: eds.title, data: eds }
]
