export { CsvError, csvRecords } from './csv.ts';
export {
  ImportError,
  importRows,
  type ImportOptions,
  type ImportProblem,
  type ImportProgress,
} from './import.ts';
export {
  FIELDS,
  guessMapping,
  mappingProblems,
  readAmount,
  readDate,
  readRow,
  type Field,
  type ImportRow,
  type Mapping,
} from './rows.ts';
