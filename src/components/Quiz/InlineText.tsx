import React from 'react';

/** Question text with `backquoted` spans shown as code, the only markup the bank uses. */
export default function InlineText({ text }: { text: string }): React.JSX.Element {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
          <code key={i}>{part.slice(1, -1)}</code>
        ) : (
          <React.Fragment key={i}>{part}</React.Fragment>
        ),
      )}
    </>
  );
}
