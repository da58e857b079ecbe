export { parseEnvFile, type EnvFile } from "./env-file";
export { DEPLOY_FIELDS, exampleFile, validateDeployEnv, type DeployField, type DeployOptions, type DeploySettings, type Validation } from "./settings";
