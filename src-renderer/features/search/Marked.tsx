import type { TextPart } from './searchModel';

/**
 * Text with its matched parts marked, built from React text nodes only, so a title holding markup shows the
 * markup as characters. `<bdi>` isolates it: a right-to-left override inside a title cannot reorder what
 * follows it.
 */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return (
    <bdi>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}
    </bdi>
  );
}
