import {
  CourierError,
  messageQueryOf,
  promptsOf,
  resolveStatusQuery,
  sameNoCase,
  statusMessageQuerySchema,
  statusQueryCriteriaSchema,
  type StatusMessagePageDto,
  type StatusQueryCriteria,
  type StatusQueryDto,
  type StatusQueryValues,
} from '../api';
import type { StatusQueryRecord, StatusQueryRepository } from '../db/repositories/status-query-repository';
import { builtInStatusQueries, type BuiltInStatusQuery } from '../domain/status-message-queries';
import type { UnitOfWork } from '../site/unit-of-work';
import type { StatusMessageService } from './status-message-service';

export interface StatusQueryServiceDeps {
  readonly queries: StatusQueryRepository;
  readonly messages: StatusMessageService;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  readonly siteCode: string;
}

export interface StatusQueryRun {
  readonly query: string;
  readonly values: StatusQueryValues;
  readonly order: 'newest' | 'oldest';
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

type Found = { readonly builtIn: BuiltInStatusQuery } | { readonly record: StatusQueryRecord };

/** `status-queries:*`: the site's Status Message Queries, built-in and its own (docs/status-messages.md#status-message-queries). */
export class StatusQueryService {
  private readonly idPattern: RegExp;

  constructor(private readonly deps: StatusQueryServiceDeps) {
    this.idPattern = new RegExp(`^${deps.siteCode}Q(\\d{5,15})$`, 'i');
  }

  /** The built-ins first, in their order, then the site's own by name. */
  list(): StatusQueryDto[] {
    return [...builtInStatusQueries.map((query) => this.builtInDto(query)), ...this.deps.queries.list().map((record) => this.recordDto(record))];
  }

  get(ref: string): StatusQueryDto {
    const found = this.find(ref);
    return 'builtIn' in found ? this.builtInDto(found.builtIn) : this.recordDto(found.record);
  }

  create(name: string, comment: string, criteria: StatusQueryCriteria): StatusQueryDto {
    return this.deps.work.run((change) => {
      this.refuseTakenName(name, null);
      const stamp = this.deps.now().toISOString();
      const id = this.deps.queries.insert({ name, comment, criteria: JSON.stringify(criteria), createdAt: stamp, lastModified: stamp });
      const dto = this.recordDto(this.requireRecord(id));
      change.log('smsprov.log', 'SMS_PROVIDER', `Created status message query ${dto.id} "${name}".`);
      change.emit('status-queries:changed', { change: 'created', queryId: dto.id });
      return dto;
    });
  }

  update(ref: string, changes: { name?: string | undefined; comment?: string | undefined; criteria?: StatusQueryCriteria | undefined }): StatusQueryDto {
    return this.deps.work.run((change) => {
      const record = this.editable(ref);
      if (changes.name !== undefined) this.refuseTakenName(changes.name, record.id);
      this.deps.queries.update({
        id: record.id,
        name: changes.name ?? record.name,
        comment: changes.comment ?? record.comment,
        criteria: changes.criteria !== undefined ? JSON.stringify(changes.criteria) : record.criteria,
        lastModified: this.deps.now().toISOString(),
      });
      const dto = this.recordDto(this.requireRecord(record.id));
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified status message query ${dto.id} "${dto.name}".`);
      change.emit('status-queries:changed', { change: 'updated', queryId: dto.id });
      return dto;
    });
  }

  /** Answers with the queries left. */
  delete(ref: string): StatusQueryDto[] {
    return this.deps.work.run((change) => {
      const record = this.editable(ref);
      this.deps.queries.remove(record.id);
      change.log('smsprov.log', 'SMS_PROVIDER', `Deleted status message query ${this.idOf(record.id)} "${record.name}".`);
      change.emit('status-queries:changed', { change: 'deleted', queryId: this.idOf(record.id) });
      return this.list();
    });
  }

  /** One page of the query's messages with its prompts filled, paged on as `status:messages` pages. */
  run(request: StatusQueryRun): StatusMessagePageDto {
    const query = this.get(request.query);
    const resolved = resolveStatusQuery(query.criteria, request.values);
    if (!resolved.ok) throw new CourierError('VALIDATION_FAILED', resolved.message, resolved.field);
    const parsed = statusMessageQuerySchema.safeParse({
      ...messageQueryOf(resolved.filter, this.deps.now().getTime()),
      order: request.order,
      ...(request.limit !== undefined ? { limit: request.limit } : {}),
      ...(request.cursor !== undefined ? { cursor: request.cursor } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CourierError('VALIDATION_FAILED', issue?.message ?? 'The query cannot run.', issue?.path.join('.') || undefined);
    }
    return this.deps.messages.query(parsed.data);
  }

  private find(ref: string): Found {
    const builtIn = builtInStatusQueries.find((query) => sameNoCase(query.id, ref) || sameNoCase(query.name, ref));
    if (builtIn) return { builtIn };
    const byId = this.idPattern.exec(ref);
    const record = (byId ? this.deps.queries.get(Number(byId[1])) : null) ?? this.deps.queries.byName(ref);
    if (!record) throw new CourierError('NOT_FOUND', `There is no status message query "${ref}"; see courier status query list.`, 'query');
    return { record };
  }

  private editable(ref: string): StatusQueryRecord {
    const found = this.find(ref);
    if ('builtIn' in found) {
      throw new CourierError('FORBIDDEN', `"${found.builtIn.name}" is a built-in query: it cannot be changed or deleted. Make a new query with its criteria instead.`, 'query');
    }
    return found.record;
  }

  private refuseTakenName(name: string, ownId: number | null): void {
    const builtIn = builtInStatusQueries.find((query) => sameNoCase(query.name, name) || sameNoCase(query.id, name));
    if (builtIn) throw new CourierError('CONFLICT', `"${builtIn.name}" is the name of a built-in query; choose another name.`, 'name');
    if (this.idPattern.test(name)) throw new CourierError('CONFLICT', `"${name}" has the form of a query ID; choose another name.`, 'name');
    const clash = this.deps.queries.byName(name);
    if (clash && clash.id !== ownId) throw new CourierError('CONFLICT', `There already is a status message query "${clash.name}".`, 'name');
  }

  private requireRecord(id: number): StatusQueryRecord {
    const record = this.deps.queries.get(id);
    if (!record) throw new CourierError('NOT_FOUND', `Status message query ${this.idOf(id)} is gone.`, 'query');
    return record;
  }

  private idOf(id: number): string {
    return `${this.deps.siteCode}Q${String(id).padStart(5, '0')}`;
  }

  private builtInDto(query: BuiltInStatusQuery): StatusQueryDto {
    return { ...query, builtIn: true, prompts: promptsOf(query.criteria), createdAt: null, lastModified: null };
  }

  private recordDto(record: StatusQueryRecord): StatusQueryDto {
    const criteria = statusQueryCriteriaSchema.parse(JSON.parse(record.criteria));
    return {
      id: this.idOf(record.id),
      name: record.name,
      comment: record.comment,
      builtIn: false,
      criteria,
      prompts: promptsOf(criteria),
      createdAt: record.createdAt,
      lastModified: record.lastModified,
    };
  }
}
