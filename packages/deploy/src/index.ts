export { parseEnvFile, type EnvFile } from "./env-file";
export {
  ADDRESS_SETTING,
  DASHBOARD_WORKER,
  dashboardWorkerConfig,
  dryRunResources,
  productionConfig,
  publicAddress,
  readWranglerConfig,
  WORKERS,
  type ProductionResources,
  type Worker,
  type WranglerConfig,
} from "./production-config";
export { DEPLOY_FIELDS, exampleFile, validateDeployEnv, type DeployField, type DeployOptions, type DeploySettings, type Validation } from "./settings";
