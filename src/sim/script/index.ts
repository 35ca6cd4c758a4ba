export { parseScript, ScriptReader, type ParsedItem, type ScriptCommand, type ScriptSyntaxError } from './parse';
export {
  runScript,
  ScriptSession,
  type OutputStream,
  type ScriptHost,
  type ScriptOptions,
  type ScriptResult,
} from './runner';
