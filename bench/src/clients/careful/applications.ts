/** Self-service applications and instances for C's overview (`model/applications.rs`). */
import * as v from 'valibot';
import { ApplicationResource, InstanceList } from './wire';
import { stringLabels, text } from './view';

export interface Application {
  name: string;
  title: string;
  owner: string | null;
  description: string | null;
  labels: Record<string, string>;
  consoleLink: string | null;
}

export interface OwnedResource {
  type: string;
  name: string;
  patternType: string;
  connectCluster: string | null;
  ownershipMode: string;
}

export interface ApplicationInstance {
  name: string;
  application: string | null;
  cluster: string | null;
  serviceAccount: string | null;
  resources: OwnedResource[];
  labels: Record<string, string>;
}

/** `decode_application`: a blank title falls back to the name. */
export function decodeApplication(body: unknown): Application {
  const wire = v.parse(ApplicationResource, body);
  const title = text(wire.spec?.title);
  return {
    name: wire.metadata.name,
    title: title !== null && title.trim() !== '' ? title : wire.metadata.name,
    owner: text(wire.spec?.owner),
    description: text(wire.spec?.description),
    labels: stringLabels(wire.metadata.labels),
    consoleLink: null,
  };
}

/** `decode_instances`: resources without a string type or name are skipped. */
export function decodeInstances(body: unknown): ApplicationInstance[] {
  return v.parse(InstanceList, body).map(instance => ({
    name: instance.metadata.name,
    application: text(instance.metadata.application),
    cluster: text(instance.spec?.cluster),
    serviceAccount: text(instance.spec?.serviceAccount),
    resources: (instance.spec?.resources ?? []).flatMap(r => {
      const type = text(r.type);
      const name = text(r.name);
      if (type === null || name === null) return [];
      return [{
        type,
        name,
        patternType: text(r.patternType) ?? 'LITERAL',
        connectCluster: text(r.connectCluster),
        ownershipMode: text(r.ownershipMode) ?? 'ALL',
      }];
    }),
    labels: stringLabels(instance.metadata.labels),
  }));
}

/** `OwnedResource::matches`. */
export function owns(resource: OwnedResource, type: string, name: string): boolean {
  return resource.type === type && (resource.patternType === 'PREFIXED' ? name.startsWith(resource.name) : name === resource.name);
}
