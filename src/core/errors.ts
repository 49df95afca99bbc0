/** An error that ends a command with a given exit code (2: usage or configuration). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}
