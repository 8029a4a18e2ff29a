import { useCallback, useEffect, useRef, useState } from 'react';
import { createStore, useStore } from '../../ui';
import { runReporting, useAppCommands } from './appCommands';
import { Palette } from './Palette';
import './palette.css';

/** Whether the palette is open: a store, so a button anywhere (a sidebar entry, a menu) can open it. */
const paletteOpen = createStore(false);

/** Opens the command palette (what Ctrl/Cmd+K does). */
export function openPalette(): void {
  paletteOpen.set(true);
}

/** Ctrl+K, and Cmd+K on a Mac; `code` too, so it works on layouts where that key is not "k" (Cyrillic, Greek). */
function isPaletteKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key.toLowerCase() === 'k' || event.code === 'KeyK');
}

/** Ctrl/Cmd+K opens the palette, and closes it again; not over another modal dialog, whose focus trap it would break. */
function usePaletteKey() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isPaletteKey(event)) return;
      const open = paletteOpen.get();
      if (!open && document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]')) return;
      // Browsers put Ctrl+K to the address bar's search: in Glasswing it is the palette's.
      event.preventDefault();
      paletteOpen.set(!open);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** A short status line for what commands did ("Scan finished: 3 items added."), cleared after a while. */
function useStatusLine(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 6000);
    return () => clearTimeout(timer);
  }, [message]);
  return [message, useCallback((m: string) => setMessage(m), [])];
}

/**
 * The command palette, mounted once by the shell: the Ctrl/Cmd+K listener, the app's own commands, the
 * dialog while open, and a status line for what a command did. A chosen command runs after the dialog has
 * gone and given focus back, so what it focuses (Search's field) keeps the focus.
 */
export function PaletteHost() {
  const open = useStore(paletteOpen);
  const [status, report] = useStatusLine();
  const chosen = useRef<(() => unknown) | null>(null);
  usePaletteKey();
  useAppCommands(report);
  useEffect(() => {
    if (open || !chosen.current) return;
    const run = chosen.current;
    chosen.current = null;
    runReporting(run, report);
  }, [open, report]);
  useEffect(() => () => paletteOpen.set(false), []);
  const close = useCallback(() => paletteOpen.set(false), []);
  const choose = useCallback((run: () => unknown) => {
    chosen.current = run;
    paletteOpen.set(false);
  }, []);
  return (
    <>
      {open ? <Palette onClose={close} onChoose={choose} /> : null}
      <p className="palette-status" role="status">
        {status}
      </p>
    </>
  );
}
