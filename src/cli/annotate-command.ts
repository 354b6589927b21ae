import { constants, type Stats } from 'node:fs';
import { access, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DefinitionSet } from '../definitions/types';
import { tagHtmlChunks } from '../html/annotate-bytes';
import { resolveEncodingLabel } from '../html/encoding';
import { HtmlInputError } from '../html/input-error';
import { AnnotateHtmlError, resolveHtmlOptions } from '../html/options';
import type { Occurrence } from '../match/occurrence';
import { EXIT_FAILED, EXIT_OK, FileError, UsageError } from './cli-error';
import { escapeTerminal } from './escape-terminal';
import { readAll, writeChunks, writeLine, type CliIo } from './io';
import { readInput } from './read-input';
import { isHtmlName, walkFolder } from './walk-folder';
import { copyAtomic, writeAtomic } from './write-atomic';

export interface AnnotateArguments {
  /** Files, folders, or `-` for stdin. */
  inputs: string[];
  output?: string | undefined;
  inPlace: boolean;
  /** Replace existing output files (never the inputs: that takes --in-place). */
  force: boolean;
  occurrence: string;
  exclude?: string | undefined;
  set?: DefinitionSet | undefined;
  encoding?: string | undefined;
  /** Largest input read, in bytes (--max-size). */
  maxSize: number;
  /** Follow symbolic links met in folders (--follow-symlinks). */
  followLinks: boolean;
}

/** One file to handle: where it is read, where its result goes (null: in place), what it is. */
interface Job {
  path: string;
  target: string | null;
  kind: 'html' | 'other' | 'link' | 'broken';
  reason?: string | undefined;
  /** Tag it even if it has no markup (named *.html, or given on its own by name with an .html/.htm name). */
  named: boolean;
  /** The folder that must hold what is written: the output folder, or for in place the input folder. */
  within: string | null;
}

interface Totals {
  files: number;
  matches: number;
  skipped: number;
  /** Symbolic links in folders not followed (also counted in `skipped`). */
  links: number;
  failed: number;
}

/**
 * `dszd-term annotate`: a file to stdout (or -o file, or --in-place), stdin to stdout, or folders (an export)
 * into an output folder (or in place). In a folder run a bad file is reported and the rest goes on.
 */
export async function runAnnotate(args: AnnotateArguments, io: CliIo): Promise<number> {
  const options = checkOptions(args);
  const { inputs, output, inPlace } = args;
  if (!inputs.length) throw new UsageError('annotate: no input (give files, folders, or - for stdin)');
  if (inPlace && output !== undefined) throw new UsageError('annotate: --in-place and -o exclude each other');
  if (inputs.includes('-')) {
    if (inputs.length > 1) throw new UsageError('annotate: - (stdin) cannot be combined with other inputs');
    if (inPlace) throw new UsageError('annotate: --in-place needs files, not stdin');
    return annotateStdin(args, options, io);
  }

  const kinds = await Promise.all(inputs.map((input) => stat(input).catch(() => null)));
  const single = inputs.length === 1 && !kinds[0]?.isDirectory();
  if (single && !inPlace) return annotateSingleFile(args, options, io);
  if (!inPlace && output === undefined)
    throw new UsageError(
      inputs.length === 1 && kinds[0]?.isDirectory()
        ? `annotate: ${inputs[0]} is a folder: give an output folder with -o <folder>, or --in-place`
        : 'annotate: several inputs: give an output folder with -o <folder>, or --in-place',
    );
  if (output !== undefined) await checkOutputFolder(output, inputs, kinds, args.force);

  const jobs = await planJobs(inputs, kinds, output, args.followLinks);
  await checkTargets(jobs);
  const totals: Totals = { files: 0, matches: 0, skipped: 0, links: 0, failed: 0 };
  const progress = createProgress(io);
  for (const [index, job] of jobs.entries()) {
    const skippedLink = job.kind === 'link' ? `: skipped (${job.reason ?? 'symbolic link'})` : '';
    progress(`[${index + 1}/${jobs.length}] ${job.path}${skippedLink}`);
    try {
      if (job.kind === 'broken') throw new FileError(job.path, job.reason ?? 'unreadable');
      if (job.kind === 'link') {
        totals.skipped++;
        totals.links++;
        continue;
      }
      if (job.kind === 'other') {
        if (job.target !== null) await copyInto(job, job.target, args.force);
        totals.skipped++;
        continue;
      }
      totals.matches += await annotateFileTo(job, options, args);
      totals.files++;
    } catch (error) {
      totals.failed++;
      progress(null);
      await report(io, error, job.path);
    }
  }
  progress(null);
  await writeLine(io.stderr, formatSummary(totals));
  return totals.failed ? EXIT_FAILED : EXIT_OK;
}

