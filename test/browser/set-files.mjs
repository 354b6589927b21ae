import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/**
 * A dev-server middleware: serves the definition sets of the fixtures and the demo (`*.json` under `sets/`) as they
 * are, with `Content-Type: application/json`, as a web server would. (The esbuild plugin would otherwise turn every
 * `.json` into a JavaScript module.)
 * @param {string} rootDir the directory the dev server serves
 */
export function setFiles(rootDir) {
  return async (ctx, next) => {
    const path = decodeURIComponent(ctx.path);
    if (!/^\/(?:test\/browser\/fixtures|demo)\/sets\/[\w.-]+\.json$/.test(path)) return next();
    try {
      ctx.body = await readFile(join(rootDir, normalize(path)), 'utf8');
      ctx.type = 'application/json';
    } catch {
      ctx.status = 404;
    }
  };
}
