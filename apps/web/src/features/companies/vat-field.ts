import { vatNumberProblem } from '@clock/contracts/values';
import type { MessageKey } from '../../lib/messages.it.ts';

/** The reader's-language message for a partita IVA that cannot be right, or null (the server checks the same). */
export function vatMessage(value: string): MessageKey | null {
  if (!value.trim()) return 'company.error.vat_required';
  const problem = vatNumberProblem(value);
  return problem ? (`company.error.vat_${problem}` as MessageKey) : null;
}
