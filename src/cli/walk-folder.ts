import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A file met in a folder run. */
export interface FolderEntry {
  /** Path to read (the folder argument joined with `relative`). */
  path: string;
  /** Path relative to the folder, mirrored under the output folder. */
  relative: string;
  /** html: tagged; other: copied unchanged; folder-link: a symbolic link to a folder, not followed; broken: unreadable. */
  kind: 'html' | 'other' | 'folder-link' | 'broken';
  /** Why a broken entry is unreadable. */
  reason?: string;
}

/** Whether a file name is one the folder run tags (*.html, *.htm, any case). */
export function isHtmlName(name: string): boolean {
  return /\.html?$/i.test(name);
}

/**
 * Lists a folder's files recursively, sorted by name within each folder so runs are repeatable. Symbolic links to
 * files count as files; links to folders are listed but not followed (no cycles, no leaving the export).
 */
export async function walkFolder(root: string): Promise<FolderEntry[]> {
  const entries: FolderEntry[] = [];
  const pending: string[] = [''];
  while (pending.length) {
    const folder = pending.shift()!;
    const children = await readdir(join(root, folder), { withFileTypes: true });
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const child of children) {
      const relative = folder ? join(folder, child.name) : child.name;
      const path = join(root, relative);
      if (child.isDirectory()) {
        subfolders.push(relative);
        continue;
      }
      let kind: FolderEntry['kind'] = isHtmlName(child.name) ? 'html' : 'other';
      let reason: string | undefined;
      if (child.isSymbolicLink()) {
        const target = await stat(path).catch((error: NodeJS.ErrnoException) => error);
        if (target instanceof Error) {
          kind = 'broken';
          reason =
            target.code === 'ENOENT' ? 'unreadable (broken symbolic link)' : `unreadable (${target.code})`;
        } else if (target.isDirectory()) kind = 'folder-link';
      } else if (!child.isFile()) {
        kind = 'broken';
        reason = 'unreadable (not a regular file)';
      }
      entries.push({ path, relative, kind, ...(reason ? { reason } : {}) });
    }
    pending.unshift(...subfolders);
  }
  return entries;
}
