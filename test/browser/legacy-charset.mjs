/**
 * A dev-server middleware: serves the fixtures `iife/gbk*.html` as `text/html; charset=gbk`, and the scripts in
 * `iife/gbk/` as `application/javascript` without a charset, as many servers do: a browser then decodes those scripts
 * in the page's encoding, so a script must be ASCII to read right on a page in GBK.
 */
export function legacyCharset() {
  return async (ctx, next) => {
    await next();
    if (/^\/test\/browser\/fixtures\/iife\/gbk[\w-]*\.html$/.test(ctx.path))
      ctx.set('Content-Type', 'text/html; charset=gbk');
    else if (ctx.path.startsWith('/test/browser/fixtures/iife/gbk/') && ctx.path.endsWith('.js'))
      ctx.set('Content-Type', 'application/javascript');
  };
}
