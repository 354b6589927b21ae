import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

/**
 * A dev-server middleware for definition sets:
 * - serves the definition sets of the fixtures and the demo (`*.json` under `sets/`) as they are, with
 *   `Content-Type: application/json`, as a web server would. (The esbuild plugin would otherwise turn every `.json`
 *   into a JavaScript module.)
 * - serves a fixture page asked for with `?set=…` with that value in its script tag's `data-set` attribute, so one
 *   page serves every set list a test tries (`set.html?set=../sets/bad-definition.json`).
 * @param {string} rootDir the directory the dev server serves
 */
export function setFiles(rootDir) {
  return async (ctx, next) => {
    const path = decodeURIComponent(ctx.path);
    if (/^\/test\/browser\/fixtures\/iife\/[\w-]+\.html$/.test(path) && typeof ctx.query.set === 'string') {
      await next();
      if (ctx.status !== 200) return;
      const html = await bodyText(ctx.body);
      ctx.body = html.replace(/ data-set="[^"]*"/, ` data-set="${escapeAttribute(ctx.query.set)}"`);
      return;
    }
    if (!/^\/(?:test\/browser\/fixtures|demo)\/sets\/[\w.-]+\.json$/.test(path)) return next();
    try {
      ctx.body = await readFile(join(rootDir, normalize(path)), 'utf8');
      ctx.type = 'application/json';
    } catch {
      ctx.status = 404;
    }
  };
}

/** A response body (a string once the dev server's plugins transformed it; else a buffer or a stream) as text. */
async function bodyText(body) {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const chunks = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
