import '../src/glossary/define-glossary';

// The language picker only switches the glossary's own words; the entries are the official Chinese text.
const picker = document.querySelector<HTMLSelectElement>('#ui-lang');
const glossary = document.querySelector('dszd-glossary');

picker?.addEventListener('change', () => {
  glossary?.setAttribute('lang', picker.value);
});
