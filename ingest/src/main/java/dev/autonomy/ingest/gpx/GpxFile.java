package dev.autonomy.ingest.gpx;

import dev.autonomy.core.Requires;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The summaries of one GPX file.
 *
 * @param metadataTime the file's {@code <metadata><time>} (or GPX 1.0 top-level {@code <time>})
 * @param tracks tracks and routes in file order
 */
public record GpxFile(Optional<Instant> metadataTime, List<GpxTrack> tracks) {
  public GpxFile {
    Requires.nonNull(metadataTime, "metadataTime");
    tracks = List.copyOf(tracks);
  }

  public int points() {
    return tracks.stream().mapToInt(GpxTrack::points).sum();
  }
}
