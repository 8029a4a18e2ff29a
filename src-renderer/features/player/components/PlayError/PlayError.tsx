import { Button } from '../../../../ui';
import '../../player.css';

/** A choice that could not be played (the item left the library), said where the bar would be, until dismissed. */
export function PlayError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="play-error" role="alert">
      <span>{message}</span>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
