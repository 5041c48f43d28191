// The settings sections' access to the project: its parts to read, and setters that go through the store's
// editSettings (one undo step, dirty). Optional keys set to `undefined` are removed (settingRules setOptional).
import { computed } from 'vue'
import type { AnalysisSettings, MonitoringSettings, ProjectFile } from '@shared/projectFile'
import { useProjectStore } from '../../stores/project'
import { setOptional, type RisSettings } from './settingRules'

export function useSettingsEdit() {
  const store = useProjectStore()
  const edit = (change: (project: ProjectFile) => void): void => store.editSettings(change)
  return {
    store,
    edit,
    outcome: computed(() => store.project.outcome),
    analysis: computed(() => store.project.analysis),
    monitoring: computed(() => store.project.monitoring),
    ris: computed(() => store.project.monitoring.ris),
    setAnalysis<K extends keyof AnalysisSettings>(key: K, value: AnalysisSettings[K] | undefined) {
      edit((p) => setOptional(p.analysis, key, value))
    },
    setMonitoring<K extends keyof MonitoringSettings>(
      key: K,
      value: MonitoringSettings[K] | undefined
    ) {
      edit((p) => setOptional(p.monitoring, key, value))
    },
    setRis<K extends keyof RisSettings>(key: K, value: RisSettings[K] | undefined) {
      edit((p) => setOptional(p.monitoring.ris, key, value))
    }
  }
}