/** The last line of a folder run: what each count means, in its own words. */
export function formatSummary(totals: Totals): string {
  const links = totals.links ? `, symbolic links not followed: ${totals.links} (see --follow-symlinks)` : '';
  return (
    `tagged: ${totals.files} (matches: ${totals.matches}), ` +
    `copied as they are (not HTML): ${totals.skipped - totals.links}${links}, failed: ${totals.failed}`
  );
}

interface FileOptions {
  set: DefinitionSet | undefined;
  occurrence: Occurrence;
  exclude: string | undefined;
  encoding: string | undefined;
  maxSize: number;
}

/** Checks the options once, before any file is touched: a bad one is a usage error. */
function checkOptions(args: AnnotateArguments): FileOptions {
  const { occurrence, exclude, set, encoding, maxSize } = args;
  try {
    resolveHtmlOptions({ occurrence: occurrence as Occurrence, exclude, set });
  } catch (error) {
    if (error instanceof AnnotateHtmlError)
      throw new UsageError(`annotate: --${error.option} ${error.problem}`);
    throw error;
  }
  if (encoding !== undefined && !resolveEncodingLabel(encoding))
    throw new UsageError(`annotate: --encoding: unknown encoding ${JSON.stringify(encoding)}`);
  return { set, occurrence: occurrence as Occurrence, exclude, encoding, maxSize };
}

async function annotateStdin(args: AnnotateArguments, options: FileOptions, io: CliIo): Promise<number> {
  if (args.output !== undefined) await checkOutputFile(args.output, [], args.force);
  try {
    const { chunks } = tagHtmlChunks(await readAll(io.stdin, options.maxSize), options);
    if (args.output !== undefined) await writeAtomic(args.output, chunks);
    else await writeChunks(io.stdout, chunks);
    return EXIT_OK;
  } catch (error) {
    await report(io, error, '<stdin>');
    return EXIT_FAILED;
  }
}

async function annotateSingleFile(args: AnnotateArguments, options: FileOptions, io: CliIo): Promise<number> {
  const path = args.inputs[0]!;
  let target = args.output;
  if (target !== undefined) {
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) target = join(target, basename(path));
    await checkOutputFile(target, [path], args.force);
  }
  try {
    const bytes = await readInput(path, options.maxSize);
    const { chunks } = tagHtmlChunks(bytes, { ...options, requireMarkup: !isHtmlName(path) });
    if (target !== undefined) await writeAtomic(target, chunks);
    else await writeChunks(io.stdout, chunks);
    return EXIT_OK;
  } catch (error) {
    await report(io, error, path);
    return EXIT_FAILED;
  }
}

/** Tags one file of a folder run or an in-place run; returns its number of matches. */
async function annotateFileTo(job: Job, options: FileOptions, args: AnnotateArguments): Promise<number> {
  const { force } = args;
  const bytes = await readInput(job.path, options.maxSize);
  let result;
  try {
    result = tagHtmlChunks(bytes, { ...options, requireMarkup: !job.named });
  } catch (error) {
    if (!(error instanceof HtmlInputError)) throw error;
    if (job.target === null) throw new FileError(job.path, error.message);
    // An export stays complete: the page goes to the output folder as it was read, and is reported as failed.
    await writeTarget(job, job.target, bytes, force);
    throw new FileError(job.path, `${error.message} (copied unchanged)`);
  }
  if (job.target === null) {
    // in place: a file with nothing to tag is left as it is (same bytes, same time stamp)
    if (!result.changed) return result.matchCount;
    const real = await realpath(job.path);
    await checkWithin(job.path, real, job.within);
    await checkReplaceable(job.path, real, force);
    await writeAtomic(real, result.chunks);
  } else await writeTarget(job, job.target, result.chunks, force);
  return result.matchCount;
}

