// The required information size to show beside its inputs, in the unit of the information axis. With usable
// trials it is the analysis result's (which re-runs on every change); without them the engine computes it from the
// inputs when they are explicit numbers (the analysis cannot run without trials). null when it cannot be formed.
import { computed, ref, watch, type ComputedRef } from 'vue'
import type { HeterogeneityAdjustment, RisRequest, TsaResult } from '@engine'
import type { ProjectFile } from '@shared/projectFile'
import * as engineClient from '../../services/engineClient'
import { useProjectStore } from '../../stores/project'

export interface RisPreview {
  /** the RIS, or null when it cannot be formed now */
  required: number | null
  unit: TsaResult['ris']['unit']
  /** what the number is (or why there is none), in a few words; '' when nothing needs saying */
  note: string
}

interface FormulaRequest {
  request: RisRequest
  /** the heterogeneity adjustment is taken from the trials, so this request leaves it out */
  unadjusted: boolean
}

/** The engine request for a RIS from explicit numbers on the participants axis, or why there is none. */
function formulaRequest(project: ProjectFile): FormulaRequest | string {
  const { monitoring: m, outcome } = project
  if (m.informationAxis !== 'participants') return 'needs trials on this information axis'
  const { ris } = m
  const numbers =
    outcome.type === 'continuous'
      ? { difference: ris.difference, variance: ris.variance }
      : outcome.direction === 'harmful'
        ? { controlRisk: ris.controlRisk, relativeRiskReduction: ris.relativeRiskReduction }
        : { controlRisk: ris.controlRisk, relativeBenefitIncrease: ris.relativeBenefitIncrease }
  if (!Object.values(numbers).every((v) => typeof v === 'number')) {
    return 'needs trials, or numbers for the inputs'
  }
  const h = ris.heterogeneity
  const heterogeneity: HeterogeneityAdjustment =
    h.kind === 'user' ? { kind: 'diversity', value: h.value } : { kind: 'none' }
  return {
    request: { alpha: m.alpha, sides: m.sides, beta: m.beta, heterogeneity, ...numbers } as RisRequest,
    unadjusted: h.kind === 'diversity' || h.kind === 'inconsistency'
  }
}

export function useRisPreview(result: () => TsaResult | null): ComputedRef<RisPreview> {
  const store = useProjectStore()
  const hasTrials = computed(() => store.projectForAnalysis.project.trials.length > 0)
  const formula = computed(() =>
    hasTrials.value || store.project.monitoring.ris.mode === 'manual'
      ? null
      : formulaRequest(store.project)
  )

  // The engine's answer for the current request; answers to superseded requests are dropped.
  const fromEngine = ref<number | null>(null)
  let asked = 0
  watch(
    () => {
      const f = formula.value
      return typeof f === 'object' && f !== null ? JSON.stringify(f.request) : null
    },
    async (request) => {
      const id = ++asked
      fromEngine.value = null
      if (request === null) return
      try {
        const r = await engineClient.computeRequiredInformationSize(JSON.parse(request) as RisRequest)
        if (id === asked) fromEngine.value = r.required
      } catch {
        // inputs the engine rejects (e.g. a zero difference) have no RIS: the line shows "—"
      }
    },
    { immediate: true }
  )

  return computed<RisPreview>(() => {
    const m = store.project.monitoring
    const unit = m.informationAxis
    if (m.ris.mode === 'manual') return { required: m.ris.manual, unit, note: 'as given' }
    if (hasTrials.value) {
      const r = result()
      return r === null
        ? { required: null, unit, note: '' } // running, or failed (the Results region says why)
        : { required: r.ris.required, unit: r.ris.unit, note: '' }
    }
    const f = formula.value
    if (typeof f === 'string') return { required: null, unit, note: f }
    return {
      required: fromEngine.value,
      unit,
      note: f !== null && f.unadjusted ? 'before the heterogeneity adjustment from the trials' : ''
    }
  })
}
