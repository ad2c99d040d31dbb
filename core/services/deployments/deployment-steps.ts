import { deploymentSteps, type DefinitionSource, type DeploymentPlan, type DeploymentStep, type DeploymentStepDto } from '../../api';

type Outcome = DeploymentStepDto['outcome'];

interface StepState {
  title: string;
  outcome: Outcome | null;
  detail: string;
  id: string | null;
}

const stepNames: Readonly<Record<DeploymentStep, string>> = {
  package: 'package',
  program: 'program',
  distribute: 'distribution',
  collection: 'collection',
  advertisement: 'advertisement',
};

function quoted(name: string, version = ''): string {
  return `"${version === '' ? name : `${name} ${version}`}"`;
}

/** A definition as the package step's title names it: the built-in one's ID, or the file's name. */
export function definitionLabel(source: DefinitionSource): string {
  if (source.kind === 'builtIn') return `the built-in definition ${source.id}`;
  return source.path.split(/[\\/]/).pop() ?? source.path;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function distributionTitle(plan: DeploymentPlan): string {
  const parts: string[] = [];
  if (plan.distributionPoints.length > 0) parts.push(`${plan.distributionPoints.length === 1 ? 'distribution point' : 'distribution points'} ${plan.distributionPoints.join(', ')}`);
  if (plan.groups.length > 0) parts.push(`${plan.groups.length === 1 ? 'the group' : 'the groups'} ${plan.groups.join(', ')}`);
  return parts.length === 0 ? 'Copy the package to distribution points' : `Copy the package to ${joinNames(parts)}`;
}

/** The titles a plan's steps have before anything is read: what the progress page lists first. */
function initialTitles(plan: DeploymentPlan): Record<DeploymentStep, string> {
  const pkg = plan.package;
  const ad = plan.advertisement;
  return {
    package:
      pkg.kind === 'new'
        ? `Create package ${quoted(pkg.package.name, pkg.package.version ?? '')}`
        : pkg.kind === 'definition'
          ? `Create package from ${definitionLabel(pkg.definition.source)}`
          : `Use package ${pkg.packageId}`,
    program: plan.program.kind === 'new' ? `Create program ${quoted(plan.program.program.name)}` : `Use program ${quoted(plan.program.programName)}`,
    distribute: distributionTitle(plan),
    collection: ad === null ? 'Target a collection' : ad.target.kind === 'newCollection' ? `Create collection ${quoted(ad.target.collection.name)}` : `Use collection ${ad.target.collectionId}`,
    advertisement: ad === null ? 'Advertise the program' : `Create advertisement ${quoted(ad.advertisementName)}`,
  };
}

/**
 * The steps of one deployment as they run: each is prepared, then applied, and the one that
 * throws is marked; `rolledBack` and `prepareFailed` say what became of the others.
 */
export class DeploymentSteps {
  private readonly states = new Map<DeploymentStep, StepState>();
  /** The step being prepared or applied now: the one a throw belongs to. */
  current: DeploymentStep = 'package';

  constructor(plan: DeploymentPlan) {
    const titles = initialTitles(plan);
    for (const step of deploymentSteps) this.states.set(step, { title: titles[step], outcome: null, detail: '', id: null });
  }

  private state(step: DeploymentStep): StepState {
    const state = this.states.get(step);
    if (!state) throw new Error(`No deployment step ${step}.`);
    return state;
  }

  retitle(step: DeploymentStep, title: string): void {
    this.state(step).title = title;
  }

  set(step: DeploymentStep, outcome: Outcome, detail: string, id: string | null = null): void {
    Object.assign(this.state(step), { outcome, detail, id });
  }

  /** A step with nothing to do: skipped from the start, whatever happens to the others. */
  nothingToDo(step: DeploymentStep, detail: string): void {
    this.set(step, 'skipped', detail);
  }

  /** Everything was committed: every step keeps what it says. */
  list(): DeploymentStepDto[] {
    return deploymentSteps.map((step) => {
      const { title, outcome, detail, id } = this.state(step);
      return { step, title, outcome: outcome ?? 'skipped', detail, id };
    });
  }

  /**
   * A step failed, before anything was written (in its checks of the disk) or inside the
   * transaction: what the steps before it made is rolled back with it, so nothing is kept.
   */
  failed(message: string): DeploymentStepDto[] {
    const failedAt = deploymentSteps.indexOf(this.current);
    const which = stepNames[this.current];
    return deploymentSteps.map((step, index) => {
      const { title, outcome, detail, id } = this.state(step);
      if (index === failedAt) return { step, title, outcome: 'failed', detail: message, id: null };
      if (outcome === 'done') return { step, title, outcome: 'undone', detail: `${detail} Rolled back: the ${which} step failed, so nothing was kept.`, id: null };
      // An existing object the plan names is still there; a step with nothing to do still had nothing to do.
      if (outcome === 'used' || outcome === 'skipped') return { step, title, outcome, detail, id };
      return { step, title, outcome: 'skipped', detail: index < failedAt ? `Not made: the ${which} step failed first.` : `Not run: the ${which} step failed.`, id: null };
    });
  }
}
