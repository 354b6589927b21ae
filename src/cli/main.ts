// The dszd-term command. Runs on import: bin/dszd-term.js imports the build of this file (dist/cli.js).
import { runCli } from './run';

// `dszd-term list | head`: a reader that stops early is not an error worth a message
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
