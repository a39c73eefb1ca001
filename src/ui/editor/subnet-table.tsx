/** The subnets: name, AZ, CIDR, reserved addresses and usable count, plus the carve helper. */
import { lazy, memo, Suspense, useRef, useState } from 'react';
import { parseCidr, usableAddresses } from '../../model/cidr';
import type { DraftSubnet } from '../../state/draft';
import { useActions, usePlan } from '../../state/store-context';
import { selectSubnets } from '../../state/selectors';
import { useSubnetColor } from '../common/colors';
import { Field } from '../common/field';
import { fmt } from '../common/format';
import { useWidth } from '../common/use-width';
import { SubnetTags } from './subnet-tags';

const CarveHelper = lazy(() => import('./carve-helper'));

export function SubnetTable() {
  const subnets = usePlan(selectSubnets);
  const { addSubnet } = useActions();
  const [carving, setCarving] = useState(false);
  // The carve helper opens where it was last used (its source CIDR), and gives the focus back when it closes.
  const [lastSource, setLastSource] = useState<string>();
  const carveButton = useRef<HTMLButtonElement>(null);
  // Names longer than the name column holds (imported ones such as prod-pods-us-east-1a in a 1024 px page)
  // get a line of their own above the subnet's other fields.
  const [box, width] = useWidth<HTMLDivElement>(600);
  const stacked = stackNames(
    subnets.map((s) => s.name),
    width,
  );
  const closeCarve = () => {
    setCarving(false);
    carveButton.current?.focus();
  };
  return (
    <section className="panel" aria-labelledby="subnets-heading">
      <h2 id="subnets-heading">Subnets</h2>
      <div className="table-scroll" ref={box}>
        <table className={`subnet-table${stacked ? ' stacked' : ''}`}>
          <colgroup>
            {/* The AZ, CIDR and figures get what their longest value needs (us-east-1a, 100.64.0.0/16, 65,531);
                the name gets the rest, or (stacked) a line of its own over all of them. */}
            {!stacked && <col />}
            <col style={stacked ? undefined : { width: AZ_WIDTH }} />
            <col style={{ width: 112 }} />
            <col style={{ width: 54 }} />
            <col style={{ width: 60 }} />
            <col style={{ width: 30 }} />
          </colgroup>
          <thead>
            {stacked && (
              <tr>
                <th id="col-subnet-name" scope="col" colSpan={5}>
                  Name
                </th>
              </tr>
            )}
            <tr>
              {!stacked && (
                <th id="col-subnet-name" scope="col">
                  Name
                </th>
              )}
              <th id="col-subnet-az" scope="col">
                Availability Zone
              </th>
              <th id="col-subnet-cidr" scope="col">
                Subnet CIDR
              </th>
              <th
                id="col-subnet-reserved"
                scope="col"
                className="num"
                title="Addresses taken by load balancers, VPC endpoints, NAT gateways and EKS control-plane ENIs"
              >
                Reserved
              </th>
              <th scope="col" className="num">
                Usable
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          {subnets.map((s, i) => (
            <SubnetRow key={s.key} index={i} subnet={s} stacked={stacked} />
          ))}
        </table>
      </div>
      <p className="hint">
        Reserved IPs: addresses in the subnet for load balancers (an ALB needs 8 free), interface endpoints, NAT
        gateways and EKS control-plane ENIs (at least 6 free, 16 recommended). Usable is the size less AWS&apos;s 5.
      </p>
      <div className="row-actions">
        <button type="button" onClick={addSubnet}>
          Add subnet
        </button>
        <button type="button" ref={carveButton} onClick={() => setCarving((c) => !c)} aria-expanded={carving}>
          Carve subnets…
        </button>
      </div>
      {carving && (
        <Suspense fallback={<p className="hint">Loading the carve helper…</p>}>
          <CarveHelper onDone={closeCarve} lastSource={lastSource} onSource={setLastSource} />
        </Suspense>
      )}
      <SubnetTags />
    </section>
  );
}

const AZ_WIDTH = 84;
/** Width the other columns take beside the name (AZ, CIDR, reserved, usable, remove, padding). */
const OTHER_COLUMNS = AZ_WIDTH + 112 + 54 + 60 + 30;
/** A 13 px name, per character, plus the input's padding and the colour bar. */
const CHAR_PX = 7.2;
const NAME_PAD = 20;

/**
 * Does the longest name need more than the name column of a table `width` px wide leaves it?
 * @example stackNames(["nodes-a"], 460) === false; stackNames(["prod-nodes-us-east-1a"], 460) === true
 */
export function stackNames(names: readonly string[], width: number): boolean {
  const longest = Math.max(0, ...names.map((n) => n.length));
  return longest * CHAR_PX + NAME_PAD > width - OTHER_COLUMNS;
}

/** One subnet: a table row, or (stacked) its own row group with the name on the first line. */
const SubnetRow = memo(function SubnetRow({
  index,
  subnet,
  stacked,
}: {
  index: number;
  subnet: DraftSubnet;
  stacked: boolean;
}) {
  const { setSubnetField, removeSubnet } = useActions();
  const color = useSubnetColor(index);
  const base = `vpc.subnets[${index}]`;
  const parsed = parseCidr(subnet.cidr);
  const name = (
    <th scope="row" colSpan={stacked ? 4 : undefined}>
      <div className="name-cell" style={{ borderLeftColor: color }} title={subnet.name || undefined}>
        <Field
          labelledBy="col-subnet-name"
          path={`${base}.name`}
          value={subnet.name}
          onChange={(v) => setSubnetField(index, 'name', v)}
        />
      </div>
    </th>
  );
  const remove = (
    <td>
      <button
        type="button"
        className="icon-button"
        onClick={() => removeSubnet(index)}
        aria-label={`Remove subnet ${subnet.name || index + 1}`}
        title="Remove this subnet"
      >
        ×
      </button>
    </td>
  );
  const fields = (
    <>
      <td className={stacked ? 'az-cell' : undefined} style={stacked ? { borderLeftColor: color } : undefined}>
        <Field
          labelledBy="col-subnet-az"
          path={`${base}.az`}
          value={subnet.az}
          onChange={(v) => setSubnetField(index, 'az', v)}
        />
      </td>
      <td>
        <Field
          labelledBy="col-subnet-cidr"
          path={`${base}.cidr`}
          value={subnet.cidr}
          onChange={(v) => setSubnetField(index, 'cidr', v)}
        />
      </td>
      <td>
        <Field
          labelledBy="col-subnet-reserved"
          path={`${base}.reservedIps`}
          value={subnet.reservedIps}
          onChange={(v) => setSubnetField(index, 'reservedIps', v)}
          numeric
          placeholder="0"
        />
      </td>
      <td className="num">{parsed.ok ? fmt(usableAddresses(parsed.value)) : '–'}</td>
    </>
  );
  if (stacked) {
    return (
      <tbody className="subnet-group">
        <tr className="name-row">
          {name}
          {remove}
        </tr>
        <tr className="fields-row">
          {fields}
          <td />
        </tr>
      </tbody>
    );
  }
  return (
    <tbody className="subnet-group">
      <tr>
        {name}
        {fields}
        {remove}
      </tr>
    </tbody>
  );
});
