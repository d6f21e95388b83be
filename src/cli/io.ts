/**
 * What a command may do to the world outside its files: the edge (src/bin) hands the process's
 * streams, working directory and environment in; tests hand in buffers. Commands never reach for
 * `process` themselves, so the binary and an in-process test run the same code.
 */
export interface Output {
  write(text: string): void;
  /** Whether a person is watching (a terminal): progress and colour only then. */
  readonly isTTY: boolean;
}

export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  /**
   * Called once before the first write to a file the user will keep (a report, a baseline, a
   * config). The binary uses it to make SIGINT/SIGTERM wait for that write and remove its
   * temporary file; before it, a signal must still stop a long audit at once.
   */
  beforeFirstWrite(): void;
  /** Standard input, read whole (`--changed-since -`); only called when a command reads it. */
  readStdin(): string;
}
