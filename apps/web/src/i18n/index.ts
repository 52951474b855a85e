export { loadNamespace, preloadNamespaces } from "./catalog";
export {
  type Formatters,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatList,
  formatMoney,
  formatMonth,
  formatMonthName,
  formatNumber,
  formatRelative,
} from "./format";
export {
  applyDocumentLocale,
  initialLocale,
  type LocaleOption,
  LocaleProvider,
  useLocale,
} from "./locale";
export { type MessageKey, NAMESPACES, type Namespace } from "./namespaces";
export {
  createTranslate,
  type MessageValues,
  type RichValues,
  type Translate,
  useFormat,
  useT,
} from "./use-t";
