import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { formatCmtraceLine, type CmtraceType } from '../logs/cmtrace-line';

/** The agent's logs, as the suite's client names them: policy in policyagent.log, runs in execmgr.log. */
export const agentLogs = {
  policyagent: { file: 'policyagent.log', component: 'PolicyAgent' },
  execmgr: { file: 'execmgr.log', component: 'execmgr' },
} as const;
export type AgentLogName = keyof typeof agentLogs;

/** What the agent needs of a log writer: one line, of a severity, to one log. */
export interface AgentLogs {
  info(log: AgentLogName, text: string): unknown;
  warning(log: AgentLogName, text: string): unknown;
  error(log: AgentLogName, text: string): unknown;
}

export const logFolderOf = (clientDir: string): string => join(clientDir, 'logs');

/**
 * CMTrace lines appended to `<clientDir>/logs`, unbounded in size. A line that cannot be written
 * is dropped: a full disk must not stop the agent from running what it was told to.
 */
export class AppendingAgentLogs implements AgentLogs {
  private made = false;

  constructor(
    private readonly folder: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  pathOf(log: AgentLogName): string {
    return join(this.folder, agentLogs[log].file);
  }

  private write(log: AgentLogName, text: string, type: CmtraceType): void {
    try {
      if (!this.made) {
        mkdirSync(this.folder, { recursive: true });
        this.made = true;
      }
      appendFileSync(this.pathOf(log), `${formatCmtraceLine(text, agentLogs[log].component, this.now(), threadId, type)}\r\n`);
    } catch {
      // See the class comment.
    }
  }

  info(log: AgentLogName, text: string): void {
    this.write(log, text, 1);
  }
  warning(log: AgentLogName, text: string): void {
    this.write(log, text, 2);
  }
  error(log: AgentLogName, text: string): void {
    this.write(log, text, 3);
  }
}
