import { BrokerageFrame } from '../features/brokerage/brokerage-frame.tsx';
import { IntroductionList } from '../features/brokerage/introduction-list.tsx';

/** /introduzioni: introductions between companies and their outcomes, for both companies and the centre. */
export function IntroductionsPage() {
  return (
    <BrokerageFrame section="brokerage.intro">
      <IntroductionList />
    </BrokerageFrame>
  );
}
