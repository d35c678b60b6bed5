export { type AccessConfig, accessConfigShape, accessControlFromConfig } from './auth/access-config.ts';
export { type AccessControlOptions, DEFAULT_PUBLIC_PATHS } from './auth/access-control.ts';
export { generateApiKey, parseApiKey } from './auth/api-key.ts';
export { ApiKeyDirectory, ApiKeyRecord, ApiKeysFile } from './auth/api-keys.ts';
export {
  createApiKey,
  type NewApiKey,
  readApiKeysFile,
  writeApiKeysFile,
  writeNewApiKeys,
  writeOwnerOnlyFile,
} from './auth/api-keys-file.ts';
export { type Identity, ROLES, Role } from './auth/identity.ts';
export { type JwtSettings, JwtVerifier, type TokenCheck } from './auth/jwt-verifier.ts';
export type { RateLimitSettings } from './auth/rate-limit.ts';
export { type RoleAccess, RouteAccess, type TicketOwner } from './auth/route-access.ts';
export { type ConfigVariable, describeConfig } from './config/describe-config.ts';
export { env } from './config/env-values.ts';
export {
  ConfigError,
  type ConfigProblem,
  type Environment,
  type ExitIo,
  exitOnConfigError,
  loadConfig,
  loadConfigOrExit,
} from './config/load-config.ts';
export { LOG_LEVELS, runtimeConfigShape } from './config/runtime-config.ts';

export {
  type CheckResult,
  checkReadiness,
  type Readiness,
  type ReadinessFacts,
  type ReadinessProbe,
  type ReadinessProbes,
} from './health/readiness.ts';
export { applyHeapGrowth } from './heap/heap-growth.ts';
export { applyPretenuring } from './heap/pretenuring.ts';
export { createHttpServer, type HttpServer, type HttpServerOptions } from './http/http-server.ts';
export { unpairedSurrogateAt } from './http/json-bodies.ts';
export { DOCS_PREFIX, type OpenApiInfo } from './http/openapi.ts';
export { sendProblem } from './http/problem-replies.ts';
export { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from './http/request-ids.ts';
export {
  createLogger,
  type Logger,
  type LoggerSettings,
  type LogLevel,
  type RequestContext,
  withRequestContext,
} from './logging/logger.ts';
export { PERSON_HOLDER_KEYS, PERSONAL_KEYS, REDACTED, SECRET_KEYS } from './logging/redaction.ts';
export {
  consumerLagGauge,
  projectionLagGauge,
  relayLagEventsGauge,
  relayLagSecondsGauge,
  relayPublishedCounter,
  timersPendingGauge,
} from './metrics/lag-metrics.ts';
export { createMetrics, type Metrics, type MetricsOptions } from './metrics/metrics.ts';
export {
  type DomainErrorLike,
  type DomainErrorStatus,
  type DomainProblemOptions,
  domainErrorToProblem,
} from './problems/domain-problems.ts';
export { type ErrorProblem, problemFromError } from './problems/error-problems.ts';
export {
  type FieldError,
  FieldErrorSchema,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_PREFIX,
  type ProblemDocument,
  ProblemDocumentSchema,
  type ProblemInit,
  problem,
  problemType,
  statusTitle,
} from './problems/problem-document.ts';
export { ProblemError } from './problems/problem-error.ts';
export {
  type GracefulShutdown,
  type GracefulShutdownOptions,
  gracefulShutdown,
  type ProcessLike,
  type ShutdownStep,
} from './shutdown/graceful-shutdown.ts';
export { type SpanOptions, TRACER_NAME, withSpan } from './telemetry/spans.ts';
export { startTelemetry, type Telemetry, type TelemetryOptions } from './telemetry/telemetry.ts';
export { extractTraceContext, type HeaderValues, injectTraceHeaders } from './telemetry/trace-headers.ts';
