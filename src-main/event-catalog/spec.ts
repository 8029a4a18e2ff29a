import type { Category } from '../contract/index.js';

/**
 * The shapes an event and its fields are declared in, and the raw value each field type takes.
 *
 * Important: there is deliberately no string field type. A field is an enum (listed values), a boolean, a
 * bucket (edges + unit + a named generalizer) or a small capped count, so a path, title, tag or error
 * message cannot be expressed by any catalog entry.
 */

/**
 * The named mappings of a raw enum input (e.g. "en-US", "win32", "0.1.3") onto an enum field's vocabulary.
 * Each takes any string; telemetry/generalize.ts implements exactly these names.
 */
export type NormalizerName = 'lowercase' | 'mediaKind' | 'container' | 'codec' | 'majorMinor' | 'osFamily' | 'localeRegion';

/** The named conversions of a raw number into a bucket's unit; telemetry/generalize.ts implements exactly these. */
export type GeneralizerName = 'secondsToMinutes' | 'seconds' | 'countBucket' | 'videoHeight' | 'realtimeMultiple';

interface EnumField {
  type: 'enum';
  name: string;
  description: string;
  values: readonly string[];
  /** Optional mapping of the raw input onto `values`; unknown results become 'other' when listed. */
  normalize?: NormalizerName;
  /** The listed value a raw null stands for (e.g. 'none' for "no video stream"); without it null is invalid. */
  nullAs?: string;
}
interface BooleanField {
  type: 'boolean';
  name: string;
  description: string;
}
export interface BucketField {
  type: 'bucket';
  name: string;
  description: string;
  /** Ascending; bucket i covers [edges[i-1], edges[i]), the first and last are open-ended. */
  edges: readonly number[];
  unit: string;
  generalizer: GeneralizerName;
  /** Optional stored tokens, one per bucket (edges.length + 1); defaults to "<a", "a-b", "b+". */
  tokens?: readonly string[];
  /** Optional words, one per bucket (edges.length + 1), for a label that reads better than the default. */
  labels?: readonly string[];
  /** An extra value a raw null is stored as (e.g. 'none' for an audio file's resolution); without it null is invalid. */
  nullAs?: { token: string; label: string };
}
interface CountField {
  type: 'count';
  name: string;
  description: string;
  /** Values above max are stored as max ("max or more"); max is small by construction. */
  max: number;
}
export type FieldSpec = EnumField | BooleanField | BucketField | CountField;

export interface EventSpec {
  name: string;
  category: Category;
  /** One sentence a user reads: why we want this event. */
  purpose: string;
  fields: readonly FieldSpec[];
}

/** null, where the field declares what a raw null stands for. */
type NullIfDeclared<F> = F extends { nullAs: string | object } ? null : never;

/**
 * The raw value a caller passes for one field, as the generalizer accepts it: a normalized enum takes any
 * string (its normalizer maps it, e.g. `os.platform()` onto osFamily), a plain enum only its listed values,
 * a bucket or a count a number, a boolean a boolean.
 */
export type RawFieldValue<F extends FieldSpec> = F extends EnumField
  ? (F extends { normalize: NormalizerName } ? string : F['values'][number]) | NullIfDeclared<F>
  : F extends BooleanField
    ? boolean
    : F extends BucketField
      ? number | NullIfDeclared<F>
      : number;
