// 长辈版 (the senior mode of provincial service apps): larger text everywhere, the term cards included.
const toggle = document.getElementById('elder-mode');

toggle?.addEventListener('click', () => {
  const on = toggle.getAttribute('aria-pressed') !== 'true';
  toggle.setAttribute('aria-pressed', String(on));
  document.documentElement.classList.toggle('elder', on);
});
