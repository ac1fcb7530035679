// The negotiation section of a case. Until it is built, it says what it will hold.
import { SectionPlaceholder } from '../placeholder/SectionPlaceholder.js';

export function NegotiationScreen(_props: { caseId: string }) {
  return <SectionPlaceholder section="negotiation" />;
}