async function writeTarget(
  job: Job,
  target: string,
  bytes: Uint8Array | Iterable<Uint8Array>,
  force: boolean,
): Promise<void> {
  await checkTarget(job.path, target, force);
  await checkWithin(job.path, target, job.within);
  await mkdir(dirname(target), { recursive: true });
  await writeAtomic(target, bytes);
}

async function copyInto(job: Job, to: string, force: boolean): Promise<void> {
  await checkTarget(job.path, to, force);
  await checkWithin(job.path, to, job.within);
  await mkdir(dirname(to), { recursive: true });
  await copyAtomic(job.path, to);
}

/**
 * Refuses to write `target` (or, for a file not written yet, its nearest existing folder) when its real path leaves
 * `folder`: a symbolic link in the output folder, or a followed link in an input folder, must not carry the write
 * outside.
 */
async function checkWithin(path: string, target: string, folder: string | null): Promise<void> {
  if (folder === null) return;
  const real = await resolveReal(target);
  const root = await resolveReal(folder);
  if (real !== root && !isInside(real, root))
    throw new FileError(path, `not written: ${target} leads outside ${folder} through a symbolic link`);
}

/** In place, without --force: a read-only file or one with other hard links is left alone, saying why. */
async function checkReplaceable(path: string, real: string, force: boolean): Promise<void> {
  if (force) return;
  const stats = await stat(real);
  // the owner's write bit, not access(): root may write anything, yet a read-only file says "leave me alone"
  if (
    !(stats.mode & 0o200) ||
    !(await access(real, constants.W_OK).then(
      () => true,
      () => false,
    ))
  )
    throw new FileError(path, 'read-only, not replaced (use --force to replace it anyway)');
  if (stats.nlink > 1)
    throw new FileError(
      path,
      `has ${stats.nlink} hard links, not replaced: the new file would break them and the other names would keep the old text (use --force to replace it anyway)`,
    );
}

/** The files of every input, each with its target: mirrored under the output folder, or null for in place. */
async function planJobs(
  inputs: string[],
  kinds: Array<Stats | null>,
  output: string | undefined,
  followLinks: boolean,
): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const [index, input] of inputs.entries()) {
    const kind = kinds[index];
    // one folder is mirrored into the output folder; several inputs each get their own name inside it
    const base =
      output === undefined ? null : inputs.length === 1 ? output : join(output, basename(resolve(input)));
    if (!kind) {
      jobs.push({
        path: input,
        target: base,
        kind: 'broken',
        reason: await describeMissing(input),
        named: true,
        within: null,
      });
    } else if (kind.isDirectory()) {
      for (const entry of await walkFolder(input, followLinks))
        jobs.push({
          path: entry.path,
          target: base === null ? null : join(base, entry.relative),
          kind: entry.kind,
          reason: entry.reason,
          named: true,
          within: output ?? input,
        });
    } else {
      jobs.push({
        path: input,
        target: base,
        kind: 'html',
        named: isHtmlName(input),
        within: output ?? null,
      });
    }
  }
  return jobs;
}

async function describeMissing(path: string): Promise<string> {
  try {
    await readInput(path, 0);
    return 'unreadable';
  } catch (error) {
    return error instanceof FileError ? error.reason : 'unreadable';
  }
}

/**
 * The one overwrite rule, for every file the command writes: never over an input of the run (that takes
 * --in-place), and without --force never over a file that exists. `inputs` maps real paths to the paths as given.
 */
async function findOverwrite(
  target: string,
  inputs: ReadonlyMap<string, string>,
  force: boolean,
): Promise<{ input: string } | { exists: true } | undefined> {
  const input = inputs.get(await resolveReal(target));
  if (input !== undefined) return { input };
  if (!force && (await stat(target).catch(() => null))) return { exists: true };
  return undefined;
}

