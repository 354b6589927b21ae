import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { chmod, chown, copyFile, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files written and not yet renamed: what a signal must remove before the process ends. */
const pendingTemps = new Set<string>();

/** A temporary name beside `path`: same folder, so the final rename stays on one file system and is atomic. */
function createTempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.dszd-tmp`);
}

/**
 * Replaces (or creates) `path` atomically: the data (bytes, or chunks written one after another as they come) goes
 * to a temporary file in the same folder, is flushed, gets the old file's mode and owner, and is renamed over
 * `path`. A reader sees the old file or the new one, never half.
 */
export async function writeAtomic(path: string, data: Uint8Array | Iterable<Uint8Array>): Promise<void> {
  await replaceAtomic(path, async (temp) => {
    const handle = await open(temp, 'wx', 0o666);
    try {
      if (data instanceof Uint8Array) await handle.writeFile(data);
      else for (const chunk of data) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** Copies `from` to `to` atomically, as {@link writeAtomic} writes. */
export async function copyAtomic(from: string, to: string): Promise<void> {
  await replaceAtomic(to, (temp) => copyFile(from, temp));
}

/** Removes the temporary files of writes still under way (synchronously: called as the process ends on a signal). */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone, or never created
    }
  }
  pendingTemps.clear();
}

async function replaceAtomic(path: string, create: (temp: string) => Promise<void>): Promise<void> {
  const previous = await stat(path).catch(() => null);
  const temp = createTempPath(path);
  pendingTemps.add(temp);
  try {
    await create(temp);
    if (previous) {
      await chmod(temp, previous.mode & 0o7777);
      // only root may give a file away; others keep their own ownership, which is then already right
      await chown(temp, previous.uid, previous.gid).catch(() => undefined);
    }
    await pauseForTest();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/**
 * The CLI's tests stop a run between writing a temporary file and renaming it (DSZD_TERM_TEST_PAUSE=before-rename)
 * to prove that a signal then removes the file; the pause is announced on stderr, with the process id to signal.
 */
async function pauseForTest(): Promise<void> {
  if (process.env.DSZD_TERM_TEST_PAUSE !== 'before-rename') return;
  process.stderr.write(`dszd-term: paused before rename, pid ${process.pid}\n`);
  await new Promise(() => setInterval(() => undefined, 1 << 30));
}
