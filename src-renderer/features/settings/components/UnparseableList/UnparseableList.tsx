import type { Folder } from '../../../../api';
import { Button, ErrorText } from '../../../../ui';
import { useUnparseable } from '../../hooks/useUnparseable';
import type { UnparseableEntry } from '../../model/types';
import { visibleText } from '../../model/visibleText';

export interface UnparseableListProps {
  /** How many there are in all (`library.status`), so the list says how much is left to show. */
  total: number;
  folders: readonly Folder[];
}

/**
 * The files that could not be read, with the reason and the folder each is in, a page at a time. File names
 * and reasons come from strangers' files: text only, each isolated so its direction cannot leak out.
 */
export function UnparseableList({ total, folders }: UnparseableListProps) {
  // A new count or a folder gone means a different list: start again from its first page.
  const listKey = `${total}:${folders.map((f) => f.id).join(',')}`;
  const list = useUnparseable(listKey);
  return (
    <section className="settings-group" aria-labelledby="unparseable-title">
      <h2 id="unparseable-title" className="section-title">
        Files that could not be read
        {total > 0 ? <span className="count">{total.toLocaleString('en-US')}</span> : null}
      </h2>
      {total === 0 && list.files.length === 0 ? (
        <p className="muted">Every file found in your folders could be read.</p>
      ) : (
        <>
          <UnparseableTable files={list.files} folders={folders} />
          <div className="list-foot">
            <span className="muted small" role="status">
              Showing {list.files.length.toLocaleString('en-US')} of {Math.max(total, list.files.length).toLocaleString('en-US')}
            </span>
            {list.hasMore ? (
              <Button size="sm" onClick={list.more} disabled={list.loading}>
                Show more
              </Button>
            ) : null}
          </div>
        </>
      )}
      <ErrorText>{list.error}</ErrorText>
    </section>
  );
}

function UnparseableTable({ files, folders }: { files: readonly UnparseableEntry[]; folders: readonly Folder[] }) {
  const byId = new Map(folders.map((f) => [f.id, f]));
  return (
    <table className="table unparseable-table" aria-labelledby="unparseable-title">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Folder</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file, i) => {
          const folder = byId.get(file.folderId);
          return (
            <tr key={`${file.folderId}/${file.name}/${i}`}>
              <td className="file-name">
                <bdi>{visibleText(file.name)}</bdi>
              </td>
              <td className="file-folder">{folder ? <FolderCell folder={folder} /> : '—'}</td>
              <td className="file-reason">
                <bdi>{visibleText(file.reason)}</bdi>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The folder's name, and its place below (two folders named "Movies" are common). Already made visible by the Library tab. */
function FolderCell({ folder }: { folder: Folder }) {
  return (
    <>
      <bdi className="file-folder-name">{folder.name}</bdi>
      {folder.place ? <bdi className="file-folder-place">{folder.place}</bdi> : null}
    </>
  );
}
