/** Invalid configuration: start-up stops with this one line, which names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    received: string | undefined,
  ) {
    const got = received === undefined ? '' : ` (got ${JSON.stringify(received)})`;
    super(`Invalid configuration: ${variable} ${problem}${got}`);
    this.name = 'ConfigError';
  }
}
