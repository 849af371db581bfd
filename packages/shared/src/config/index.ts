export { envFragments, loadConfig } from './load-config.ts'
