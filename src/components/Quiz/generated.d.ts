/** The banks as JSON, written by the quiz-bank plugin at build time. */
declare module '@generated/quiz-bank/default/*.json' {
  const data: unknown;
  export default data;
}
