// The dszd-term command. Runs on import: bin/dszd-term.js imports the build of this file (dist/cli.js).
import { runCli } from './run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
