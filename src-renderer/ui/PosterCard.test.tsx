import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrawnText } from './DrawnText';
import { labelInName } from './labelInNameForTests';
import { PosterCard, PosterSkeleton, posterCardHeight } from './PosterCard';

afterEach(cleanup);

const THUMB = `/thumb/${'a'.repeat(64)}`;

describe('PosterCard', () => {
  it('shows the small picture lazily and decoded off the main thread, over the initials it covers', () => {
    render(<PosterCard href="#/item/x" title="Night Train" meta={['1998']} thumbUrl={THUMB} />);
    const link = screen.getByRole('link', { name: 'Night Train, 1998' });
    const img = link.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(THUMB);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');
    expect(img.getAttribute('alt')).toBe('');
    expect(link.querySelector('.artbox-initials')?.getAttribute('data-text')).toBe('NT');
    // A broken picture steps aside, and the initials show.
    fireEvent.error(img);
    expect(img.hidden).toBe(true);
  });

  it('has initials and no picture without a thumbnail, and keeps its place for a blank line', () => {
    render(<PosterCard href="#/album/x" title="coastal drift" meta={['The Glass Wings', null]} thumbUrl={null} shape="square" />);
    const link = screen.getByRole('link', { name: 'coastal drift, The Glass Wings' });
    expect(link.querySelector('img')).toBeNull();
    expect(link.querySelector('.artbox-initials')?.getAttribute('data-text')).toBe('CD');
    expect(link.querySelectorAll('.pcard-meta')).toHaveLength(2);
  });

  it.each([
    ['a placeholder', { thumbUrl: null }],
    ['a picture over the initials', { thumbUrl: THUMB }],
    ['a card that is playing and watched', { thumbUrl: null, playing: true, status: 'Watched. Playing' }],
    ['a show with a count over its poster', { thumbUrl: null, status: '3 unwatched', marks: <DrawnText className="artbox-mark" text="3" /> }],
  ])('is named by the words it shows, in their order, then its status: %s', (_, over) => {
    render(<PosterCard href="#/item/x" title="Night Train" meta={['1998 · 1 h 50 min', null]} {...over} />);
    const shown = ['night', 'train', '1998', '1', 'h', '50', 'min'];
    expect(labelInName(screen.getByRole('link'))).toEqual({ shown, inName: shown, at: 0 });
  });

  it('plays from the disc without taking focus from the card, and is named for it', async () => {
    const user = userEvent.setup();
    const onPlay = vi.fn();
    render(<PosterCard href="#/item/x" title="Night Train" meta={[]} thumbUrl={null} onPlay={onPlay} playLabel="Play Night Train (1998)" />);
    const link = screen.getByRole('link', { name: 'Night Train' });
    link.focus();
    const disc = screen.getByRole('button', { name: 'Play Night Train (1998)' });
    expect(disc.tabIndex).toBe(-1);
    await user.click(disc);
    expect(onPlay).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(link);
  });

  it('has a row height that follows the width and the number of lines', () => {
    expect(posterCardHeight(100, 'poster', 1)).toBeGreaterThan(posterCardHeight(100, 'square', 1));
    expect(posterCardHeight(100, 'square', 2) - posterCardHeight(100, 'square', 1)).toBe(17);
    render(<PosterSkeleton metaLines={1} />);
    expect(screen.getByText('Loading')).toBeTruthy();
  });
});
