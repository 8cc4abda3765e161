import { BrokerageFrame } from '../features/brokerage/brokerage-frame.tsx';
import { ReviewQueue } from '../features/brokerage/my-opportunities.tsx';

/** /opportunita/revisione: the centre's review queue and the opportunities it handles. */
export function OpportunityReviewPage() {
  return (
    <BrokerageFrame section="brokerage.queue">
      <ReviewQueue />
    </BrokerageFrame>
  );
}
