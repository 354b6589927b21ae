import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFileType } from './read-input';

/** A file met in a folder run. */
export interface FolderEntry {
  /** Path to read (the folder argument joined with `relative`). */
  path: string;
  /** Path relative to the folder, mirrored under the output folder. */
  relative: string;
  /**
   * html: tagged; other: copied unchanged; link: a symbolic link not followed (to a file or a folder; a folder run
   * follows links only when asked); broken: unreadable.
   */
  kind: 'html' | 'other' | 'link' | 'broken';
  /** Why a broken entry is unreadable, or a link skipped. */
  reason?: string;
  /** Whether the path went through a symbolic link (only when following them). */
  linked?: boolean;
}

interface Pending {
  folder: string;
  /** Whether the folder was reached through a symbolic link. */
  linked: boolean;
  /** Real paths of the folders above it (only when following links, to see loops). */
  above: string[];
}

/** Whether a file name is one the folder run tags (*.html, *.htm, any case). */
export function isHtmlName(name: string): boolean {
  return /\.html?$/i.test(name);
}

/**
 * Lists a folder's files recursively, sorted by name within each folder so runs are repeatable. Symbolic links are
 * listed but not followed, so a run stays inside the folder; with `followLinks` links to files and folders are
 * followed, except a link back to a folder above it (no cycles).
 */
export async function walkFolder(root: string, followLinks = false): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  const pending: Pending[] = [{ folder: '', linked: false, above: [] }];
  while (pending.length) {
    const { folder, linked: inLink, above: aboveParent } = pending.shift()!;
    const children = await readdir(join(root, folder), { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const above = followLinks ? [...aboveParent, await realpath(join(root, folder))] : aboveParent;
    const subfolders: Pending[] = [];
    for (const child of children) {
      const relative = folder ? join(folder, child.name) : child.name;
      const path = join(root, relative);
      const linked = inLink || child.isSymbolicLink();
      const entry = (kind: FolderEntry['kind'], reason?: string) =>
        entries.push({ path, relative, kind, ...(reason ? { reason } : {}), ...(linked ? { linked } : {}) });
      if (child.isDirectory()) {
        subfolders.push({ folder: relative, linked, above });
        continue;
      }
      const kind = isHtmlName(child.name) ? 'html' : 'other';
      if (child.isFile()) {
        entry(kind);
        continue;
      }
      if (!child.isSymbolicLink()) {
        entry('broken', `not a regular file (${describeFileType(child)})`);
        continue;
      }
      const target = await stat(path).catch((error: NodeJS.ErrnoException) => error);
      if (target instanceof Error)
        entry(
          'broken',
          target.code === 'ENOENT' ? 'unreadable (broken symbolic link)' : `unreadable (${target.code})`,
        );
      else if (!followLinks)
        entry('link', `symbolic link to a ${target.isDirectory() ? 'folder' : 'file'}, not followed`);
      else if (target.isDirectory()) {
        if (above.includes(await realpath(path)))
          entry('link', 'symbolic link back to a folder above it, not followed');
        else subfolders.push({ folder: relative, linked: true, above });
      } else if (!target.isFile()) entry('broken', `not a regular file (${describeFileType(target)})`);
      else entry(kind);
    }
    pending.unshift(...subfolders);
  }
  return entries;
}
