/** Raised when a text is longer than the detector accepts; callers turn it into a clear 413-style error. */
export class InputTooLargeError extends Error {
  readonly limit: number;
  readonly actual: number;
  constructor(actual: number, limit: number) {
    super(`Input is ${actual} characters; the limit is ${limit}.`);
    this.name = "InputTooLargeError";
    this.limit = limit;
    this.actual = actual;
  }
}
