package dev.autonomy.core.signal;

import dev.autonomy.core.Requires;

/**
 * Where a signal came from: the import source (the file as the person named it), the format that
 * read it, the app or device that produced it, and how it was obtained. Forgetting a source and
 * tracing a recommendation to its records both rest on this.
 *
 * @param source the file or stream as imported ("export.zip", "run.gpx")
 * @param format the importer that read it ("apple-health", "fitbit", "gpx", "events")
 * @param device the app or device named by the data itself, or "" when it names none
 * @param modality sensed, self-reported, derived or imputed
 */
public record Provenance(String source, String format, String device, Modality modality) {
  public Provenance {
    Requires.nonBlank(source, "provenance.source");
    Requires.nonBlank(format, "provenance.format");
    device = device == null ? "" : device;
    Requires.nonNull(modality, "provenance.modality");
  }
}
