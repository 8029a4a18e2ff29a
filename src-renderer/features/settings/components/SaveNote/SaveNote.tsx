import { ErrorText, Icon } from '../../../../ui';
import type { SaveNote as Note } from '../../model/settingsStore';

/**
 * "Theme saved." in a polite live region (always in the page, so screen readers hear each change), or what
 * went wrong as an alert.
 */
export function SaveNote({ note }: { note: Note }) {
  return (
    <>
      <p role="status" className="save-note">
        {note.status === 'saved' ? (
          <>
            <span className="save-note-icon" aria-hidden="true">
              <Icon.Check />
            </span>
            {note.message}
          </>
        ) : null}
      </p>
      <ErrorText className="save-error">{note.status === 'failed' ? note.message : null}</ErrorText>
    </>
  );
}
