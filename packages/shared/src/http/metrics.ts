/** A small Prometheus text-format registry: counters, gauges and histograms with labels. */
type Labels = Record<string, string>

const key = (labels: Labels) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
    .join(',')

const defaultBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type Series = { labels: string; value: number }
type HistSeries = { labels: string; counts: number[]; sum: number; count: number }

export type Metrics = {
  counter(name: string, help: string): (labels?: Labels, by?: number) => void
  gauge(name: string, help: string): (labels: Labels, value: number) => void
  histogram(name: string, help: string, buckets?: number[]): (labels: Labels, value: number) => void
  render(): string
}

export const createMetrics = (prefix = 'closeloop_'): Metrics => {
  const renderers: Array<() => string> = []
  return {
    counter(name, help) {
      const series = new Map<string, Series>()
      renderers.push(() =>
        [`# HELP ${prefix}${name} ${help}`, `# TYPE ${prefix}${name} counter`]
          .concat([...series.values()].map((s) => `${prefix}${name}{${s.labels}} ${s.value}`))
          .join('\n'),
      )
      return (labels = {}, by = 1) => {
        const k = key(labels)
        const s = series.get(k) ?? { labels: k, value: 0 }
        s.value += by
        series.set(k, s)
      }
    },
    gauge(name, help) {
      const series = new Map<string, Series>()
      renderers.push(() =>
        [`# HELP ${prefix}${name} ${help}`, `# TYPE ${prefix}${name} gauge`]
          .concat([...series.values()].map((s) => `${prefix}${name}{${s.labels}} ${s.value}`))
          .join('\n'),
      )
      return (labels, value) => {
        const k = key(labels)
        series.set(k, { labels: k, value })
      }
    },
    histogram(name, help, buckets = defaultBuckets) {
      const series = new Map<string, HistSeries>()
      const n = `${prefix}${name}`
      renderers.push(() => {
        const lines = [`# HELP ${n} ${help}`, `# TYPE ${n} histogram`]
        for (const s of series.values()) {
          const sep = s.labels ? ',' : ''
          buckets.forEach((b, i) => {
            lines.push(`${n}_bucket{${s.labels}${sep}le="${b}"} ${s.counts[i]}`)
          })
          lines.push(`${n}_bucket{${s.labels}${sep}le="+Inf"} ${s.count}`)
          lines.push(`${n}_sum{${s.labels}} ${s.sum}`, `${n}_count{${s.labels}} ${s.count}`)
        }
        return lines.join('\n')
      })
      return (labels, value) => {
        const k = key(labels)
        const s = series.get(k) ?? { labels: k, counts: buckets.map(() => 0), sum: 0, count: 0 }
        buckets.forEach((b, i) => {
          if (value <= b) s.counts[i] = (s.counts[i] ?? 0) + 1
        })
        s.sum += value
        s.count += 1
        series.set(k, s)
      }
    },
    render: () => `${renderers.map((r) => r()).join('\n')}\n`,
  }
}
