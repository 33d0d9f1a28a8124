import { loadModuleFederationHostShared } from '@backstage/module-federation-common';
import { createFrontendFeatureLoader, type FrontendFeature } from '@backstage/frontend-plugin-api';
import { createInstance } from '@module-federation/enhanced/runtime';

/**
 * One frontend remote as @backstage/backend-dynamic-feature-service lists it at
 * `/.backstage/dynamic-features/remotes`: a package found in dynamicPlugins.rootDirectory,
 * its module federation manifest's URL and the modules it exposes.
 */
type FrontendRemote = {
  packageName: string;
  remoteInfo: { name: string; entry: string };
  exposedModules: string[];
};

function isFrontendFeature(value: unknown): value is FrontendFeature {
  const type = (value as { $$type?: unknown } | null)?.$$type;
  return type === '@backstage/FrontendPlugin' || type === '@backstage/FrontendModule';
}

/**
 * Loads the new-frontend-system plugins the backend serves as module federation
 * remotes: the role of `dynamicFrontendFeaturesLoader()` from
 * @backstage/frontend-dynamic-feature-loader, which is not on the npm registry this
 * harness can reach, written against the same public pieces (the backend's remotes
 * list, the Module Federation runtime, the host's shared dependencies that the
 * Backstage CLI injects into every app build). A remote that fails to load is
 * reported and skipped; the app starts without it.
 */
export const dynamicFeatures = createFrontendFeatureLoader({
  async loader({ config }) {
    const base = `${config.getString('backend.baseUrl')}/.backstage/dynamic-features`;
    let remotes: FrontendRemote[];
    try {
      const response = await fetch(`${base}/remotes`);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      remotes = await response.json();
    } catch (error) {
      // eslint-disable-next-line no-console
      console.error(`Could not list the dynamic frontend plugins at ${base}/remotes: ${error}`);
      return [];
    }
    const shared = await loadModuleFederationHostShared({
      // eslint-disable-next-line no-console
      onError: error => console.error(error.message, error.cause),
    });
    const federation = createInstance({
      name: 'app',
      shared,
      remotes: remotes.map(remote => ({ alias: remote.packageName, ...remote.remoteInfo })),
    });
    const features: FrontendFeature[] = [];
    for (const remote of remotes) {
      for (const exposed of remote.exposedModules) {
        const id = exposed === '.' ? remote.remoteInfo.name : `${remote.remoteInfo.name}/${exposed}`;
        try {
          const module = await federation.loadRemote<{ default?: unknown }>(id);
          if (isFrontendFeature(module?.default)) features.push(module.default);
        } catch (error) {
          // eslint-disable-next-line no-console
          console.error(`Could not load ${id} of the dynamic plugin ${remote.packageName}: ${error}`);
        }
      }
    }
    return features;
  },
});
