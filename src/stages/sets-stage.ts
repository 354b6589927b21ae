/**
 * The drop-in script's sets stage (`dszd-term.sets.js`): fetches and checks the page's own definition sets. Loaded
 * only when the script tag has `data-set` or the page calls `configureTerms({ sets })`; the matcher's normalization
 * it uses is the first stage's (see stage-registry.ts).
 */
import * as reader from '../config/read-sets';
import { provideModules } from './stage-registry';

provideModules({ 'config/read-sets': reader });
