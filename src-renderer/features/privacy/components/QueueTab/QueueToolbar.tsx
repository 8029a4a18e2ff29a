import { Button, Icon, Switch } from '../../../../ui';
import type { QueueFilter } from '../../hooks/useQueueFilter';
import { CATEGORIES, CATEGORY_LABEL } from '../../labels';
import type { CategoryFilter } from '../../model/queueView';

interface QueueToolbarProps {
  filter: QueueFilter;
  held: boolean;
  /** How many still-queued events are selected. */
  selectedCount: number;
  busy: boolean;
  onHold: (on: boolean) => void;
  onDeleteSelected: () => void;
  onSendNow: () => void;
}

/** Above the queue: the category filter, the search box, the hold switch, and delete and send. */
export function QueueToolbar({ filter, held, selectedCount, busy, onHold, onDeleteSelected, onSendNow }: QueueToolbarProps) {
  return (
    <div className="toolbar">
      <CategorySelect value={filter.category} onChange={filter.setCategory} />
      <label className="field-inline grow">
        <span className="sr-only">Search events</span>
        <input type="search" placeholder="Search events by name" value={filter.search} onChange={(e) => filter.setSearch(e.target.value)} aria-label="Search events" />
      </label>
      <Switch label="Hold all events" checked={held} onChange={onHold} disabled={busy} />
      <Button variant="danger" icon={<Icon.Trash />} disabled={busy || selectedCount === 0} onClick={onDeleteSelected}>
        Delete selected{selectedCount > 0 ? ` (${selectedCount})` : ''}
      </Button>
      <Button variant="primary" icon={<Icon.Send />} disabled={busy} onClick={onSendNow}>
        Send now
      </Button>
    </div>
  );
}

function CategorySelect({ value, onChange }: { value: CategoryFilter; onChange: (next: CategoryFilter) => void }) {
  return (
    <label className="field-inline">
      <span>Category</span>
      <select value={value} onChange={(e) => onChange(e.target.value as CategoryFilter)}>
        <option value="all">All categories</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABEL[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
