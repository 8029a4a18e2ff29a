import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import '../../../../test-utils';
import { Dialog } from '../../../../ui';
import { VideoLayer } from './VideoLayer';

function Harness({ onClose = () => {}, inner = false }: { onClose?: () => void; inner?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Play Night Train
      </button>
      {open ? (
        <VideoLayer
          label="Night Train"
          itemKey="mv1"
          onClose={() => {
            onClose();
            setOpen(false);
          }}
        >
          <button type="button">Inside</button>
          {inner ? (
            <Dialog title="Keyboard shortcuts" onClose={() => {}} actions={null}>
              shortcuts
            </Dialog>
          ) : null}
        </VideoLayer>
      ) : null}
    </>
  );
}

describe('VideoLayer', () => {
  it('is a labelled modal layer that takes focus, and gives it back to what opened it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Play Night Train' });
    await user.click(opener);
    const layer = screen.getByRole('dialog', { name: 'Night Train' });
    expect(layer.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(layer);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes on Escape and marks the key used, so the shell’s Back does not also navigate', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const seen: boolean[] = [];
    const shellBack = (e: KeyboardEvent) => seen.push(e.defaultPrevented);
    document.addEventListener('keydown', shellBack);
    render(<Harness onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Play Night Train' }));
    act(() => screen.getByRole('button', { name: 'Inside' }).focus());
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', shellBack);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([true]);
  });

  it('leaves Escape to a dialog inside it and to the browser’s full screen', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness onClose={onClose} inner />);
    await user.click(screen.getByRole('button', { name: 'Play Night Train' }));
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    Object.defineProperty(document, 'fullscreenElement', { value: document.body, configurable: true });
    try {
      fireEvent.keyDown(screen.getByRole('button', { name: 'Inside' }), { key: 'Escape' });
      expect(onClose).not.toHaveBeenCalled();
    } finally {
      delete (document as unknown as { fullscreenElement?: unknown }).fullscreenElement;
    }
  });
});
