/** The subnets: name, AZ, CIDR, reserved addresses and usable count, plus the carve helper. */
import { lazy, memo, Suspense, useRef, useState } from 'react';
import { parseCidr, usableAddresses } from '../../model/cidr';
import type { DraftSubnet } from '../../state/draft';
import { useActions, usePlan } from '../../state/store-context';
import { selectSubnets } from '../../state/selectors';
import { useSubnetColor } from '../colors';
import { Field } from '../field';
import { fmt } from '../format';
import { SubnetTags } from './subnet-tags';

const CarveHelper = lazy(() => import('./carve-helper'));

export function SubnetTable() {
  const subnets = usePlan(selectSubnets);
  const { addSubnet } = useActions();
  const [carving, setCarving] = useState(false);
  // The carve helper opens where it was last used (its source CIDR), and gives the focus back when it closes.
  const [lastSource, setLastSource] = useState<string>();
  const carveButton = useRef<HTMLButtonElement>(null);
  const closeCarve = () => {
    setCarving(false);
    carveButton.current?.focus();
  };
  return (
    <section className="panel" aria-labelledby="subnets-heading">
      <h2 id="subnets-heading">Subnets</h2>
      <div className="table-scroll">
        <table className="subnet-table">
          <colgroup>
            {/* The AZ, CIDR and figures get what their longest value needs (us-east-1a, 100.64.0.0/16, 65,531);
                the name gets the rest (imported names such as prod-pods-us-east-1a), an ellipsis if still cut. */}
            <col /><col style={{ width: 84 }} /><col style={{ width: 112 }} />
            <col style={{ width: 54 }} /><col style={{ width: 60 }} /><col style={{ width: 30 }} />
          </colgroup>
          <thead>
            <tr>
              <th id="col-subnet-name" scope="col">Name</th>
              <th id="col-subnet-az" scope="col">Availability Zone</th>
              <th id="col-subnet-cidr" scope="col">Subnet CIDR</th>
              <th id="col-subnet-reserved" scope="col" className="num" title="Addresses taken by load balancers, VPC endpoints, NAT gateways and EKS control-plane ENIs">Reserved</th>
              <th scope="col" className="num">Usable</th>
              <th scope="col"><span className="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {subnets.map((s, i) => <SubnetRow key={s.key} index={i} subnet={s} />)}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Reserved IPs: addresses in the subnet for load balancers (an ALB needs 8 free), interface endpoints, NAT gateways
        and EKS control-plane ENIs (at least 6 free, 16 recommended). Usable is the size less AWS&apos;s 5.
      </p>
      <div className="row-actions">
        <button type="button" onClick={addSubnet}>Add subnet</button>
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

const SubnetRow = memo(function SubnetRow({ index, subnet }: { index: number; subnet: DraftSubnet }) {
  const { setSubnetField, removeSubnet } = useActions();
  const color = useSubnetColor(index);
  const base = `vpc.subnets[${index}]`;
  const parsed = parseCidr(subnet.cidr);
  return (
    <tr>
      <th scope="row">
        <div className="name-cell" style={{ borderLeftColor: color }} title={subnet.name || undefined}>
          <Field labelledBy="col-subnet-name" path={`${base}.name`} value={subnet.name} onChange={(v) => setSubnetField(index, 'name', v)} />
        </div>
      </th>
      <td><Field labelledBy="col-subnet-az" path={`${base}.az`} value={subnet.az} onChange={(v) => setSubnetField(index, 'az', v)} /></td>
      <td><Field labelledBy="col-subnet-cidr" path={`${base}.cidr`} value={subnet.cidr} onChange={(v) => setSubnetField(index, 'cidr', v)} /></td>
      <td>
        <Field labelledBy="col-subnet-reserved" path={`${base}.reservedIps`} value={subnet.reservedIps} onChange={(v) => setSubnetField(index, 'reservedIps', v)} numeric placeholder="0" />
      </td>
      <td className="num">{parsed.ok ? fmt(usableAddresses(parsed.value)) : '–'}</td>
      <td>
        <button type="button" className="icon-button" onClick={() => removeSubnet(index)} aria-label={`Remove subnet ${subnet.name || index + 1}`} title="Remove this subnet">×</button>
      </td>
    </tr>
  );
});
