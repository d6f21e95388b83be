import { isBookLayer, type Layer, type LayerName } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Project } from '../project/project.js';
import { isInfrastructure } from './domain-purity.js';
import { describeSide, type Finding } from './finding.js';
import { cellAllows, dependsByDesign, matrixCell } from './matrix.js';
import { compareText } from '../config/order.js';

export const NO_TRANSITIVE_VIOLATION = 'cosmic/no-transitive-violation';
export const NO_LAYER_CYCLES = 'cosmic/no-layer-cycles';

export const noTransitiveViolationMessages = {
  transitiveLayer: `The {{fromLayer}} reaches {{targets}} through imports that each look allowed: {{path}}. {{upstream}}. Why: the direction rule holds for reachability, not just for direct imports; the {{fromLayer}} still depends on {{names}} at run time (dependency inversion, ch. 2-3). Fix: cut {{cut}}, where the chain leaves what the {{fromLayer}} may depend on, by depending on an abstraction the {{fromLayer}} owns instead.`,
  transitivePackage: `The domain reaches {{targets}} through imports that each look allowed: {{path}}. {{upstream}}. Why: the domain model is the part with no dependencies, and that holds for everything it pulls in (persistence ignorance, ch. 1-2). Fix: cut {{cut}}, where the chain leaves what the domain may depend on: keep {{names}} in the adapters and pass plain values inward.`,
} as const;

export const noLayerCyclesMessages = {
  layerCycle: `Import cycle across the layers {{layers}}: {{path}}. Why: a cycle makes the inner layer depend on the outer one, so neither can change, load or be tested alone. Fix: break it at {{cut}} with an abstraction the inner layer owns, or with an event.`,
} as const;

/** The graph the whole-project checks walk: each checked file's classification and resolved imports. */
export interface GraphFile {
  path: string;
  classification: Classification;
  imports: readonly ResolvedImport[];
}

export interface GraphHop {
  file: string;
  import: ResolvedImport;
}

export interface GraphFinding extends Finding {
  /** The importer (absolute path) the finding is reported in. */
  file: string;
  chain: GraphHop[];
  /** What the chain reaches: the target of its last hop (for a transitive finding, also where it sits). */
  reached: ResolvedImport;
}

const RANK: Record<Layer, number> = { domain: 0, shared: 0, 'service-layer': 1, adapters: 2, entrypoints: 3, bootstrap: 3 };
/** How far out a layer is; NaN for a custom layer, whose place the book does not fix (no comparison holds, so no chain from or to it counts as inward). */
const rank = (layer: LayerName | undefined): number => (isBookLayer(layer) ? RANK[layer] : NaN);

function hopLabel(hop: GraphHop, project: Project): string {
  return `${project.classifier.classify(hop.file).file}:${hop.import.range.line}`;
}

function targetLabel(imported: ResolvedImport): string {
  const { target } = imported;
  return target.type === 'file' ? target.classification.file : target.type === 'package' ? target.name : imported.specifier;
}

/** What an import reaches, as one key: the file's path, or `package:<name>`. */
function reachedKey(imported: ResolvedImport): string {
  const { target } = imported;
  return target.type === 'file' ? target.path : target.type === 'package' ? `package:${target.name}` : '';
}

/** How many files of a long chain a message names: the first and last ones, with the count between. */
const PATH_SHOWN = { head: 6, tail: 5 };

function pathLabel(chain: readonly GraphHop[], project: Project): string {
  const label = (index: number): string => (index < chain.length ? project.classifier.classify(chain[index]!.file).file : targetLabel(chain.at(-1)!.import));
  const count = chain.length + 1;
  if (count <= PATH_SHOWN.head + PATH_SHOWN.tail + 1) return Array.from({ length: count }, (_, index) => label(index)).join(' → ');
  const head = Array.from({ length: PATH_SHOWN.head }, (_, index) => label(index));
  const tail = Array.from({ length: PATH_SHOWN.tail }, (_, index) => label(count - PATH_SHOWN.tail + index));
  return [...head, `… ${count - PATH_SHOWN.head - PATH_SHOWN.tail} more files …`, ...tail].join(' → ');
}

