import type { ValidateFunction } from 'ajv';

/** Standalone validators compiled from geo/schema/*.json by scripts/build-validators.ts. */
export const validateJourney: ValidateFunction;
export const validateVague: ValidateFunction;
