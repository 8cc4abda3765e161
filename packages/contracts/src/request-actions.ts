// Plain values (no TypeBox), so the browser can import them from `@clock/contracts/values`.
import type { RequestActionName, RequestState } from './requests.ts';

/**
 * The one table of a request's life cycle: in which states each action may be taken and, for the actions that move
 * the request on, the state it moves to. The server's rules (requests.rules.ts: the transitions, the `actions` of each
 * view, the 409 of a wrong state) and the web app read it; who may take an action is the server's to say.
 */
export const REQUEST_ACTIONS: Readonly<
  Record<RequestActionName, { from: readonly RequestState[]; to?: RequestState }>
> = {
  triage: { from: ['submitted'], to: 'triage' },
  open: { from: ['submitted', 'triage'], to: 'open' },
  decline: { from: ['submitted', 'triage', 'open'], to: 'declined' },
  interest: { from: ['open'] },
  'withdraw-interest': { from: ['open'] },
  'agree-team': { from: ['open'], to: 'team_agreed' },
  start: { from: ['team_agreed'], to: 'in_progress' },
  close: { from: ['in_progress'], to: 'closed' },
  rate: { from: ['closed'] },
  withdraw: { from: ['submitted', 'triage', 'open', 'team_agreed'], to: 'withdrawn' },
  edit: { from: ['submitted', 'triage'] },
};

/** Whether `action` may be taken on a request in `state` (by someone allowed to). */
export const actionPossibleIn = (action: RequestActionName, state: RequestState) =>
  REQUEST_ACTIONS[action].from.includes(state);
