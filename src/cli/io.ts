/** What a CLI command writes and returns; commands never call process.exit, so tests run them in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads standard input (for `-`). */
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

/** Exit codes (README, "The command line"): 0 success, 1 valid plan that does not fit, 2 invalid input or usage. */
export const EXIT_OK = 0;
export const EXIT_DOES_NOT_FIT = 1;
export const EXIT_USAGE = 2;

export type CommandRunner = (args: string[], io: CliIo) => Promise<number>;
