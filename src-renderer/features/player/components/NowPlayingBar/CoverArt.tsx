import { useState } from 'react';
import { Icon } from '../../../../ui';

/**
 * The album's cover, small: its thumbnail where the library has one, else the full picture, else (or when it
 * fails to load) a quiet note. Decorative: the title and album are written beside it.
 */
export function CoverArt({ thumbUrl, coverUrl }: { thumbUrl?: string | null | undefined; coverUrl?: string | null | undefined }) {
  const src = thumbUrl || coverUrl || null;
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <span className="np-cover is-empty" aria-hidden="true">
        <Icon.Music />
      </span>
    );
  }
  return <img className="np-cover" src={src} alt="" width={48} height={48} decoding="async" onError={() => setFailed(src)} />;
}
