// How a renderer reaches the core: one function per contract operation, each returning the envelope. The Electron
// preload exposes such an object as `window.parley` (over IPC); the browser harness builds one over HTTP. Both are
// generated from OPERATION_NAMES, so they cannot drift from the contract.
import { OPERATION_NAMES, type InputOf, type OpName, type OutputOf } from './contract.js';
import type { Envelope } from './result.js';

export type ParleyBridge = { [N in OpName]: (input: InputOf<N>) => Promise<Envelope<OutputOf<N>>> };

/** The single IPC channel; the operation name travels as the first argument. */
export const IPC_CHANNEL = 'parley:call';

/** Builds a bridge from one function that sends an operation and its input and resolves to the envelope. */
export function bridgeFrom(send: (name: OpName, input: unknown) => Promise<Envelope<unknown>>): ParleyBridge {
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, (input: unknown) => send(name, input)])) as ParleyBridge;
}
