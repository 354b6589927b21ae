// doiuse ships no types: the part of its API the CSS support test uses.
declare module 'doiuse' {
  import type { PluginCreator } from 'postcss';

  interface FeatureUsage {
    feature: string;
    featureData: unknown;
    message: string;
  }

  const doiuse: PluginCreator<{
    browsers?: string[];
    ignore?: string[];
    onFeatureUsage?: (usage: FeatureUsage) => void;
  }>;
  export default doiuse;
}
