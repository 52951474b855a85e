import type { MemberView } from "@junction/domain";
import { useEffect, useState } from "react";
import { api } from "../api/client";

/** The network's members, for @mentions in comments; empty until (or unless) they load. */
export function useMembers(networkId: string): readonly MemberView[] {
  const [members, setMembers] = useState<readonly MemberView[]>([]);
  useEffect(() => {
    let live = true;
    // suggestions for @mentions only: without them a comment is still sent
    api.members(networkId).then(
      (list) => {
        if (live) setMembers(list);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [networkId]);
  return members;
}
