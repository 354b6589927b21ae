import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A dev-server middleware: serves a test fixture `name.html` with the Content-Security-Policy header written in
 * `name.csp` beside it, when there is one (pages under a real header policy; a `<meta>` policy cannot say
 * everything a header can). `name.html?csp=other` takes the policy in `other.csp` beside it instead, so one page
 * serves under several policies.
 * @param {string} rootDir the directory the dev server serves
 */
export function cspHeaders(rootDir) {
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith('/test/browser/fixtures/') || !ctx.path.endsWith('.html')) return;
    try {
      const page = decodeURIComponent(ctx.path).slice(1, -'.html'.length);
      const other =
        typeof ctx.query.csp === 'string' && /^[\w-]+$/.test(ctx.query.csp) ? ctx.query.csp : undefined;
      const file = join(rootDir, `${other ? join(dirname(page), other) : page}.csp`);
      const policy = (await readFile(file, 'utf8')).trim().replace(/\s*\n\s*/g, ' ');
      ctx.set('Content-Security-Policy', policy);
    } catch {
      // no policy beside this fixture
    }
  };
}
