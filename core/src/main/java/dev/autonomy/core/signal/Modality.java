package dev.autonomy.core.signal;

/**
 * How a value came to be, in the spirit of Open mHealth's data-point header. Imputed values are
 * kept apart so that no model mixes them silently with observed ones.
 */
public enum Modality {
  /** Measured by a device or app without the person typing it. */
  SENSED,
  /** Entered by the person. */
  SELF_REPORTED,
  /** Computed by Autonomy from other signals (a GPX track's distance). */
  DERIVED,
  /** Filled in by Autonomy where data was missing. */
  IMPUTED
}
