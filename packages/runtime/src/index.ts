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
