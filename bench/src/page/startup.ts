/**
 * What the wasm costs before the first call: compile (WebAssembly.compile on bytes
 * already fetched) and instantiate (the glue's init() on the compiled module, which also
 * runs wasm-bindgen's start-up). Each repetition imports a fresh copy of the glue
 * (a distinct ?query makes a distinct ES module) and compiles bytes made unique by a
 * trailing custom section: V8 shares compiled modules between identical wire bytes, which
 * would turn every compile after the first into a cache hit.
 */
import { stats, type Stats } from '../shared/stats';
import type { CoreModule } from '../clients/core';

export interface Startup {
  compileMs: Stats;
  instantiateMs: Stats;
  /** One cold `init(url)`: fetch + compileStreaming + instantiate, as the card does it. */
  initColdMs: number;
  wasmBytes: number;
}

export async function measureStartup(glueUrl: string, wasmUrl: string, repeats: number, initColdMs: number): Promise<Startup> {
  const bytes = await (await fetch(wasmUrl)).arrayBuffer();
  const compile: number[] = [];
  const instantiate: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const module = await WebAssembly.compile(withCustomSection(bytes, `bench-${i}-${Math.random()}`));
    compile.push(performance.now() - t0);
    const glue = (await import(/* @vite-ignore */ `${glueUrl}?startup=${i}`)) as CoreModule;
    const t1 = performance.now();
    await glue.default({ module_or_path: module });
    instantiate.push(performance.now() - t1);
  }
  return { compileMs: stats(compile), instantiateMs: stats(instantiate), initColdMs, wasmBytes: bytes.byteLength };
}

/** The module with a custom section appended (id 0, size, name): same code, new bytes. */
function withCustomSection(module: ArrayBuffer, name: string): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const payload = [...leb128(nameBytes.length), ...nameBytes];
  const section = [0, ...leb128(payload.length), ...payload];
  const out = new Uint8Array(module.byteLength + section.length);
  out.set(new Uint8Array(module));
  out.set(section, module.byteLength);
  return out;
}

function leb128(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}
