// Stores that hold case data: a zustand store in renderer/state made with `caseDataStore<State>()(...)` registers
// itself on creation, and locking the app puts every such store back to its initial state (`resetCaseData`), with no
// list to keep by hand.
import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';

// ---- stores that hold case data ---------------------------------------------------------------------------------

type Resettable = Pick<StoreApi<object>, 'setState' | 'getInitialState'>;
const caseDataStores = new Set<Resettable>();

/**
 * `create` for a store that holds what a case contains (titles, text, search results, a problem naming a file): the
 * store is registered on creation, and `resetCaseData` (the app lock) puts it back to its initial state.
 */
export function caseDataStore<T>(): (initializer: StateCreator<T, [], []>) => UseBoundStore<StoreApi<T>> {
  return (initializer) => {
    const store = create<T>()(initializer);
    caseDataStores.add(store as unknown as Resettable);
    return store;
  };
}

/** Empties every store made with caseDataStore: each goes back to its initial state, actions included. */
export function resetCaseData(): void {
  for (const store of caseDataStores) store.setState(store.getInitialState(), true);
}
