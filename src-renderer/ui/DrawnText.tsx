/**
 * Letters that are part of a picture (a placeholder's initials, a badge's count over a poster), drawn by CSS
 * from `data-text` rather than put in the document as text.
 *
 * Why: such a picture sits inside the card's link or button, whose name (title, facts, status) already says
 * what it shows. As text, the letters would still count as the control's visible label (axe's
 * label-content-name-mismatch: "NT" is not in "Night Train, 1998"), would be selected and copied with the
 * title, and found by the page's search. Drawn, they are pixels, like the poster that covers them.
 */
export function DrawnText({ text, className }: { text: string; className: string }) {
  return <span className={`drawn-text ${className}`} data-text={text} aria-hidden="true" />;
}
