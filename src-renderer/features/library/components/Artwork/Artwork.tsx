import { useState } from 'react';
import './artwork.css';

export interface ArtworkProps {
  /** A cached picture's URL from the snapshot (`/art/<id>`), or nothing. */
  src: string | null | undefined;
}

/**
 * A poster or cover over its placeholder: it fills the placeholder's fixed box (so nothing moves when it
 * loads), loads lazily, and gets out of the way on error so the initials tile shows. Decorative: the tile
 * or card around it carries the name.
 */
export function Artwork({ src }: ArtworkProps) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) return null;
  return <img className="artwork" src={src} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(src)} />;
}
