/** The HTTP status a request got, green below 300; "no reply" when none came. */
export function ReplyPill({ status }: { status: number | null }) {
  return <span className={status != null && status < 300 ? 'pill pill-ok' : 'pill pill-bad'}>{status ?? 'no reply'}</span>;
}
