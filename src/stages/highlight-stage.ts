/** The drop-in script's highlight stage (`dszd-term.highlight.js`), loaded only for `data-mode="highlight"`. */
import * as session from '../annotate/highlight/highlight-session';
import { provideModules } from './stage-registry';

provideModules({ 'annotate/highlight/highlight-session': session });
