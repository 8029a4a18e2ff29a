import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Artwork } from './Artwork';

afterEach(cleanup);

const URL_A = `/art/${'a'.repeat(64)}`;

describe('Artwork', () => {
  it('draws a lazy, decorative picture, and nothing without one', () => {
    const { container, rerender } = render(<Artwork src={URL_A} />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(URL_A);
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    rerender(<Artwork src={null} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('steps aside when the picture fails, and tries a new one', () => {
    const { container, rerender } = render(<Artwork src={URL_A} />);
    fireEvent.error(container.querySelector('img')!);
    expect(container.querySelector('img')).toBeNull();
    rerender(<Artwork src={`/art/${'b'.repeat(64)}`} />);
    expect(container.querySelector('img')).not.toBeNull();
  });
});
