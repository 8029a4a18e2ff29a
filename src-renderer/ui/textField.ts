/** Where typing is typing. `isContentEditable` alone would do in a browser; jsdom does not implement it. */
const TEXT_FIELD = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';

/** True when a key pressed at `target` belongs to a text field (inputs, selects, textareas, contenteditable), not to shortcuts. */
export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest(TEXT_FIELD) !== null);
}
