export {
  findPostgresBin,
  POSTGRES_BIN_ENV,
  type PostgresSandbox,
  type PostgresSandboxOptions,
  startPostgres,
} from './postgres-sandbox';
