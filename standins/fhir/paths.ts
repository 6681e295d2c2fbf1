/** Where the stand-in serves FHIR R4, as a region's server does under its base URL. */
export const FHIR_BASE_PATH = '/fhir/R4';
/** Not FHIR: the tests' way to start again from an empty server between files. */
export const RESET_PATH = '/_stand-in/reset';
/** Not FHIR: how many FHIR requests the stand-in has answered, so a test can count an adapter's calls. */
export const REQUESTS_PATH = '/_stand-in/requests';
