// Calls for the report pages (Översikt, Balanslista); their answers are the server's own types.
import { apiUrl, getJson } from './client.ts';
import type { BalanceList } from '../../../server/analytics/balance-list.ts';
import type { OpenQuestionsRow, RisingTopics } from '../../../server/analytics/overview.ts';

export type { BalanceGroup, BalanceItem, BalanceStep, BalanceList } from '../../../server/analytics/balance-list.ts';
export type { OpenQuestionsRow, RisingTopic, RisingTopics } from '../../../server/analytics/overview.ts';

export interface Overview {
  longWaitMeetings: number;
  openQuestions: OpenQuestionsRow[];
  rising: RisingTopics;
}

export type BalanceAnswer = BalanceList & { meeting: string; heading: string; bodies: string[] };

type Query = Record<string, string | undefined>;

export const reports = {
  overview: () => getJson<Overview>('/overview'),
  balance: (query: Query) => getJson<BalanceAnswer>('/balanslista', query),
  balanceDocxUrl: (query: Query) => apiUrl('/balanslista.docx', query),
};
