/** Self-service applications and instances for C's overview (`model/applications.rs`). */
import * as v from 'valibot';
import { ApplicationResource, InstanceList } from './wire';
import { put, stringLabels, text } from './view';

export interface Application {
  name: string;
  title: string;
  owner?: string;
  description?: string;
  labels: Record<string, string>;
  consoleLink?: string;
}

export interface OwnedResource {
  type: string;
  name: string;
  patternType: string;
  connectCluster?: string;
  ownershipMode: string;
}

export interface ApplicationInstance {
  name: string;
  application?: string;
  cluster?: string;
  serviceAccount?: string;
  resources: OwnedResource[];
  labels: Record<string, string>;
}

/** `decode_application`: a blank title falls back to the name. */
export function decodeApplication(body: unknown): Application {
  const wire = v.parse(ApplicationResource, body);
  const title = text(wire.spec?.title);
  const application: Application = {
    name: wire.metadata.name,
    title: title !== null && title.trim() !== '' ? title : wire.metadata.name,
    labels: stringLabels(wire.metadata.labels),
  };
  put(application, 'owner', text(wire.spec?.owner));
  put(application, 'description', text(wire.spec?.description));
  return application;
}

/** `decode_instances`: resources without a string type or name are skipped. */
export function decodeInstances(body: unknown): ApplicationInstance[] {
  return v.parse(InstanceList, body).map(wire => {
    const instance: ApplicationInstance = {
      name: wire.metadata.name,
      resources: (wire.spec?.resources ?? []).flatMap(r => {
        const type = text(r.type);
        const name = text(r.name);
        if (type === null || name === null) return [];
        const resource: OwnedResource = {
          type,
          name,
          patternType: text(r.patternType) ?? 'LITERAL',
          ownershipMode: text(r.ownershipMode) ?? 'ALL',
        };
        put(resource, 'connectCluster', text(r.connectCluster));
        return [resource];
      }),
      labels: stringLabels(wire.metadata.labels),
    };
    put(instance, 'application', text(wire.metadata.application));
    put(instance, 'cluster', text(wire.spec?.cluster));
    put(instance, 'serviceAccount', text(wire.spec?.serviceAccount));
    return instance;
  });
}

/** `OwnedResource::matches`. */
export function owns(resource: OwnedResource, type: string, name: string): boolean {
  return resource.type === type && (resource.patternType === 'PREFIXED' ? name.startsWith(resource.name) : name === resource.name);
}
