// Runs a command-line script: known problems (bad environment, locked data directory) are
// printed as one clear message, without a stack trace.
import { EnvError } from '@/config/env';
import { DataDirLockedError } from '@/db/pglite-lock';

export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof EnvError || error instanceof DataDirLockedError) {
        console.error(error.message);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
