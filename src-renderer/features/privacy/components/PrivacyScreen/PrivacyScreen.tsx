import { useEffect, useState } from 'react';
import { useNoteFeature } from '../../../../api';
import { ErrorText, TabPanel, Tabs, type TabItem } from '../../../../ui';
import { usePrivacy } from '../../hooks/usePrivacy';
import { CATEGORY_LABEL, SOURCE_LABEL, reviewWindowLabel } from '../../labels';
import { recordingCategories } from '../../model/consent';
import { CatalogTab } from '../CatalogTab/CatalogTab';
import { ConsentTab } from '../ConsentTab/ConsentTab';
import { NetworkTab } from '../NetworkTab/NetworkTab';
import { NextBatchTab } from '../NextBatchTab/NextBatchTab';
import { QueueTab } from '../QueueTab/QueueTab';
import { SentTab } from '../SentTab/SentTab';
import { StatsTab } from '../StatsTab/StatsTab';
import '../../privacy.css';

type TabId = 'queue' | 'batch' | 'sent' | 'network' | 'consent' | 'catalog' | 'stats';

/** "What we collect": a live view of consent, queue, next batch, ledger and network (DESIGN.md §4, steps 3–8). */
export function PrivacyScreen() {
  const { snapshot, catalog, error } = usePrivacy();
  const [tab, setTab] = useState<TabId>('queue');
  const noteFeature = useNoteFeature();
  useEffect(() => noteFeature('privacy-screen'), [noteFeature]);

  const on = snapshot ? recordingCategories(snapshot.consent) : [];
  const tabs: ReadonlyArray<TabItem<TabId>> = [
    { id: 'queue', label: 'Queue', badge: snapshot && snapshot.queue.total > 0 ? snapshot.queue.total.toLocaleString('en-US') : undefined },
    { id: 'batch', label: 'Next batch' },
    { id: 'sent', label: 'Sent', badge: snapshot && snapshot.ledger.length > 0 ? snapshot.ledger.length : undefined },
    { id: 'network', label: 'Network' },
    { id: 'consent', label: 'Consent' },
    { id: 'catalog', label: 'Catalog' },
    { id: 'stats', label: 'Your stats' },
  ];

  return (
    <div className="privacy page">
      <header className="page-head">
        <h1>What we collect</h1>
        <p className="muted">Everything Glasswing would send waits here first. Nothing on this screen ever leaves the machine by itself.</p>
        {snapshot ? (
          <ul className="summary-chips" aria-label="Summary">
            <li className={on.length > 0 ? 'summary-chip is-on' : 'summary-chip'}>
              <span className="dot" aria-hidden="true" />
              {on.length > 0 ? `Recording: ${on.map((c) => CATEGORY_LABEL[c]).join(', ')}` : 'Recording nothing'}
            </li>
            <li className="summary-chip">Decided by: {SOURCE_LABEL[snapshot.consent.source]}</li>
            <li className="summary-chip">{snapshot.endpoint ? `Endpoint: ${snapshot.endpoint}` : 'No endpoint: nothing leaves'}</li>
            <li className="summary-chip">{snapshot.queue.held ? 'Holding all events' : `Review window: ${reviewWindowLabel(snapshot.queue.reviewWindowMs)}`}</li>
          </ul>
        ) : null}
      </header>

      {snapshot ? null : <ErrorText>{error}</ErrorText>}

      <Tabs label="What we collect" idPrefix="privacy" tabs={tabs} selected={tab} onSelect={setTab} />
      {snapshot ? (
        <TabPanel idPrefix="privacy" id={tab} className={tab === 'queue' ? 'tabpanel-fill' : undefined}>
          {tab === 'queue' ? <QueueTab snapshot={snapshot} /> : null}
          {tab === 'batch' ? <NextBatchTab snapshot={snapshot} /> : null}
          {tab === 'sent' ? <SentTab snapshot={snapshot} /> : null}
          {tab === 'network' ? <NetworkTab snapshot={snapshot} /> : null}
          {tab === 'consent' ? <ConsentTab snapshot={snapshot} catalog={catalog} /> : null}
          {tab === 'catalog' ? <CatalogTab catalog={catalog} consent={snapshot.consent} /> : null}
          {tab === 'stats' ? <StatsTab /> : null}
        </TabPanel>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}
