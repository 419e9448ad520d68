/** A bad configuration value (a variable, a CLI flag or an option): its message names it and says what is expected. */
export class MockConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MockConfigError';
  }
}
