import { BrokerageFrame } from '../features/brokerage/brokerage-frame.tsx';
import { MyOpportunities } from '../features/brokerage/my-opportunities.tsx';

/** /opportunita/mie: the opportunities of the person's companies in every state. */
export function MyOpportunitiesPage() {
  return (
    <BrokerageFrame section="brokerage.mine">
      <MyOpportunities />
    </BrokerageFrame>
  );
}