/** The inputs by real path, for findOverwrite. */
async function mapInputs(paths: Iterable<string>): Promise<Map<string, string>> {
  const inputs = new Map<string, string>();
  for (const path of paths) inputs.set(await resolveReal(path), path);
  return inputs;
}

/** Before anything is written: no target may be any input of the run, and no two inputs may share a target. */
async function checkTargets(jobs: readonly Job[]): Promise<void> {
  const inputs = await mapInputs(jobs.map((job) => job.path));
  const written = new Map<string, string>();
  for (const job of jobs) {
    if (job.target === null || job.kind === 'broken' || job.kind === 'link') continue;
    // existing files are checked as each is written (--force decides there)
    const found = await findOverwrite(job.target, inputs, true);
    const target = await resolveReal(job.target);
    if (found && 'input' in found) {
      const { input } = found;
      throw new UsageError(
        input === job.path
          ? `annotate: ${job.path} would be written over itself; use --in-place to change inputs`
          : `annotate: ${job.path} would be written over the input ${input}; use --in-place to change inputs`,
      );
    }
    const other = written.get(target);
    if (other !== undefined)
      throw new UsageError(`annotate: ${other} and ${job.path} would both be written to ${job.target}`);
    written.set(target, job.path);
  }
}

/** Last check before writing a file of a folder run: never over its own input, never over a file without --force. */
async function checkTarget(path: string, target: string, force: boolean): Promise<void> {
  const found = await findOverwrite(target, await mapInputs([path]), force);
  if (found && 'input' in found)
    throw new FileError(path, `would be written over itself as ${target}; use --in-place to change inputs`);
  if (found) throw new FileError(path, `${target} exists (use --force to replace it)`);
}

/** Refuses an output folder that is an input, lies inside an input folder, or holds files already (without --force). */
async function checkOutputFolder(
  output: string,
  inputs: string[],
  kinds: Array<Stats | null>,
  force: boolean,
): Promise<void> {
  const target = await resolveReal(output);
  for (const [index, input] of inputs.entries()) {
    if (kinds[index] === null) continue;
    const source = await resolveReal(input);
    if (target === source || (kinds[index]!.isDirectory() && isInside(target, source)))
      throw new UsageError(
        `annotate: output ${output} is inside the input ${input}; use --in-place to change the input`,
      );
  }
  const existing = await stat(output).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new UsageError(`annotate: output ${output} is a file, not a folder`);
  if (existing && !force && (await readdir(output)).length)
    throw new UsageError(`annotate: output folder ${output} is not empty (use --force to write into it)`);
}

/** Refuses an output file that is the input (that takes --in-place) or exists (without --force). */
async function checkOutputFile(output: string, inputs: string[], force: boolean): Promise<void> {
  const found = await findOverwrite(output, await mapInputs(inputs), force);
  if (found && 'input' in found)
    throw new UsageError(`annotate: output ${output} is the input; use --in-place to change it`);
  if (found) throw new UsageError(`annotate: output ${output} exists (use --force to replace it)`);
}

/** The real path of a file or of the nearest existing folder above it, with the rest appended. */
async function resolveReal(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await resolveReal(parent), basename(absolute));
  }
}

function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

/** Progress on stderr: one line per file, rewritten in place on a terminal. `null` ends the line. */
function createProgress(io: CliIo): (line: string | null) => void {
  const terminal = Boolean(io.stderr.isTTY);
  let open = false;
  return (line) => {
    if (line === null) {
      if (open) io.stderr.write('\n');
      open = false;
    } else if (terminal) {
      io.stderr.write(`\r\x1b[K${escapeTerminal(line)}`);
      open = true;
    } else io.stderr.write(`${escapeTerminal(line)}\n`);
  };
}

/** One line on stderr for an error: `dszd-term: path: reason`. */
async function report(io: CliIo, error: unknown, path?: string): Promise<void> {
  const message =
    error instanceof FileError
      ? error.message
      : error instanceof HtmlInputError
        ? `${path ?? '<input>'}: ${error.message}`
        : `${path ?? '<input>'}: ${oneLine(error)}`;
  await writeLine(io.stderr, `dszd-term: ${message}`);
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
