import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A dev-server middleware: serves a test fixture `name.html` with the Content-Security-Policy header written in
 * `name.csp` beside it, when there is one (pages under a real header policy; a `<meta>` policy cannot say
 * everything a header can).
 * @param {string} rootDir the directory the dev server serves
 */
export function cspHeaders(rootDir) {
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/test/browser/fixtures/') || !ctx.path.endsWith('.html')) return;
    try {
      const file = join(rootDir, `${decodeURIComponent(ctx.path).slice(1, -'.html'.length)}.csp`);
      const policy = (await readFile(file, 'utf8')).trim().replace(/\s*\n\s*/g, ' ');
      ctx.set('Content-Security-Policy', policy);
    } catch {
      // no policy beside this fixture
    }
  };
}
