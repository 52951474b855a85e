export { MyWorkPage } from "./my-work-page";
export { useMyWork } from "./use-my-work";
