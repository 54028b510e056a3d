export { loadConfig, DEV_JWT_SECRET } from './load-config.js';
export { ConfigError } from './config-error.js';
export { LOG_LEVELS, NODE_ENVS, SCHEDULER_MODES } from './app-config.js';
export type { AppConfig, LogLevel, NodeEnv, SchedulerMode } from './app-config.js';
