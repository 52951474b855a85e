import { afterEach, describe, expect, it, vi } from "vitest";
import { CloseEvents } from "./close-codes";
import { createMemoryUpdateLog } from "./memory-update-log";
import { createSyncServer } from "./sync-server";
import type { SyncSocket } from "./sync-socket";

afterEach(() => {
  vi.useRealTimers();
});

describe("a room whose document cannot be loaded", () => {
  it("refuses the connection and leaves no timer running", () => {
    vi.useFakeTimers();
    const sync = createSyncServer({
      log: {
        ...createMemoryUpdateLog(),
        load: () => {
          throw new Error("disk I/O error");
        },
      },
    });
    const closes: number[] = [];
    const socket = {
      readyState: 1,
      send() {},
      close: (code: number) => closes.push(code),
      on: () => socket,
    } as unknown as SyncSocket;

    sync.handleConnection(socket, {
      docName: "wp-1",
      role: "editor",
      user: { id: "alice", name: "Alice", organisation: "NGO" },
    });

    expect(closes).toEqual([CloseEvents.storageUnavailable.code]);
    expect(sync.roomCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
