export * from './in-process-background-tasks.js';
