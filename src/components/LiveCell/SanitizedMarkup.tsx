import React, { useEffect, useState } from 'react';
import styles from './styles.module.css';

/**
 * `display.html()` and `display.svg()`: markup from cell code, which is untrusted, so it goes through DOMPurify
 * (loaded only when a cell displays markup) before it reaches the page. Nothing is shown until it is clean.
 */
export default function SanitizedMarkup({ markup, kind }: { markup: string; kind: 'html' | 'svg' }): React.JSX.Element {
  const [clean, setClean] = useState<string | undefined>();
  useEffect(() => {
    let cancelled = false;
    void import('dompurify').then(({ default: DOMPurify }) => {
      if (cancelled) return;
      const profile = kind === 'svg' ? { svg: true, svgFilters: true } : { html: true, svg: true };
      setClean(DOMPurify.sanitize(markup, { USE_PROFILES: profile }));
    });
    return () => {
      cancelled = true;
    };
  }, [markup, kind]);
  if (clean === undefined) return <div className={styles.markup} />;
  return <div className={styles.markup} data-cell-markup={kind} dangerouslySetInnerHTML={{ __html: clean }} />;
}
