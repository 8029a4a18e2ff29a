/** What every list of the library takes to play an item and to mark the one playing. */
export interface PlayProps {
  onPlay: (itemId: string) => void;
  /** The item playing now, if any. */
  playingId: string | null;
}
