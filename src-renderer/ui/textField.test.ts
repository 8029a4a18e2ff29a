import { describe, expect, it } from 'vitest';
import { isTextField } from './textField';

function element(tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return document.body.appendChild(el);
}

describe('isTextField', () => {
  it('counts inputs, selects, textareas and contenteditable (and what is inside them), not buttons or the page', () => {
    const editable = element('div', { contenteditable: '' });
    const inside = editable.appendChild(document.createElement('b'));
    expect([element('input'), element('select'), element('textarea'), editable, inside].map(isTextField)).toEqual([true, true, true, true, true]);
    expect([element('div', { contenteditable: 'false' }), element('button'), document.body, null].map(isTextField)).toEqual([false, false, false, false]);
  });
});
