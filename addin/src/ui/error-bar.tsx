import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/**
 * The pane's error line under a form or list: nothing while there is no message. Multiline: an
 * error is a sentence, and a single-line bar cut it off at the pane's edge.
 */
export function ErrorBar({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
