import MDXComponents from '@theme-original/MDXComponents';
import LiveCell from '@site/src/components/LiveCell';
import ChapterQuiz from '@site/src/components/Quiz/ChapterQuiz';
import OwnershipTree from '@site/src/components/OwnershipTree';

/** Components every MDX page can use without importing them. */
export default {
  ...MDXComponents,
  LiveCell,
  ChapterQuiz,
  OwnershipTree,
};
