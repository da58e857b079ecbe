export { parseEnvFile, type EnvFile } from "./env-file";
export { dryRunResources, productionConfig, readWranglerConfig, WORKERS, type ProductionResources, type Worker, type WranglerConfig } from "./production-config";
export { DEPLOY_FIELDS, exampleFile, validateDeployEnv, type DeployField, type DeployOptions, type DeploySettings, type Validation } from "./settings";
