// The dszd-term command. Runs on import: bin/dszd-term.js imports the build of this file (dist/cli.js).
import { runCli } from './run';
import { removePendingTemps } from './write-atomic';

// `dszd-term list | head`: a reader that stops early is not an error worth a message
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C or a kill: remove the temporary file of a write under way, then end as the signal would (128 + its number).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => {
    removePendingTemps();
    process.exit(code);
  });

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
