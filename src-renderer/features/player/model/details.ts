/** What the library knows of a movie or episode beyond its session: shown in the info panel. */
export interface ItemDetails {
  /** Plain text from an nfo; never markup. */
  plot: string | null;
  /** Codes of the subtitle files beside it (`en`, `pt-BR`). */
  subtitleLanguages: readonly string[];
  /** The picture's shape, so the stage has its size before the first frame (and keeps it across a reopen). */
  width: number | null;
  height: number | null;
}

/** The details of a library movie or episode (anything with these fields). */
export function detailsOf(item: { plot: string | null; subtitleLanguages: readonly string[]; width: number | null; height: number | null }): ItemDetails {
  return { plot: item.plot?.trim() || null, subtitleLanguages: item.subtitleLanguages, width: item.width, height: item.height };
}