/** `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** How many upstream files a finding names before "and N more". */
const UPSTREAM_SHOWN = 5;

/** One finding in the making: an exit file, the layer reaching through it, and what it reaches. */
interface TransitiveGroup {
  exit: number;
  layer: LayerName;
  /** The files of that layer whose chains leave through the exit (each one's own violation). */
  origins: Set<number>;
  /** Per exit hop (the import that leaves what the layer may depend on): its shortest witness chain. */
  hops: Map<number, { depth: number; origin: number; chain: GraphHop[] }>;
}

/**
 * `cosmic/no-transitive-violation`: from each classified file, follow imports that are each
 * allowed for their own importer, and find where a chain leaves what the starting file's layer may
 * depend on: an import, in a file the layer may depend on, of a layer it may not depend on or (from
 * the domain) of an infrastructure package. That import is the hop to cut, and the root cause: one
 * finding per file holding such hops and per reaching layer, sitting on its first such import,
 * naming everything reached through the file and the files upstream that reach it, with the
 * shortest chain as the witness. Targets a file imports directly are left to the per-file rules;
 * a chain through another file that is itself forbidden to reach the target is that file's
 * violation (reported there, by the per-file rules or as its own chain), not the upstream one's.
 *
 * One breadth-first search per file, through the files from which a chain can still leave what
 * the file's layer may depend on (found by one backward pass per layer) and not into files that
 * own every such chain themselves (their own layer forbids the same): near-linear on real graphs
 * and on deep chains, O(files × edges) only in the worst case. The graph is flattened into integer
 * arrays first so each step is a few array reads.
 */
