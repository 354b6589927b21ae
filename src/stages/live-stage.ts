/**
 * The drop-in script's live stage (`dszd-term.live.js`): what wrap mode needs only once the page changes after the
 * first pass (healing, the page's added and removed content, editable content, the first occurrences found again).
 * The first stage loads it right after its first pass and, until it is there, keeps the page's mutation records.
 */
import * as live from '../annotate/wrap/live';
import { provideModules } from './stage-registry';

provideModules({ 'annotate/wrap/live': live });
