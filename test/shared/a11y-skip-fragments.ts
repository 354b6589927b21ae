/**
 * Markup the shared skip rules leave alone for accessibility: hidden from screen readers, or a control whose
 * accessible name is its text. One table for the browser annotator's tests and the Node tagger's.
 */
export const A11Y_ROLES = [
  'button',
  'link',
  'tab',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'treeitem',
  'switch',
  'checkbox',
  'radio',
] as const;

export const A11Y_SKIPPED_FRAGMENTS: readonly string[] = [
  '<span aria-hidden="true">数字社会<b>城市大脑</b></span>',
  '<div inert="">数字社会</div>',
  '<details><summary>数字社会</summary></details>',
  '<label>数字社会 <input></label>',
  ...A11Y_ROLES.map((role) => `<div role="${role}" tabindex="0">数字社会<span>城市大脑</span></div>`),
];
