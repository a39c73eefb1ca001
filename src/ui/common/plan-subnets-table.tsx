/** A read-only table of a plan's subnets (a proposed layout, an import to confirm): name, AZ, CIDR, usable, reserved. */
import { parseCidr, usableAddresses } from '../../model/cidr';
import type { Plan } from '../../model/plan';
import { fmt } from './format';

export function PlanSubnetsTable({
  plan,
  caption,
  reservedHeader = 'Reserved',
  withPrefixReservation = false,
}: {
  plan: Plan;
  caption: string;
  reservedHeader?: string;
  withPrefixReservation?: boolean;
}) {
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Subnet</th>
          <th scope="col">AZ</th>
          <th scope="col">CIDR</th>
          <th scope="col" className="num">
            Usable
          </th>
          <th scope="col" className="num">
            {reservedHeader}
          </th>
          {withPrefixReservation && <th scope="col">Prefix reservation</th>}
        </tr>
      </thead>
      <tbody>
        {plan.vpc.subnets.map((s) => {
          const c = parseCidr(s.cidr);
          return (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td>{s.az}</td>
              <td>
                <code>{s.cidr}</code>
              </td>
              <td className="num">{c.ok ? fmt(usableAddresses(c.value)) : '–'}</td>
              <td className="num">{fmt(s.reservedIps ?? 0)}</td>
              {withPrefixReservation && <td>{s.prefixReservation ? <code>{s.prefixReservation}</code> : '—'}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
