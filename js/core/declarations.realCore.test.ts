// @vitest-environment node
// The shipped declarations (js/wasm/conduktor_card_core.d.ts, generated from the core's
// Rust types) against what the real wasm core returns: every export is called against
// the Console simulator that scripts/check.sh starts (CONDUKTOR_SIM_URL), each answer is
// written into a TypeScript module as a literal of its declared type, and the compiler
// checks it with excess-property checks and exact optional properties. A field the core
// writes that the declaration lacks, a required one it leaves out, or a wrong type fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const SIM_URL = process.env.CONDUKTOR_SIM_URL;
const WASM_DIR = resolve(process.cwd(), 'js/wasm');

type Core = typeof import('../wasm/conduktor_card_core.js');

async function idToken(email: string, groups: string[]): Promise<string> {
  const response = await fetch(`${SIM_URL}/idp/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, groups }),
  });
  return ((await response.json()) as { id_token: string }).id_token;
}

/** An array the core returned, with its list facts as a separate literal. */
function listLiteral(list: unknown[] & Record<string, unknown>): {
  items: string;
  facts: string;
} {
  const facts = Object.fromEntries(
    Object.entries(list).filter(([key]) => !/^\d+$/.test(key)),
  );
  return { items: JSON.stringify([...list]), facts: JSON.stringify(facts) };
}

/** Type-checks `source` beside the shipped declarations; returns the compiler's complaints. */
function typeErrors(source: string): string[] {
  const file = resolve(WASM_DIR, '__answers.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: false,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile;
  host.readFile = name => (name === file ? source : read(name));
  const exists = host.fileExists;
  host.fileExists = name => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe.skipIf(!SIM_URL)(
  'the shipped declarations and what the core returns',
  () => {
    let core: Core;
    const answers: string[] = [];

    beforeAll(async () => {
      core = await import('../wasm/conduktor_card_core.js');
      core.initSync({
        module: readFileSync(resolve(WASM_DIR, 'conduktor_card_core_bg.wasm')),
      });
      const admin = await idToken('admin@example.com', ['conduktor-admins']);
      const options = {
        proxyPath: '/api',
        cacheTtlMs: 0,
        consoleUrl: 'https://console.example.com',
      };
      const list = (name: string, type: string, value: unknown) => {
        const { items, facts } = listLiteral(
          value as unknown[] & Record<string, unknown>,
        );
        answers.push(`export const ${name}: ${type}[] = ${items};`);
        answers.push(`export const ${name}Facts: ListInfo = ${facts};`);
      };
      list(
        'clusters',
        'KafkaCluster',
        await core.fetchClusters(admin, SIM_URL!, options),
      );
      list(
        'topics',
        'Topic',
        await core.fetchTopics(admin, SIM_URL!, 'prod-eu', options),
      );
      list(
        'groups',
        'ConsumerGroup',
        await core.fetchConsumerGroups(admin, SIM_URL!, 'prod-eu', {
          ...options,
          pageSize: 2,
          maxPages: 2,
        }),
      );
      list(
        'instances',
        'ApplicationInstance',
        await core.fetchApplicationInstances(
          admin,
          SIM_URL!,
          'payments',
          options,
        ),
      );
      answers.push(
        `export const application: Application = ${JSON.stringify(
          await core.fetchApplication(admin, SIM_URL!, 'payments', options),
        )};`,
      );
      const entities: Record<string, string>[] = [
        {},
        {
          'conduktor.io/topics':
            'prod-eu/payments.*, prod-eu/payments.orders, staging/missing',
          'conduktor.io/consumer-groups': 'prod-eu/payments-processor',
        },
        {
          'conduktor.io/application': 'payments, no-such-app',
          'conduktor.io/clusters': 'prod-eu, nowhere',
        },
      ];
      for (const [index, annotations] of entities.entries()) {
        const overview = await core.fetchEntityOverview(
          admin,
          SIM_URL!,
          annotations,
          options,
        );
        answers.push(
          `export const overview${index}: EntityOverview = ${JSON.stringify(
            overview,
          )};`,
        );
      }
      answers.push(
        `export const report: TokenReport = ${JSON.stringify(
          core.inspectToken(admin),
        )};`,
      );
      const rejection = await core
        .fetchClusters('not a token', SIM_URL!)
        .catch((e: unknown) => e);
      const {
        name: _name,
        message: _message,
        stack: _stack,
        ...details
      } = rejection as Error & Record<string, unknown>;
      answers.push(
        `export const rejection: ConduktorErrorDetails = ${JSON.stringify(
          details,
        )};`,
      );
    });

    const header =
      "import type { Application, ApplicationInstance, ConduktorErrorDetails, ConsumerGroup, EntityOverview, KafkaCluster, ListInfo, Topic, TokenReport } from './conduktor_card_core.js';\n";

    it('declares every answer exactly', () => {
      expect(answers.length).toBeGreaterThan(10);
      const source = header + answers.join('\n');
      expect(source, 'the simulator shows tags and not-indexed topics').toMatch(
        /"tags":\[\{/,
      );
      expect(typeErrors(source)).toEqual([]);
    });

    it('would notice a field the declarations lack, or a wrong type', () => {
      const extraField = answers
        .find(a => a.startsWith('export const clusters:'))!
        .replace('{"name":', '{"secretField":1,"name":');
      expect(typeErrors(header + extraField).join('\n')).toMatch(/secretField/);
      const wrongType = answers
        .find(a => a.startsWith('export const report:'))!
        .replace('"hasEmailClaim":true', '"hasEmailClaim":"yes"');
      expect(typeErrors(header + wrongType).join('\n')).toMatch(
        /hasEmailClaim|boolean/,
      );
    });
  },
);
