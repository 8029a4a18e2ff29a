import type { BootResult } from './api';
import { Logo } from './ui';

type Failure = Exclude<BootResult, { kind: 'ready' }> | { kind: 'connecting' };

/** What the page shows when it cannot talk to Glasswing (yet): never a blank page. */
export function BootScreen({ state }: { state: Failure }) {
  let title: string;
  let body: string;
  switch (state.kind) {
    case 'connecting':
      title = 'Connecting to Glasswing…';
      body = '';
      break;
    case 'no-token':
      title = 'Open Glasswing from the address it printed (it carries a one-time token)';
      body =
        'For your privacy this page only talks to Glasswing with the token from the address shown when it started, like http://127.0.0.1:PORT/#token=…. Copy that whole line into the address bar.';
      break;
    case 'expired':
      title = 'This address has expired';
      body = 'Glasswing was restarted, so it printed a new address with a new one-time token. Open Glasswing from the address it printed most recently.';
      break;
    case 'unreachable':
      title = 'Glasswing is not reachable';
      body = `${state.message} Start it again, then open the address it prints.`;
      break;
  }
  return (
    <main className="boot" aria-busy={state.kind === 'connecting'}>
      <div className="boot-card">
        <Logo size={36} />
        <h1>{title}</h1>
        {body ? <p className="muted">{body}</p> : null}
      </div>
    </main>
  );
}
