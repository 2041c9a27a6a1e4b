// Runs a command-line script: known problems (bad environment, locked data directory) are
// printed as one clear message, without a stack trace.
import { EnvError } from '@/config/env';
import { DataDirLockedError } from '@/db/pglite-lock';

/** A problem a script explains in its message: printed without a stack trace. */
export class ScriptProblem extends Error {}

export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof EnvError || error instanceof DataDirLockedError || error instanceof ScriptProblem) {
        console.error(error.message);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
