// The papers a report cites, one entry per method (methods.md names which paper each computation follows). The
// methods paragraph numbers them in the order it first cites them; only what the analysis used is listed.

export const REFERENCES = {
  wetterslev2008:
    'Wetterslev J, Thorlund K, Brok J, Gluud C. Trial sequential analysis may establish when firm evidence is reached in cumulative meta-analysis. J Clin Epidemiol. 2008;61(1):64–75.',
  wetterslev2017:
    'Wetterslev J, Jakobsen JC, Gluud C. Trial Sequential Analysis in systematic reviews with meta-analysis. BMC Med Res Methodol. 2017;17:39.',
  thorlundManual:
    'Thorlund K, Engstrøm J, Wetterslev J, Brok J, Imberger G, Gluud C. User manual for Trial Sequential Analysis (TSA). 2nd ed. Copenhagen: Copenhagen Trial Unit; 2017.',
  wetterslev2009:
    'Wetterslev J, Thorlund K, Brok J, Gluud C. Estimating required information size by quantifying diversity in random-effects model meta-analyses. BMC Med Res Methodol. 2009;9:86.',
  higginsThompson2002:
    'Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med. 2002;21(11):1539–1558.',
  lanDeMets1983:
    'Lan KKG, DeMets DL. Discrete sequential boundaries for clinical trials. Biometrika. 1983;70(3):659–663.',
  obrienFleming1979:
    "O'Brien PC, Fleming TR. A multiple testing procedure for clinical trials. Biometrics. 1979;35(3):549–556.",
  pocock1977:
    'Pocock SJ. Group sequential methods in the design and analysis of clinical trials. Biometrika. 1977;64(2):191–199.',
  kimDeMets1987:
    'Kim K, DeMets DL. Design and analysis of group sequential tests based on the type I error spending rate function. Biometrika. 1987;74(1):149–154.',
  hwangShihDeCani1990:
    'Hwang IK, Shih WJ, DeCani JS. Group sequential designs using a family of type I error probability spending functions. Stat Med. 1990;9(12):1439–1445.',
  reboussin2000:
    'Reboussin DM, DeMets DL, Kim K, Lan KKG. Computations for group sequential boundaries using the Lan–DeMets spending function method. Control Clin Trials. 2000;21(3):190–207.',
  jennisonTurnbull2000:
    'Jennison C, Turnbull BW. Group Sequential Methods with Applications to Clinical Trials. Boca Raton: Chapman & Hall/CRC; 2000.',
  pampallona2001:
    'Pampallona S, Tsiatis AA, Kim K. Interim monitoring of group sequential trials using spending functions for the type I and type II error probabilities. Drug Inf J. 2001;35(4):1113–1121.',
  derSimonianLaird1986:
    'DerSimonian R, Laird N. Meta-analysis in clinical trials. Control Clin Trials. 1986;7(3):177–188.',
  sidikJonkman2005:
    'Sidik K, Jonkman JN. Simple heterogeneity variance estimation for meta-analysis. J R Stat Soc Ser C Appl Stat. 2005;54(2):367–384.',
  biggerstaffTweedie1997:
    'Biggerstaff BJ, Tweedie RL. Incorporating variability in estimates of heterogeneity in the random effects model in meta-analysis. Stat Med. 1997;16(7):753–768.',
  viechtbauer2005:
    'Viechtbauer W. Bias and efficiency of meta-analytic variance estimators in the random-effects model. J Educ Behav Stat. 2005;30(3):261–293.',
  pauleMandel1982:
    'Paule RC, Mandel J. Consensus values and weighting factors. J Res Natl Bur Stand. 1982;87(5):377–385.',
  hartungKnapp2001:
    'Hartung J, Knapp G. A refined method for the meta-analysis of controlled clinical trials with binary outcome. Stat Med. 2001;20(24):3875–3889.',
  sidikJonkman2002:
    'Sidik K, Jonkman JN. A simple confidence interval for meta-analysis. Stat Med. 2002;21(21):3153–3159.',
  mantelHaenszel1959:
    'Mantel N, Haenszel W. Statistical aspects of the analysis of data from retrospective studies of disease. J Natl Cancer Inst. 1959;22(4):719–748.',
  greenlandRobins1985:
    'Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up data. Biometrics. 1985;41(1):55–68.',
  robinsBreslowGreenland1986:
    'Robins J, Breslow N, Greenland S. Estimators of the Mantel–Haenszel variance consistent in both sparse data and large-strata limiting models. Biometrics. 1986;42(2):311–323.',
  yusuf1985:
    'Yusuf S, Peto R, Lewis J, Collins R, Sleight P. Beta blockade during and after myocardial infarction: an overview of the randomized trials. Prog Cardiovasc Dis. 1985;27(5):335–371.',
  sweeting2004:
    'Sweeting MJ, Sutton AJ, Lambert PC. What to add to nothing? Use and avoidance of continuity corrections in meta-analysis of sparse data. Stat Med. 2004;23(9):1351–1375.',
  lanHuCappelleri2003:
    'Lan KKG, Hu M, Cappelleri JC. Applying the law of iterated logarithm to cumulative meta-analysis of a continuous endpoint. Stat Sin. 2003;13(4):1135–1145.',
  huCappelleriLan2007:
    'Hu M, Cappelleri JC, Lan KKG. Applying the law of iterated logarithm to control type I error in cumulative meta-analysis of binary outcomes. Clin Trials. 2007;4(4):329–340.',
  kulinskayaWood2014:
    'Kulinskaya E, Wood J. Trial sequential methods for meta-analysis. Res Synth Methods. 2014;5(3):212–220.'
} as const

export type ReferenceId = keyof typeof REFERENCES

/**
 * Numbers references in the order they are first cited, as a journal does: `cite('a', 'b')` gives "[1, 2]", a later
 * `cite('b', 'c')` gives "[2, 3]"; runs of three or more read "[1–3]".
 */
export class CitationList {
  private readonly order: ReferenceId[] = []

  cite(...ids: ReferenceId[]): string {
    const numbers = ids.map((id) => {
      const known = this.order.indexOf(id)
      if (known >= 0) return known + 1
      this.order.push(id)
      return this.order.length
    })
    return `[${compressRuns([...new Set(numbers)].sort((a, b) => a - b))}]`
  }

  /** The reference texts in citation order (entry k is reference number k + 1). */
  references(): string[] {
    return this.order.map((id) => REFERENCES[id])
  }

  ids(): readonly ReferenceId[] {
    return this.order
  }
}

/** [1, 2, 3, 5] → "1–3, 5". */
function compressRuns(sorted: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    const first = sorted[i] as number
    const last = sorted[j] as number
    parts.push(j - i >= 2 ? `${first}–${last}` : sorted.slice(i, j + 1).join(', '))
    i = j + 1
  }
  return parts.join(', ')
}
