import { useMemo } from 'react';
import type { QueuedEvent } from '../../../../api';
import { ErrorText, Icon, VirtualList, useNow } from '../../../../ui';
import { useQueueActions } from '../../hooks/useQueueActions';
import { useQueueFilter } from '../../hooks/useQueueFilter';
import { useQueueSelection } from '../../hooks/useQueueSelection';
import type { PrivacyView } from '../../privacyStore';
import { queuedTypes, sharedLinkability } from '../../model/queueView';
import { EmptyQueue } from './EmptyQueue';
import { QueueMeta } from './QueueMeta';
import { QueueRow } from './QueueRow';
import { QueueToolbar } from './QueueToolbar';
import { QueueTypes } from './QueueTypes';

/** Rows are one line shorter when the linkability note is said once for the whole queue. */
const ROW_HEIGHT = 64;
const ROW_HEIGHT_WITH_LINKABILITY = 88;

interface QueueTabProps {
  snapshot: PrivacyView;
}

/** Every queued event, live: read it, filter, select, delete, hold everything, or send now. */
export function QueueTab({ snapshot }: QueueTabProps) {
  const now = useNow();
  const { queue } = snapshot;
  const filter = useQueueFilter(queue.events);
  const selection = useQueueSelection(queue.events, filter.shown);
  const actions = useQueueActions();
  const inBatch = useMemo(() => new Set(snapshot.nextBatchIds), [snapshot.nextBatchIds]);
  const types = useMemo(() => queuedTypes(filter.shown), [filter.shown]);
  const linkability = useMemo(() => sharedLinkability(queue.events), [queue.events]);

  async function deleteEvents(ids: string[]) {
    if (await actions.deleteEvents(ids)) selection.forget(ids);
  }

  function renderRow(event: QueuedEvent) {
    return (
      <QueueRow
        event={event}
        selected={selection.has(event.id)}
        inBatch={inBatch.has(event.id)}
        now={now}
        showLinkability={linkability === null}
        reviewWindowMs={queue.reviewWindowMs}
        busy={actions.busy}
        onSelect={(on) => selection.set(event.id, on)}
        onDelete={() => void deleteEvents([event.id])}
      />
    );
  }

  return (
    <div className="queue">
      <QueueToolbar
        filter={filter}
        held={queue.held}
        selectedCount={selection.ids.length}
        busy={actions.busy}
        onHold={(on) => void actions.setHold(on)}
        onDeleteSelected={() => void deleteEvents(selection.ids)}
        onSendNow={() => void actions.sendNow()}
      />
      <QueueMeta queue={queue} shownCount={filter.shown.length} allShownSelected={selection.allShown} onSelectAllShown={selection.setAllShown} message={actions.message} />
      {queue.held ? <HeldNotice /> : null}
      <ErrorText>{actions.error}</ErrorText>
      {queue.events.length === 0 ? (
        <EmptyQueue consent={snapshot.consent} preview={snapshot.preview} />
      ) : filter.shown.length === 0 ? (
        <NoMatch />
      ) : (
        <>
          <QueueTypes types={types} linkability={linkability} />
          <VirtualList
            className="queue-list"
            label="Queued events"
            items={filter.shown}
            rowHeight={linkability === null ? ROW_HEIGHT_WITH_LINKABILITY : ROW_HEIGHT}
            getKey={(e) => e.id}
            renderRow={renderRow}
          />
        </>
      )}
    </div>
  );
}

function HeldNotice() {
  return (
    <div className="notice notice-info">
      <Icon.Lock />
      <span>Holding: no event leaves this machine until you turn “Hold all events” off.</span>
    </div>
  );
}

function NoMatch() {
  return (
    <div className="empty">
      <p className="empty-title">No events match</p>
      <p className="muted">Change the category or the search to see the other queued events.</p>
    </div>
  );
}
