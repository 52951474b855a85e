import { useCallback, useEffect, useState } from "react";
import type { CommentTarget } from "./comments";
import type { PanelRequest } from "./editor-types";

/** The side panel's state; every function keeps its identity for the editor's lifetime. */
export type PanelState = {
  /** Narrow windows only: the panel folds away above the document. */
  isOpen: boolean;
  tab: string;
  /** A comment being written, and what it is on. */
  draft: CommentTarget | null;
  activeThread: string | null;
  activeSuggestion: string | null;
  toggle: () => void;
  /** Switches tab without unfolding the panel (the tab buttons). */
  selectTab: (tab: string) => void;
  /** Switches tab and unfolds the panel. */
  showTab: (tab: string) => void;
  openThread: (threadId: string) => void;
  /** Shows the Suggestions tab with one suggestion active. */
  openSuggestion: (suggestionId: string) => void;
  startDraft: (target: CommentTarget) => void;
  cancelDraft: () => void;
  setActiveThread: (threadId: string | null) => void;
  setActiveSuggestion: (suggestionId: string | null) => void;
};

/** The panel's open tab, draft comment and active thread; `request` opens a tab from outside. */
export function usePanel(request: PanelRequest | null | undefined): PanelState {
  const [isOpen, setOpen] = useState(false);
  const [tab, setTab] = useState("overview");
  const [draft, setDraft] = useState<CommentTarget | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<string | null>(null);

  const showTab = useCallback((next: string) => {
    setTab(next);
    setOpen(true);
  }, []);
  const openThread = useCallback((threadId: string) => {
    setTab("comments");
    setOpen(true);
    setActiveThread(threadId);
  }, []);
  const openSuggestion = useCallback((suggestionId: string) => {
    setTab("suggestions");
    setOpen(true);
    setActiveSuggestion(suggestionId);
  }, []);
  const startDraft = useCallback((target: CommentTarget) => {
    setDraft(target);
    setTab("comments");
    setOpen(true);
  }, []);
  const toggle = useCallback(() => setOpen((open) => !open), []);
  const cancelDraft = useCallback(() => setDraft(null), []);

  const requestSeq = request?.seq;
  const requestTab = request?.tab;
  useEffect(() => {
    if (requestSeq === undefined || requestTab === undefined) return;
    showTab(requestTab);
  }, [requestSeq, requestTab, showTab]);

  return {
    isOpen,
    tab,
    draft,
    activeThread,
    activeSuggestion,
    toggle,
    selectTab: setTab,
    showTab,
    openThread,
    openSuggestion,
    startDraft,
    cancelDraft,
    setActiveThread,
    setActiveSuggestion,
  };
}
