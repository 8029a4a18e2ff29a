import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAlbum, makeMovie, makeShow } from '../../../../api/testing';
import { AlbumList } from '../AlbumList/AlbumList';
import { ShowList } from '../ShowList/ShowList';
import { MovieGrid } from './MovieGrid';

afterEach(cleanup);

const POSTER = `/art/${'a'.repeat(64)}`;
const COVER = `/art/${'c'.repeat(64)}`;
const evil = '<img src=x onerror=alert(1)>';

describe('posters, covers and plots in the library', () => {
  it('shows a movie’s poster over its initials tile, and its plot as the tile’s tooltip', () => {
    const movies = [makeMovie({ title: 'Night Train', posterUrl: POSTER, plot: 'A sleeper train at night.' }), makeMovie({ title: 'Paper Moons', year: 2004 })];
    render(<MovieGrid movies={movies} onPlay={() => {}} playingId={null} />);
    const tile = screen.getByRole('button', { name: 'Play Night Train (1998)' });
    const img = tile.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(POSTER);
    expect(img.getAttribute('alt')).toBe('');
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.closest('.poster')).not.toBeNull(); // inside the fixed 2:3 box
    expect(tile.getAttribute('title')).toBe('A sleeper train at night.');
    expect(within(tile).getByText('NT')).toBeTruthy(); // the placeholder stays beneath
    const plain = screen.getByRole('button', { name: 'Play Paper Moons (2004)' });
    expect(plain.querySelector('img')).toBeNull();
    expect(plain.hasAttribute('title')).toBe(false);
  });

  it('falls back to the initials tile when a poster fails to load', () => {
    render(<MovieGrid movies={[makeMovie({ posterUrl: POSTER })]} onPlay={() => {}} playingId={null} />);
    const tile = screen.getByRole('button', { name: 'Play Night Train (1998)' });
    fireEvent.error(tile.querySelector('img')!);
    expect(tile.querySelector('img')).toBeNull();
    expect(within(tile).getByText('NT')).toBeTruthy();
  });

  it('shows a show’s poster and plot, and an album’s cover', () => {
    const { container } = render(
      <>
        <ShowList shows={[makeShow({ posterUrl: POSTER, plot: 'Ships in the night.' })]} onPlay={() => {}} playingId={null} />
        <AlbumList albums={[makeAlbum({ coverUrl: COVER })]} onPlay={() => {}} playingId={null} />
      </>,
    );
    expect(screen.getByText('Ships in the night.')).toBeTruthy();
    const srcs = [...container.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(srcs).toEqual([POSTER, COVER]);
  });

  it('renders a hostile plot as text, never as markup', () => {
    const { container } = render(
      <>
        <MovieGrid movies={[makeMovie({ plot: evil })]} onPlay={() => {}} playingId={null} />
        <ShowList shows={[makeShow({ plot: `<b>${evil}</b>` })]} onPlay={() => {}} playingId={null} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Play Night Train (1998)' }).getAttribute('title')).toBe(evil);
    expect(screen.getByText(`<b>${evil}</b>`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });
});
