/**
 * The exit codes of every RoleCall program (`npm start`, `rolecall`, `rolecall spotlight`,
 * `rolecall db`, `rolecall profile`), in one table. What "failed" means is each program's own, and its usage says so.
 */
export const EXIT = {
  /**
   * Done. Also `rolecall` when the reader closes the pipe early (`rolecall roles | head -1`): it
   * stops quietly with 0 rather than the shell's 141, so `set -o pipefail` scripts do not fail.
   */
  ok: 0,
  /**
   * The run did what it could, and something did not succeed: `rolecall`, a title was ambiguous
   * or not found (`rolecall ask`: a question needed clarifying or was out of scope);
   * `rolecall spotlight` and `rolecall db`, a post, a token or the database failed;
   * `rolecall profile`, nothing is saved for that user, or the database failed;
   * `npm start`, start-up failed (the database or a platform's API could not be reached).
   */
  failed: 1,
  /** Bad usage or configuration. */
  usage: 2,
  /** The role data is invalid. */
  data: 3,
  /**
   * RoleCall could not finish (sysexits' EX_SOFTWARE): `rolecall`, a command failed unexpectedly
   * (its error id is printed) or `--png` / `--svg` could not be written; the message says what.
   */
  internal: 70,
  /**
   * `rolecall spotlight run` stopped by Ctrl-C (128 + SIGINT, the shell's convention): the sends in
   * flight finished, what was not sent is left for the next run (a second signal leaves at once).
   */
  interrupted: 130,
  /** As `interrupted`, stopped by SIGTERM (128 + SIGTERM). */
  terminated: 143,
} as const;
