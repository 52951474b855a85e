import type { MessageKey } from "./catalogue/en";

export type MessageValue = string | number | Date | Message;

/** Words to show a person, in their language when they are shown: a catalogue key and its values. */
export type Message = {
  readonly key: MessageKey;
  readonly values: Readonly<Record<string, MessageValue>>;
};

export function msg(key: MessageKey, values: Record<string, MessageValue> = {}): Message {
  return { key, values };
}
