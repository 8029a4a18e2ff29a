import type { Category } from '../../../../api';
import { CATEGORY_LABEL } from '../../labels';

/** An event's category as a chip in the category's colour. */
export function CategoryChip({ category }: { category: Category }) {
  return <span className={`chip chip-${category}`}>{CATEGORY_LABEL[category]}</span>;
}
