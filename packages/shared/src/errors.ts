/** Closed set of failure codes; HTTP and consumers map them to statuses and retries. */
export const ErrorCode = {
  INVALID_CONFIG: { status: 500, retryable: false },
  VALIDATION_FAILED: { status: 422, retryable: false },
  MALFORMED_REQUEST: { status: 400, retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, retryable: false },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false },
  UNAUTHENTICATED: { status: 401, retryable: false },
  FORBIDDEN: { status: 403, retryable: false },
  NOT_FOUND: { status: 404, retryable: false },
  CONFLICT: { status: 409, retryable: false },
  KAFKA_UNAVAILABLE: { status: 503, retryable: true },
  STORE_UNAVAILABLE: { status: 503, retryable: true },
  INVALID_EVENT: { status: 500, retryable: false },
  INTERNAL: { status: 500, retryable: false },
} as const
export type ErrorCode = keyof typeof ErrorCode

export type FieldIssue = { path: string; message: string }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  readonly fields: FieldIssue[]

  constructor(
    code: ErrorCode,
    message: string,
    opts: { cause?: unknown; fields?: FieldIssue[] } = {},
  ) {
    super(message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.retryable = ErrorCode[code].retryable
    this.fields = opts.fields ?? []
  }
}

export const isRetryable = (err: unknown): boolean => err instanceof AppError && err.retryable
