import type { FileFacts, Movie } from '../../../api';
import { formatRuntime } from '../../../ui';
import { codecLabel, containerLabel, resolutionLabel, sizeLabel } from '../model/facts';
import { languageNames } from '../../player';

type Media = Pick<Movie, 'container' | 'videoCodec' | 'audioCodec' | 'width' | 'height'> & { subtitleLanguages?: readonly string[] };

function Fact({ term, children }: { term: string; children: string | null }) {
  if (!children) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** "H.264 · 1080p (1920×1080)"; null when nothing is known. */
function videoLine(media: Media): string | null {
  const res = resolutionLabel(media.width, media.height);
  const size = media.width && media.height ? `${res} (${media.width}×${media.height})` : res;
  const parts = [codecLabel(media.videoCodec), size].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** "Part 1 · 45:00 · 700 MB". */
function partLine(part: FileFacts['parts'][number]): string {
  return [`Part ${part.number}`, formatRuntime(part.durationSec, 'clock'), sizeLabel(part.size)].filter(Boolean).join(' · ');
}

/** What the file holds, for the picky: container, codecs, resolution, size, parts and subtitle files. */
export function FileFactsList({ media, file }: { media: Media; file: FileFacts }) {
  const subtitles = languageNames(media.subtitleLanguages ?? []);
  return (
    <section className="dt-section" aria-labelledby="dt-file-title">
      <h2 id="dt-file-title" className="dt-section-title">
        File
      </h2>
      <dl className="kv dt-facts">
        <Fact term="Container">{containerLabel(media.container)}</Fact>
        <Fact term="Video">{videoLine(media)}</Fact>
        <Fact term="Audio">{codecLabel(media.audioCodec)}</Fact>
        <Fact term="Size">{file.size > 0 ? sizeLabel(file.size) : null}</Fact>
        <Fact term="Subtitles">{subtitles.length > 0 ? subtitles.join(', ') : null}</Fact>
        {file.parts.length > 1 ? (
          <>
            <dt>Parts</dt>
            <dd>
              <ol className="dt-parts">
                {file.parts.map((part) => (
                  <li key={part.number}>{partLine(part)}</li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
