import { createContext, useContext, useEffect } from "react";

const STORAGE_KEY = "junction.currentNetwork";

export type CurrentNetworkValue = {
  networkId: string | null;
  setNetworkId: (networkId: string) => void;
};

export const CurrentNetworkContext = createContext<CurrentNetworkValue>({
  networkId: null,
  setNetworkId: () => {},
});

export function readRememberedNetwork(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberNetwork(networkId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, networkId);
  } catch {
    // storage may be disabled (private mode); the switcher then just starts from the first network
  }
}

/** A page that knows its network (e.g. a workplan's) makes it the shell's current network. */
export function useCurrentNetwork(networkId?: string | null): string | null {
  const value = useContext(CurrentNetworkContext);
  const { setNetworkId } = value;
  useEffect(() => {
    if (networkId) setNetworkId(networkId);
  }, [networkId, setNetworkId]);
  return value.networkId;
}