export function checkTransitiveViolations(project: Project, graph: ReadonlyMap<string, GraphFile>, work?: { steps: number }): GraphFinding[] {
  const { config } = project;
  // A hop is allowed when its own importer may make it; a file in no layer judges nothing (and is
  // reported by no-unclassified-files), so chains run through it rather than hide behind it.
  const allowedHop = (from: Classification, imported: ResolvedImport): boolean => {
    const { target } = imported;
    if (target.type === 'package') return !(from.layer === 'domain' && isInfrastructure(config, target.name));
    if (target.type !== 'file') return false;
    if (!from.layer || !target.classification.layer) return true;
    return cellAllows(config, matrixCell(config, from, target.classification), imported.kind);
  };
  // Bootstrap and the unit of work are where the book wires adapters in on purpose: depending on
  // them is the sanctioned way to reach the adapters, so chains stop there.
  const isCompositionPoint = (classification: Classification): boolean => classification.layer === 'bootstrap' || classification.role === 'unit-of-work';

  const nodes = [...graph.values()];
  const ids = new Map(nodes.map((node, index) => [node.path, index]));
  // Classifications fall into few (layer, role) groups; verdicts are cached per pair of groups.
  const groups = new Map<string, number>();
  const groupSamples: Classification[] = [];
  const groupOf = (classification: Classification): number => {
    if (!classification.layer) return -1;
    const key = `${classification.layer}|${classification.role ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      groups.set(key, (group = groupSamples.length));
      groupSamples.push(classification);
    }
    return group;
  };
  const nodeGroup = Int32Array.from(nodes, (node) => groupOf(node.classification));
  const hopImport: ResolvedImport[] = [];
  const hopNext: number[] = [];
  const hopTargetId: number[] = [];
  const hopType: boolean[] = [];
  const hopPackage: boolean[] = [];
  const hopTargetGroup: number[] = [];
  const hopKey: string[] = [];
  const hopInfrastructure: boolean[] = [];
  const hopStart = new Int32Array(nodes.length + 1);
  nodes.forEach((node, index) => {
    hopStart[index] = hopImport.length;
    for (const imported of node.imports) {
      if (!allowedHop(node.classification, imported)) continue;
      const { target } = imported;
      const next = target.type === 'file' ? ids.get(target.path) : undefined;
      hopImport.push(imported);
      hopNext.push(next !== undefined && !isCompositionPoint(nodes[next]!.classification) ? next : -1);
      hopTargetId.push(next ?? -1);
      hopType.push(imported.kind === 'type');
      hopPackage.push(target.type === 'package');
      hopTargetGroup.push(target.type === 'file' ? groupOf(target.classification) : -1);
      hopKey.push(reachedKey(imported));
      hopInfrastructure.push(target.type === 'package' && isInfrastructure(config, target.name));
    }
  });
  hopStart[nodes.length] = hopImport.length;
  const groupCount = groupSamples.length;
  const verdicts = new Int8Array(groupCount * groupCount * 2).fill(-1);
  // Reaching an inner layer through an outer one it may use is the architecture working: the
  // entrypoint reaches the model through the service layer it calls, and under `strict` may still
  // not import the model itself (the per-file rule says so). Only a chain that carries a
  // dependency outward, or sideways, is one to cut.
  const isForbidden = (from: number, to: number, type: boolean): boolean => {
    const slot = (from * groupCount + to) * 2 + (type ? 1 : 0);
    if (verdicts[slot] === -1) {
      const origin = groupSamples[from]!;
      const target = groupSamples[to]!;
      const inward = rank(target.layer) < rank(origin.layer) || dependsByDesign(config, origin.layer, target.layer);
      verdicts[slot] = inward || cellAllows(config, matrixCell(config, origin, target), type ? 'type' : 'value') ? 0 : 1;
    }
    return verdicts[slot] === 1;
  };

  const seen = new Int32Array(nodes.length).fill(-1);
  const parentNode = new Int32Array(nodes.length);
  const parentHop = new Int32Array(nodes.length);
  const depth = new Int32Array(nodes.length);
  const typeOnly = new Uint8Array(nodes.length);
  const queue = new Int32Array(nodes.length);

  // "Is a file between the origin and this node (the node included) itself forbidden to reach the
  // target?", memoised along the search tree, so asking it at every exit hop costs O(files) per
  // origin and question at most. A question is a target group and kind, or `package` (for the
  // domain: is there a domain file on the way); arrays exist only for the questions asked.
  const packageQuestion = groupCount * 2;
  const ownedFor: Int32Array[] = [];
  const ownedValue: Uint8Array[] = [];
  const climb: number[] = [];
  const ownsItself = (node: number, question: number): boolean => {
    const group = nodeGroup[node]!;
    if (group < 0) return false;
    if (question === packageQuestion) return groupSamples[group]!.layer === 'domain';
    return isForbidden(group, question >> 1, (question & 1) === 1);
  };
  const ownedUpstream = (startId: number, node: number, question: number): boolean => {
    const askedFor = (ownedFor[question] ??= new Int32Array(nodes.length).fill(-1));
    const answers = (ownedValue[question] ??= new Uint8Array(nodes.length));
    let owned = false;
    climb.length = 0;
    for (let at = node; at !== startId; at = parentNode[at]!) {
      if (askedFor[at] === startId) {
        owned = answers[at] === 1;
        break;
      }
      climb.push(at);
    }
    for (let index = climb.length - 1; index >= 0; index--) {
      const at = climb[index]!;
      owned ||= ownsItself(at, question);
      askedFor[at] = startId;
      answers[at] = owned ? 1 : 0;
    }
    return owned;
  };

  // A file whose own group is forbidden everything the origin's group is (its own layer, say) owns
  // whatever the origin could reach through it: each such chain is that file's violation, so the
  // search does not enter it. On a chain of N same-layer files this makes the search O(N), not O(N²).
  const isDomainGroup = (group: number): boolean => groupSamples[group]!.layer === 'domain';
  const owns = new Uint8Array(groupCount * groupCount);
  for (let origin = 0; origin < groupCount; origin++) {
    for (let owner = 0; owner < groupCount; owner++) {
      let covers = !isDomainGroup(origin) || isDomainGroup(owner);
      for (let target = 0; covers && target < groupCount; target++) {
        for (const type of [false, true]) if (isForbidden(origin, target, type) && !isForbidden(owner, target, type)) covers = false;
      }
      owns[origin * groupCount + owner] = covers ? 1 : 0;
    }
  }
  const ownsAll = (originGroup: number, node: number): boolean => nodeGroup[node]! >= 0 && owns[originGroup * groupCount + nodeGroup[node]!] === 1;

  // The files from which a chain can still leave what a group may depend on: every other file is a
  // dead end the search need not walk. One backward pass per origin group, linear in the edges.
  const reverseStart = new Int32Array(nodes.length + 1);
  for (let hop = 0; hop < hopNext.length; hop++) if (hopNext[hop]! >= 0) reverseStart[hopNext[hop]! + 1]!++;
  for (let node = 0; node < nodes.length; node++) reverseStart[node + 1]! += reverseStart[node]!;
  const reverseHop = new Int32Array(reverseStart[nodes.length]!);
  const reverseFrom = new Int32Array(reverseStart[nodes.length]!);
  {
    const fill = reverseStart.slice(0, nodes.length);
    for (let node = 0; node < nodes.length; node++) {
      for (let hop = hopStart[node]!, end = hopStart[node + 1]!; hop < end; hop++) {
        const next = hopNext[hop]!;
        if (next < 0) continue;
        reverseHop[fill[next]!] = hop;
        reverseFrom[fill[next]!++] = node;
      }
    }
  }
  const liveFor: Array<Uint8Array | undefined> = [];
  const liveNodes = (originGroup: number): Uint8Array => {
    let live = liveFor[originGroup];
    if (live) return live;
    live = new Uint8Array(nodes.length);
    const isDomain = isDomainGroup(originGroup);
    const leaves = (hop: number, type: boolean): boolean => hopTargetGroup[hop]! >= 0 && isForbidden(originGroup, hopTargetGroup[hop]!, type);
    const stack: number[] = [];
    for (let node = 0; node < nodes.length; node++) {
      if (ownsAll(originGroup, node)) continue;
      for (let hop = hopStart[node]!, end = hopStart[node + 1]!; hop < end; hop++) {
        if ((hopPackage[hop] && isDomain && hopInfrastructure[hop]) || leaves(hop, false) || leaves(hop, true)) {
          live[node] = 1;
          stack.push(node);
          break;
        }
      }
    }
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (let at = reverseStart[node]!, end = reverseStart[node + 1]!; at < end; at++) {
        const from = reverseFrom[at]!;
        // A hop that leaves for the group under both kinds is an exit, not a way through.
        if (live[from] || ownsAll(originGroup, from) || (leaves(reverseHop[at]!, false) && leaves(reverseHop[at]!, true))) continue;
        live[from] = 1;
        stack.push(from);
      }
    }
    liveFor[originGroup] = live;
    return live;
  };

  const found = new Map<string, TransitiveGroup>();
  // `work` counts the hops the searches examine, for tests that hold the search near-linear.
  nodes.forEach((start, startId) => {
    const originGroup = nodeGroup[startId]!;
    if (originGroup < 0) return;
    const live = liveNodes(originGroup);
    const origin = start.classification;
    const isDomain = origin.layer === 'domain';
    const direct = new Set(start.imports.map(reachedKey));
    const chainTo = (node: number, hop: number): GraphHop[] => {
      const hops: GraphHop[] = [{ file: nodes[node]!.path, import: hopImport[hop]! }];
      for (let at = node; at !== startId; at = parentNode[at]!) hops.unshift({ file: nodes[parentNode[at]!]!.path, import: hopImport[parentHop[at]!]! });
      return hops;
    };
    // The exit hop `hop` in file `node` leaves what the origin's layer may depend on.
    const record = (node: number, hop: number): void => {
      const key = `${node}|${origin.layer!}`;
      let group = found.get(key);
      if (!group) found.set(key, (group = { exit: node, layer: origin.layer!, origins: new Set(), hops: new Map() }));
      group.origins.add(startId);
      const witness = group.hops.get(hop);
      const shorter = !witness || depth[node]! < witness.depth || (depth[node] === witness.depth && start.path < nodes[witness.origin]!.path);
      if (shorter) group.hops.set(hop, { depth: depth[node]!, origin: startId, chain: chainTo(node, hop) });
    };
    let head = 0;
    let tail = 0;
    seen[startId] = startId;
    depth[startId] = 0;
    queue[tail++] = startId;
    while (head < tail) {
      const node = queue[head++]!;
      const nodeTypeOnly = node !== startId && typeOnly[node] === 1;
      // The hot loop: only integer and boolean arrays here; import objects are touched when reporting.
      if (work) work.steps += hopStart[node + 1]! - hopStart[node]!;
      for (let hop = hopStart[node]!, end = hopStart[node + 1]!; hop < end; hop++) {
        const type = nodeTypeOnly || hopType[hop]!;
        if (hopPackage[hop]) {
          if (node === startId || !isDomain || !hopInfrastructure[hop]) continue;
          if (direct.has(hopKey[hop]!) || ownedUpstream(startId, node, packageQuestion)) continue;
          record(node, hop);
          continue;
        }
        const targetGroup = hopTargetGroup[hop]!;
        if (targetGroup >= 0 && hopTargetId[hop] !== startId && isForbidden(originGroup, targetGroup, type)) {
          if (node === startId || direct.has(hopKey[hop]!)) continue;
          if (ownedUpstream(startId, node, targetGroup * 2 + (type ? 1 : 0))) continue;
          record(node, hop);
          continue;
        }
        const next = hopNext[hop]!;
        if (next < 0 || seen[next] === startId || !live[next] || ownsAll(originGroup, next)) continue;
        seen[next] = startId;
        parentNode[next] = node;
        parentHop[next] = hop;
        depth[next] = depth[node]! + 1;
        typeOnly[next] = type ? 1 : 0;
        queue[tail++] = next;
      }
    }
  });
  return [...found.values()].map((group) => transitiveFinding(group, nodes, hopImport, project));
}

/** One finding for a group: on the exit's first hop, naming every target, hop and upstream file, with the shortest witness chain. */
function transitiveFinding(group: TransitiveGroup, nodes: readonly GraphFile[], hopImport: readonly ResolvedImport[], project: Project): GraphFinding {
  const label = (file: string): string => project.classifier.classify(file).file;
  const hops = [...group.hops.keys()].sort((a, b) => {
    const first = hopImport[a]!;
    const second = hopImport[b]!;
    return first.range.line - second.range.line || first.range.column - second.range.column || compareText(first.specifier, second.specifier);
  });
  const { chain } = group.hops.get(hops[0]!)!;
  const reached = hopImport[hops[0]!]!;
  const targets = [...new Map(hops.map((hop) => [reachedKey(hopImport[hop]!), hopImport[hop]!])).values()];
  const packages = targets.flatMap((imported) => (imported.target.type === 'package' ? [`'${imported.target.name}'`] : []));
  const files = targets.flatMap((imported) => (imported.target.type === 'file' ? [imported.target.classification] : []));
  const packagePhrase = packages.length === 0 ? [] : [`the infrastructure ${packages.length === 1 ? 'package' : 'packages'} ${andList(packages)}`];
  const exit = label(nodes[group.exit]!.path);
  const origins = [...group.origins].map((origin) => label(nodes[origin]!.path)).sort();
  const shown = origins.length > UPSTREAM_SHOWN ? [...origins.slice(0, UPSTREAM_SHOWN), `${origins.length - UPSTREAM_SHOWN} more`] : origins;
  const many = targets.length > 1;
  return {
    ruleId: NO_TRANSITIVE_VIOLATION,
    messageId: files.length > 0 ? 'transitiveLayer' : 'transitivePackage',
    file: nodes[group.exit]!.path,
    import: reached,
    chain,
    reached,
    data: {
      fromLayer: group.layer,
      targets: andList([...files.map((classification) => `the ${describeSide(classification)} file ${classification.file}`), ...packagePhrase]),
      names: andList([...files.map((classification) => classification.file), ...packages]),
      path: pathLabel(chain, project),
      upstream: `${origins.length} ${group.layer} ${origins.length === 1 ? 'file reaches' : 'files reach'} ${many ? 'them' : 'it'} through ${exit} (${andList(shown)})`,
      cut: andList(hops.map((hop) => `${exit}:${hopImport[hop]!.range.line} ('${hopImport[hop]!.specifier}')`)),
      exit,
    },
  };
}

/** Strongly connected components (Tarjan), iteratively, over file → file imports. */
function stronglyConnected(graph: ReadonlyMap<string, GraphFile>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const successors = (file: string): string[] => graph.get(file)!.imports.flatMap((imported) => (imported.target.type === 'file' && graph.has(imported.target.path) ? [imported.target.path] : []));
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: string[]; position: number }> = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: successors(node), position: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.position < frame.next.length) {
        const successor = frame.next[frame.position++]!;
        if (!index.has(successor)) enter(successor);
        else if (onStack.has(successor)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work.at(-1)!.node, Math.min(low.get(work.at(-1)!.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  return components;
}

/** The shortest chain of imports from `from` to `to` inside one component. */
function shortestPath(graph: ReadonlyMap<string, GraphFile>, members: ReadonlySet<string>, from: string, to: string): GraphHop[] | undefined {
  const previous = new Map<string, GraphHop>();
  let frontier = [from];
  const seen = new Set([from]);
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const node of frontier) {
      for (const imported of graph.get(node)!.imports) {
        if (imported.target.type !== 'file' || !members.has(imported.target.path) || seen.has(imported.target.path)) continue;
        seen.add(imported.target.path);
        previous.set(imported.target.path, { file: node, import: imported });
        if (imported.target.path === to) {
          const hops: GraphHop[] = [];
          for (let at = to; at !== from; at = previous.get(at)!.file) hops.unshift(previous.get(at)!);
          return hops;
        }
        following.push(imported.target.path);
      }
    }
    frontier = following;
  }
  return undefined;
}

/**
 * `cosmic/no-layer-cycles`: one finding per cycle of files spanning two or more layers, reported
 * on the edge that points from an inner layer outward (a forbidden one first), with the cycle.
 */
export function checkLayerCycles(project: Project, graph: ReadonlyMap<string, GraphFile>): GraphFinding[] {
  const { config } = project;
  const findings: GraphFinding[] = [];
  for (const component of stronglyConnected(graph)) {
    const layers = [...new Set(component.map((file) => graph.get(file)!.classification.layer).filter((layer): layer is LayerName => layer !== undefined))];
    if (layers.length < 2) continue;
    const members = new Set(component);
    const edges = component.flatMap((file) =>
      graph
        .get(file)!
        .imports.filter((imported) => imported.target.type === 'file' && members.has(imported.target.path))
        .map((imported) => ({ file, imported, from: graph.get(file)!.classification, to: (imported.target as { classification: Classification }).classification })),
    );
    const crossing = edges.filter((edge) => edge.from.layer && edge.to.layer && edge.from.layer !== edge.to.layer);
    const score = (edge: (typeof edges)[number]) => (cellAllows(config, matrixCell(config, edge.from, edge.to), edge.imported.kind) ? 2 : 0) + (rank(edge.from.layer) < rank(edge.to.layer) ? 0 : 1);
    const edge = [...crossing].sort((a, b) => score(a) - score(b) || compareText(a.file, b.file) || a.imported.range.line - b.imported.range.line)[0];
    if (!edge) continue;
    const back = shortestPath(graph, members, (edge.imported.target as { path: string }).path, edge.file) ?? [];
    const chain = [{ file: edge.file, import: edge.imported }, ...back];
    findings.push({
      ruleId: NO_LAYER_CYCLES,
      messageId: 'layerCycle',
      file: edge.file,
      import: edge.imported,
      chain,
      reached: edge.imported,
      data: {
        layers: layers.sort((a, b) => rank(a) - rank(b) || compareText(a, b)).join(', '),
        path: `${chain.map((hop) => project.classifier.classify(hop.file).file).join(' → ')} → ${project.classifier.classify(edge.file).file}`,
        cut: `${hopLabel(chain[0]!, project)} ('${edge.imported.specifier}')`,
        from: describeSide(edge.from),
      },
    });
  }
  return findings;
}
