import { mountReactApp } from './react-app';
import { describeFramework } from './suite';

describeFramework('React 19', mountReactApp);
