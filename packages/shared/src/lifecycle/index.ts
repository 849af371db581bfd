import type { Logger } from 'pino'

export type Stoppable = { stop: () => Promise<void> }

/**
 * Runs a service until SIGTERM/SIGINT, then stops it once, within a deadline.
 * Only this function (called from main.ts) decides the process's exit code.
 */
export const runMain = async (
  name: string,
  log: Logger,
  start: () => Promise<Stoppable>,
  opts: { deadlineMs: number },
): Promise<void> => {
  let service: Stoppable
  try {
    service = await start()
  } catch (err) {
    log.fatal({ err }, `${name} failed to start`)
    process.exitCode = 1
    return
  }
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, `${name} stopping`)
    const deadline = setTimeout(() => {
      log.error({ deadlineMs: opts.deadlineMs }, `${name} did not stop in time, exiting`)
      process.exit(1)
    }, opts.deadlineMs)
    deadline.unref()
    try {
      await service.stop()
      log.info(`${name} stopped`)
    } catch (err) {
      log.error({ err }, `${name} stopped with an error`)
      process.exitCode = 1
    } finally {
      clearTimeout(deadline)
    }
    // Client libraries can leave timers behind; once everything is stopped in order, leave.
    process.exit()
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
}

/** Stops parts in the given order (input first, clients last), each once, collecting errors. */
export const stopInOrder = async (parts: Array<[string, () => Promise<void>]>, log: Logger) => {
  const failures: unknown[] = []
  for (const [part, stop] of parts) {
    try {
      await stop()
    } catch (err) {
      failures.push(err)
      log.error({ err, part }, 'stop failed')
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'some parts failed to stop')
}

/**
 * After a start-up failed part-way: stops what was started, in order, and throws `cause`, the
 * error worth reporting (stop failures are logged by stopInOrder).
 */
export const abandonStart = async (
  cause: unknown,
  parts: Array<[string, () => Promise<void>]>,
  log: Logger,
): Promise<never> => {
  await stopInOrder(parts, log).catch(() => {})
  throw cause
}
