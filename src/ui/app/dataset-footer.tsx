/** The instance data's date and sources. */
import { dataset } from '../../data/dataset';
import { fmt } from '../common/format';

export function DatasetFooter() {
  return (
    <footer className="site-footer">
      <p>
        Instance data: {fmt(dataset.types.length)} EC2 instance types, as of{' '}
        <time dateTime={dataset.dataDate}>{dataset.dataDate}</time>. Everything is computed in this page; nothing is
        sent anywhere.
      </p>
      <details>
        <summary>Sources</summary>
        <ul className="sources">
          {dataset.provenance.map((p, i) => (
            <li key={i}>
              {p.what}: <code>{p.repository}</code> <code>{p.path}</code> at <code>{p.commit.slice(0, 10)}</code> (
              {p.commitDate})
            </li>
          ))}
        </ul>
      </details>
    </footer>
  );
}
