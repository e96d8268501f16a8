import type { RouteCollection } from '../route/route';
import type { MeasuredVariant } from '../claims/claims';
import type { CheckReport } from '../claims/report';
import type { Journey } from './journey';
import type { ZoneStretch } from '../time/iana';

/** A timed track: `km` along the route reached `tSec` seconds after `departUtcMs`. */
export interface ImportedTimeline {
  /** UTC instant of the first timed point, ms since the epoch. */
  departUtcMs: number;
  /** Strictly increasing `tSec` (from 0), non-decreasing `km` (full-line km). */
  knots: { tSec: number; km: number }[];
}

/** A journey read from a user's file, ready for the app to load. */
export interface ImportedJourney {
  /** Title to show: the file's own name for its track or document, else the file name. */
  name: string;
  fileName: string;
  /** The route to draw (simplified to at most the import vertex budget by `prepareImport`). */
  route: RouteCollection;
  /** Present for GPX tracks with `<time>` on their points. */
  timeline?: ImportedTimeline;
  /**
   * The project's own journey JSON when one was imported with its route: parsed and validated
   * once, in the worker (schema, cross-references and, given the vague-words table, every
   * phrase). Plain data, so it crosses `postMessage` by structured clone; load it as it is.
   */
  journey?: Journey;
  /**
   * Every routing measured on the FULL line (set by `prepareImport`, i.e. always when the
   * journey comes from the worker client): vertices are the drawn ones, cumulative km are the
   * full line's. Use these instead of `measureVariants(route)`.
   */
  measuredVariants?: MeasuredVariant[];
  /**
   * The fact-check of `journey` (set by the import worker when a journey file comes with its
   * route): it runs there, off the page, so a journey of thousands of claims never blocks it.
   */
  report?: CheckReport;
  /** The IANA time zones along the main routing, by km (set by `prepareImport`). */
  timeZones?: ZoneStretch[];
  /** Vertex counts and lengths before and after simplification (set by `prepareImport`). */
  stats?: { vertices: number; displayVertices: number; fullKm: number };
  warnings: string[];
}
