import { parseArgs, type ParseArgsConfig } from 'node:util';
import { definitionSet as shippedSet } from '../definitions/definition-set.generated';
import { runAnnotate } from './annotate-command';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, FileError, UsageError } from './cli-error';
import { writeLine, writeOut, type CliIo } from './io';
import { loadDefinitionSet } from './load-set';
import { runList } from './list-command';
import { runLookup } from './lookup-command';
import { DEFAULT_MAX_SIZE, parseSize } from './size-limit';
import { USAGE } from './usage';
import { VERSION } from '../version';

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  set: { type: 'string' },
  'max-size': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = {
  annotate: {
    ...COMMON,
    output: { type: 'string', short: 'o' },
    'in-place': { type: 'boolean' },
    force: { type: 'boolean' },
    occurrence: { type: 'string', default: 'first' },
    exclude: { type: 'string' },
    encoding: { type: 'string' },
    'follow-symlinks': { type: 'boolean' },
  },
  list: { ...COMMON, json: { type: 'boolean' } },
  lookup: { ...COMMON, json: { type: 'boolean' } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

/** Runs the dszd-term command line; resolves to the exit code. Never throws: every failure is one stderr line. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      await writeLine(io.stderr, `dszd-term: ${error.message}`);
      return EXIT_USAGE;
    }
    const message = error instanceof FileError || error instanceof Error ? error.message : String(error);
    await writeLine(io.stderr, `dszd-term: ${message.split('\n')[0]}`);
    return EXIT_FAILED;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    await writeOut(command === undefined ? io.stderr : io.stdout, USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '-v' || command === '--version') {
    await writeOut(io.stdout, `${VERSION}\n`);
    return EXIT_OK;
  }
  if (!Object.hasOwn(COMMANDS, command))
    throw new UsageError(`unknown command ${JSON.stringify(command)} (try dszd-term --help)`);
  const name = command as keyof typeof COMMANDS;
  const { values, positionals } = parseCommandLine(name, rest);
  if (values.help) {
    await writeOut(io.stdout, USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    await writeOut(io.stdout, `${VERSION}\n`);
    return EXIT_OK;
  }
  const maxSize = readMaxSize(name, values['max-size'] as string | undefined);
  const set = typeof values.set === 'string' ? await loadDefinitionSet(values.set, maxSize) : shippedSet;
  switch (name) {
    case 'annotate':
      return runAnnotate(
        {
          inputs: positionals,
          output: values.output as string | undefined,
          inPlace: Boolean(values['in-place']),
          force: Boolean(values.force),
          occurrence: values.occurrence as string,
          exclude: values.exclude as string | undefined,
          set: typeof values.set === 'string' ? set : undefined,
          encoding: values.encoding as string | undefined,
          maxSize,
          followLinks: Boolean(values['follow-symlinks']),
        },
        io,
      );
    case 'list':
      if (positionals.length)
        throw new UsageError(`list: unexpected argument ${JSON.stringify(positionals[0])}`);
      return runList(set, Boolean(values.json), io);
    case 'lookup': {
      const text = positionals.join(' ');
      if (!text.trim()) throw new UsageError('lookup: give the text to look terms up in');
      return runLookup(set, text, Boolean(values.json), io);
    }
  }
}

/** The --max-size value in bytes (the default when not given); a bad value is a usage error. */
function readMaxSize(name: string, text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_SIZE;
  const size = parseSize(text);
  if (size === null)
    throw new UsageError(
      `${name}: --max-size must be a size such as 64M, 500K or 1000000 (bytes), got ${JSON.stringify(text)}`,
    );
  return size;
}

interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parseCommandLine(name: keyof typeof COMMANDS, args: string[]): CommandLine {
  try {
    const options: ParseArgsConfig['options'] = COMMANDS[name];
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as CommandLine;
  } catch (error) {
    throw new UsageError(`${name}: ${describeParseError(error)} (see dszd-term --help)`);
  }
}

/** node's parseArgs messages, in the command's own words: which option, and what is wrong with it. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // "'--bogus'", "'--occurrence <value>'", "'-o, --output <value>'": the long name where there is one
  const names = /'(-[^' ,]+)(?:, (--[^' ]+))?/.exec(message);
  const option = names?.[2] ?? names?.[1];
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
    return message.includes('argument missing')
      ? `option ${option} needs a value`
      : `option ${option} takes no value`;
  // anything else: node's first sentence (the rest is advice about "--")
  return message.split(/\.(?: |$)/)[0]!;
}
