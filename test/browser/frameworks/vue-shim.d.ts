// The browser ESM build of Vue (with the template compiler) has the types of the package's main entry.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
