import { MAX_OUTPUT_BYTES, MAX_OUTPUT_LINES } from './protocol';

/**
 * The output caps of one run: every printed line and every byte of rich output counts, and once either cap is
 * reached nothing more is admitted.
 */
export class OutputBudget {
  private lines = 0;
  private bytes = 0;
  private exhausted = false;

  constructor(
    private readonly maxLines = MAX_OUTPUT_LINES,
    private readonly maxBytes = MAX_OUTPUT_BYTES,
  ) {}

  get isExhausted(): boolean {
    return this.exhausted;
  }

  /** Whether output of this size still fits; the first refusal marks the budget exhausted. */
  admit(lines: number, bytes: number): boolean {
    if (this.exhausted) return false;
    if (this.lines + lines > this.maxLines || this.bytes + bytes > this.maxBytes) {
      this.exhausted = true;
      return false;
    }
    this.lines += lines;
    this.bytes += bytes;
    return true;
  }
}
