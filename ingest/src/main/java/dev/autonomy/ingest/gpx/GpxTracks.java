package dev.autonomy.ingest.gpx;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.ingest.xml.SafeXml;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a GPX 1.0 or 1.1 file into per-track summaries: haversine distance, elevation gain and
 * first/last time. Waypoints ({@code <wpt>}) are not tracks and are ignored.
 *
 * <p>Elevation gain uses a hysteresis of {@value #ELEVATION_HYSTERESIS_METRES} m: the reference
 * elevation moves only when a point is at least that far above it (the rise is counted as gain)
 * or below it, so GPS noise of a metre or two up and down adds nothing; a final rise smaller than
 * the hysteresis is not counted.
 */
public final class GpxTracks {
  /** Rise needed before ascent is counted; see the class comment. */
  public static final double ELEVATION_HYSTERESIS_METRES = 3.0;

  /** Mean Earth radius (IUGG), the radius the haversine distance uses. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private GpxTracks() {}

  /** Reads the stream to its end; {@code file} names it in errors. The caller closes the stream. */
  public static GpxFile read(InputStream in, String file) {
    XMLStreamReader reader = SafeXml.reader(in, file);
    try {
      return read(reader, file);
    } catch (XMLStreamException e) {
      throw SafeXml.invalid(file, e);
    } catch (RuntimeException e) {
      throw SafeXml.translate(file, reader, e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException | RuntimeException ignored) {
        // closing a reader that failed; the first error is the one to report
      }
    }
  }

  private static GpxFile read(XMLStreamReader reader, String file) throws XMLStreamException {
    List<GpxTrack> tracks = new ArrayList<>();
    Instant metadataTime = null;
    boolean sawRoot = false;
    Accumulator current = null;
    boolean inPoint = false;
    boolean inMetadata = false;
    int depth = 0;
    int trackDepth = -1;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = reader.getLocalName();
        if (!sawRoot) {
          if (!name.equals("gpx")) {
            throw InvalidInputException.at(
                file, SafeXml.line(reader), null, "expected a <gpx> root element, found <" + name + ">");
          }
          sawRoot = true;
          continue;
        }
        switch (name) {
          case "trk":
          case "rte":
            if (current == null) {
              current = new Accumulator(name.equals("rte"));
              trackDepth = depth;
            }
            break;
          case "trkpt":
          case "rtept":
            if (current != null) {
              current.startPoint(coordinate(reader, file, "lat", 90), coordinate(reader, file, "lon", 180));
              inPoint = true;
            }
            break;
          case "ele":
            if (inPoint) {
              current.ele = number(reader.getElementText(), reader, file, "ele");
              depth--;
            }
            break;
          case "time":
            if (inPoint) {
              current.time = time(reader.getElementText(), reader, file);
              depth--;
            } else if (current == null && metadataTime == null && (depth == 2 || (depth == 3 && inMetadata))) {
              metadataTime = time(reader.getElementText(), reader, file);
              depth--;
            }
            break;
          case "metadata":
            inMetadata = depth == 2;
            break;
          case "name":
            if (current != null && !inPoint && depth == trackDepth + 1) {
              current.name = reader.getElementText().strip();
              depth--;
            }
            break;
          case "type":
            if (current != null && !inPoint && depth == trackDepth + 1) {
              current.type = reader.getElementText().strip();
              depth--;
            }
            break;
          default:
            break;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = reader.getLocalName();
        if (name.equals("metadata")) {
          inMetadata = false;
        }
        if (current != null && (name.equals("trkpt") || name.equals("rtept")) && inPoint) {
          current.endPoint();
          inPoint = false;
        } else if (current != null && depth == trackDepth && (name.equals("trk") || name.equals("rte"))) {
          tracks.add(current.toTrack());
          current = null;
          trackDepth = -1;
        }
        depth--;
      }
    }
    if (!sawRoot) {
      throw InvalidInputException.at(file, 0, null, "no <gpx> element; expected a GPX 1.0 or 1.1 file");
    }
    List<GpxTrack> withPoints = new ArrayList<>();
    for (GpxTrack track : tracks) {
      if (track.points() > 0) {
        withPoints.add(track);
      }
    }
    if (withPoints.isEmpty()) {
      throw InvalidInputException.at(
          file, 0, "trkpt", "no track or route points; expected at least one <trkpt> or <rtept>");
    }
    return new GpxFile(Optional.ofNullable(metadataTime), withPoints);
  }

  private static double coordinate(XMLStreamReader reader, String file, String attribute, double bound) {
    String text = reader.getAttributeValue(null, attribute);
    if (text == null) {
      throw InvalidInputException.at(file, SafeXml.line(reader), attribute, "missing; every point needs lat and lon");
    }
    double value = number(text, reader, file, attribute);
    if (value < -bound || value > bound) {
      throw InvalidInputException.at(
          file, SafeXml.line(reader), attribute, "expected a value in [-" + bound + ", " + bound + "], found " + text);
    }
    return value;
  }

  private static double number(String text, XMLStreamReader reader, String file, String field) {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidInputException.at(file, SafeXml.line(reader), field, "expected a number, found '" + abbreviate(text) + "'");
  }

  private static Instant time(String text, XMLStreamReader reader, String file) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException again) {
        throw InvalidInputException.at(
            file, SafeXml.line(reader), "time", "expected an ISO-8601 time such as 2019-06-11T22:00:42Z, found '" + abbreviate(value) + "'");
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  /** Haversine distance in metres between two points given in degrees. */
  public static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }

  /** Running sums for the track being read. */
  private static final class Accumulator {
    final boolean route;
    String name = "";
    String type = "";
    int points;
    double distance;
    double gain;
    double lat;
    double lon;
    double ele = Double.NaN;
    Instant time;
    double previousLat;
    double previousLon;
    double reference = Double.NaN;
    Instant first;
    Instant last;

    Accumulator(boolean route) {
      this.route = route;
    }

    void startPoint(double lat, double lon) {
      this.lat = lat;
      this.lon = lon;
      this.ele = Double.NaN;
      this.time = null;
    }

    void endPoint() {
      if (points > 0) {
        distance += haversineMetres(previousLat, previousLon, lat, lon);
      }
      points++;
      previousLat = lat;
      previousLon = lon;
      if (!Double.isNaN(ele)) {
        if (Double.isNaN(reference)) {
          reference = ele;
        } else if (ele - reference >= ELEVATION_HYSTERESIS_METRES) {
          gain += ele - reference;
          reference = ele;
        } else if (reference - ele >= ELEVATION_HYSTERESIS_METRES) {
          reference = ele;
        }
      }
      if (time != null) {
        if (first == null) {
          first = time;
        }
        last = time;
      }
    }

    GpxTrack toTrack() {
      return new GpxTrack(name, type, route, points, distance, gain, Optional.ofNullable(first), Optional.ofNullable(last));
    }
  }
}
