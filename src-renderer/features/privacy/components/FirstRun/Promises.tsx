import { Icon } from '../../../../ui';

/** The three promises the first-run screen opens with. */
export function Promises() {
  return (
    <ul className="promises">
      <li>
        <span className="promise-icon" aria-hidden="true"><Icon.Shield /></span>
        <span>
          <strong>Nothing is sent unless you turn it on.</strong> Every category below starts off, and you can
          change your mind at any time under <em>What we collect</em>.
        </span>
      </li>
      <li>
        <span className="promise-icon" aria-hidden="true"><Icon.Lock /></span>
        <span>
          <strong>Nothing about what is in your library can be expressed.</strong> Events have no free text:
          every field takes a value from a fixed list, so a title, file name, path, tag or search cannot be put
          into one. Lengths and sizes are rounded into coarse buckets first.
        </span>
      </li>
      <li>
        <span className="promise-icon" aria-hidden="true"><Icon.Eye /></span>
        <span>
          <strong>Events wait in a queue you can see.</strong> Each one stays on this machine for a review
          period, where you can read it, delete it or hold everything, and see the exact bytes before any
          batch leaves.
        </span>
      </li>
    </ul>
  );
}
