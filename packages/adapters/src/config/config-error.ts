/** Invalid configuration: start-up stops with this one line, which names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    received: string | undefined,
  ) {
    super(`Invalid configuration: ${variable} ${problem}${received === undefined ? '' : ` (got ${JSON.stringify(received)})`}`);
    this.name = 'ConfigError';
  }
}
