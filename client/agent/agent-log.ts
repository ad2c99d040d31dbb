import { join } from 'node:path';

/** The logs the agent writes to, as the suite's client names them: policy in policyagent.log, runs in execmgr.log. */
export type AgentLogName = 'policyagent' | 'execmgr';

/** What the agent needs of a log writer (client/logs/log-writer.ts is one): a line, of a severity, to one log. */
export interface AgentLogs {
  info(log: AgentLogName, text: string): unknown;
  warning(log: AgentLogName, text: string): unknown;
  error(log: AgentLogName, text: string): unknown;
}

/** The client's logs: `<clientDir>/logs` (the suite keeps them in %windir%\\system32\\CCM\\Logs). */
export const logFolderOf = (clientDir: string): string => join(clientDir, 'logs');
