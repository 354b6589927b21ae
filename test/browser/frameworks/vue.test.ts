import { describeFramework } from './suite';
import { mountVueApp } from './vue-app';

describeFramework('Vue 3', mountVueApp);
