// Evaluation figures. Macro-F1 averages the classes present in the gold labels, so a two-class
// set (UCI) is scored on negative/positive and a neutral prediction there counts as an error.

export type ClassReport = {
  n: number
  accuracy: number
  macroF1: number
  recall: number[]
  f1: number[]
}

export const classReport = (
  gold: ArrayLike<number>,
  pred: ArrayLike<number>,
  k = 3,
): ClassReport => {
  const tp = new Array<number>(k).fill(0)
  const goldCount = new Array<number>(k).fill(0)
  const predCount = new Array<number>(k).fill(0)
  let correct = 0
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as number
    const p = pred[i] as number
    goldCount[g] = (goldCount[g] ?? 0) + 1
    predCount[p] = (predCount[p] ?? 0) + 1
    if (g === p) {
      tp[g] = (tp[g] ?? 0) + 1
      correct++
    }
  }
  const recall = tp.map((t, c) => ((goldCount[c] ?? 0) > 0 ? t / (goldCount[c] ?? 1) : Number.NaN))
  const precision = tp.map((t, c) => ((predCount[c] ?? 0) > 0 ? t / (predCount[c] ?? 1) : 0))
  const f1 = recall.map((r, c) => {
    const p = precision[c] ?? 0
    return Number.isNaN(r) ? Number.NaN : p + r > 0 ? (2 * p * r) / (p + r) : 0
  })
  const present = f1.filter((x) => !Number.isNaN(x))
  return {
    n: gold.length,
    accuracy: gold.length > 0 ? correct / gold.length : 0,
    macroF1: present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : 0,
    recall,
    f1,
  }
}

const ranks = (xs: readonly number[]): number[] => {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0])
  const r = new Array<number>(xs.length).fill(0)
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++
    const avg = (i + j) / 2 + 1
    for (let q = i; q <= j; q++) r[order[q]?.[1] ?? 0] = avg
    i = j + 1
  }
  return r
}

/** Spearman's rank correlation with average ranks for ties. */
export const spearman = (a: readonly number[], b: readonly number[]): number => {
  const ra = ranks(a)
  const rb = ranks(b)
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
  const ma = mean(ra)
  const mb = mean(rb)
  let num = 0
  let da = 0
  let db = 0
  for (let i = 0; i < ra.length; i++) {
    const x = (ra[i] ?? 0) - ma
    const y = (rb[i] ?? 0) - mb
    num += x * y
    da += x * x
    db += y * y
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0
}

/** ROC AUC of `score` for the positives (ties count half), via the rank-sum formula. */
export const auc = (score: readonly number[], positive: readonly boolean[]): number => {
  const r = ranks(score)
  let sumPos = 0
  let nPos = 0
  for (let i = 0; i < r.length; i++) {
    if (positive[i]) {
      sumPos += r[i] ?? 0
      nPos++
    }
  }
  const nNeg = r.length - nPos
  if (nPos === 0 || nNeg === 0) return Number.NaN
  return (sumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg)
}

/** Expected calibration error of the top-class confidence over 10 equal-width bins. */
export const ece = (confidence: readonly number[], correct: readonly boolean[]): number => {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, acc: 0 }))
  confidence.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))]
    if (b === undefined) return
    b.n++
    b.conf += c
    b.acc += correct[i] ? 1 : 0
  })
  const n = confidence.length
  return bins.reduce(
    (s, b) => s + (b.n > 0 ? (b.n / n) * Math.abs(b.conf / b.n - b.acc / b.n) : 0),
    0,
  )
}
