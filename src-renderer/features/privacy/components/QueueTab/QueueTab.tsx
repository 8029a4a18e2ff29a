import { useDeferredValue, useMemo, useState } from 'react';
import { useApi, type Category, type QueuedEvent, type TelemetrySnapshot } from '../../../../api';
import { Button, Icon, Switch, VirtualList, formatClock, formatMinutes, plural, useNow } from '../../../../ui';
import { useAction } from '../../hooks/useAction';
import { CATEGORIES, CATEGORY_LABEL, statusLabel } from '../../labels';

const ROW_HEIGHT = 96;

export interface QueueTabProps {
  snapshot: TelemetrySnapshot;
}

/** Every queued event, live: read it, filter, select, delete, hold everything, or send now. */
export function QueueTab({ snapshot }: QueueTabProps) {
  const client = useApi();
  const now = useNow();
  const { queue, consent } = snapshot;
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const { busy, error, run } = useAction();

  const inBatch = useMemo(() => new Set(snapshot.nextBatch?.eventIds ?? []), [snapshot.nextBatch]);
  const shown = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    return queue.events.filter((e) => (category === 'all' || e.category === category) && (!needle || e.name.toLowerCase().includes(needle)));
  }, [queue.events, category, deferredSearch]);
  const liveSelected = useMemo(() => queue.events.filter((e) => selected.has(e.id)).map((e) => e.id), [queue.events, selected]);
  const allShownSelected = shown.length > 0 && shown.every((e) => selected.has(e.id));

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function remove(ids: string[]) {
    const result = await run(() => client['privacy.deleteEvents']({ ids }));
    if (!result) return;
    setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
    setMessage(`${plural(result.deleted, 'event')} deleted`);
  }

  async function sendNow() {
    const result = await run(() => client['privacy.sendNow']({}));
    if (result) setMessage(result.message);
  }

  async function setHold(on: boolean) {
    const result = await run(() => client['privacy.setHold']({ on }));
    if (result) setMessage(on ? 'Holding all events: nothing will be sent until you release the hold.' : 'Hold released.');
  }

  function renderRow(event: QueuedEvent) {
    const short = event.id.slice(0, 8);
    return (
      <div className={selected.has(event.id) ? 'qrow is-selected' : 'qrow'}>
        <input
          type="checkbox"
          className="qrow-check"
          aria-label={`Select ${event.name} ${short}`}
          checked={selected.has(event.id)}
          onChange={(e) => toggle(event.id, e.target.checked)}
        />
        <div className="qrow-main">
          <div className="qrow-line1">
            <code className="qrow-name">{event.name}</code>
            <span className={`chip chip-${event.category}`}>{CATEGORY_LABEL[event.category]}</span>
            <span className="qrow-time" title="Timestamps are coarsened to the hour">
              {formatClock(event.hour)} · to the hour
            </span>
            <span className={`qrow-status status-${inBatch.has(event.id) && event.status === 'ready' ? 'batch' : event.status}`}>
              {statusLabel(event.status, event.reviewUntil, inBatch.has(event.id), now)}
            </span>
          </div>
          <p className="qrow-purpose" title={event.purpose}>
            {event.purpose}
          </p>
          <div className="qrow-fields">
            {event.fields.length === 0 ? <span className="muted">no fields</span> : null}
            {event.fields.map((f) => (
              <span key={f.name} className="field" title={`Stored and sent as "${f.value}"`}>
                {f.name}: {f.label}
              </span>
            ))}
            <span className="qrow-link">{event.linkability}</span>
          </div>
        </div>
        <Button size="sm" variant="ghost" className="qrow-delete" aria-label={`Delete event ${event.name} ${short}`} onClick={() => void remove([event.id])} disabled={busy}>
          <Icon.Trash />
          <span aria-hidden="true">Delete</span>
        </Button>
      </div>
    );
  }

  return (
    <div className="queue">
      <div className="toolbar">
        <label className="field-inline">
          <span>Category</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as Category | 'all')}>
            <option value="all">All categories</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline grow">
          <span className="sr-only">Search events</span>
          <input type="search" placeholder="Search events by name" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search events" />
        </label>
        <Switch label="Hold all events" checked={queue.held} onChange={(on) => void setHold(on)} disabled={busy} />
        <Button variant="danger" icon={<Icon.Trash />} disabled={busy || liveSelected.length === 0} onClick={() => void remove(liveSelected)}>
          Delete selected{liveSelected.length > 0 ? ` (${liveSelected.length})` : ''}
        </Button>
        <Button variant="primary" icon={<Icon.Send />} disabled={busy} onClick={() => void sendNow()}>
          Send now
        </Button>
      </div>

      <div className="queue-meta">
        <label className="check-inline">
          <input
            type="checkbox"
            checked={allShownSelected}
            disabled={shown.length === 0}
            onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...shown.map((ev) => ev.id)]) : new Set([...selected].filter((id) => !shown.some((ev) => ev.id === id))))}
          />
          Select all shown
        </label>
        <dl className="counts">
          <div><dt>Queued</dt><dd>{queue.total.toLocaleString('en-US')}</dd></div>
          <div><dt>Dropped</dt><dd>{queue.dropped.toLocaleString('en-US')}</dd></div>
          <div><dt>Invalid</dt><dd>{queue.invalid.toLocaleString('en-US')}</dd></div>
          <div><dt>Review window</dt><dd>{formatMinutes(queue.reviewWindowMs / 60_000)}</dd></div>
          <div title="Past this, the oldest events are dropped and counted"><dt>Limit</dt><dd>{queue.limits.maxEvents.toLocaleString('en-US')}</dd></div>
        </dl>
        {shown.length !== queue.events.length ? <span className="muted small">Showing {shown.length.toLocaleString('en-US')} of {queue.events.length.toLocaleString('en-US')}</span> : null}
        <div role="status" className="status-line">
          {message}
        </div>
      </div>

      {queue.held ? (
        <div className="notice notice-info">
          <Icon.Lock />
          <span>Holding: no event leaves this machine until you turn “Hold all events” off.</span>
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}

      {queue.events.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No events queued</p>
          <p className="muted">
            {!consent.master || !CATEGORIES.some((c) => consent.categories[c])
              ? 'Telemetry is off, so nothing is being recorded. Turn a category on under Consent to see what it would record.'
              : 'Events you allowed will appear here as they are recorded, and wait here for review before anything is sent.'}
          </p>
          {snapshot.preview.length > 0 ? (
            <div className="preview">
              <p className="small strong">Would have been recorded (kept in memory only, never stored or sent):</p>
              <ul>
                {snapshot.preview.slice(-20).map((p, i) => (
                  <li key={i} className="qrow-fields">
                    <code className="qrow-name">{p.name}</code>
                    <span className={`chip chip-${p.category}`}>{CATEGORY_LABEL[p.category]}</span>
                    {p.fields.map((f) => (
                      <span key={f.name} className="field">
                        {f.name}: {f.label}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : shown.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No events match</p>
          <p className="muted">Change the category or the search to see the other queued events.</p>
        </div>
      ) : (
        <VirtualList className="queue-list" label="Queued events" items={shown} rowHeight={ROW_HEIGHT} getKey={(e) => e.id} renderRow={renderRow} />
      )}
    </div>
  );
}
