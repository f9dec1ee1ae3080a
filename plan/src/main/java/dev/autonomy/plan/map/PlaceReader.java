package dev.autonomy.plan.map;

import com.carrotsearch.hppc.LongArrayList;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import dev.autonomy.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Streams an OSM file with GraphHopper's reader and keeps the places to visit: tagged nodes, and
 * tagged ways (parks, museums drawn as buildings) at the centre of their nodes. Two passes: the
 * first keeps tagged nodes and the node ids of tagged ways, the second the coordinates of those
 * nodes, so memory stays small.
 */
final class PlaceReader {
  private static final double SAME_PLACE_METERS = 150;

  private PlaceReader() {}

  static List<Place> read(Path osmFile) {
    List<Place> places = new ArrayList<>();
    Map<Long, LongArrayList> wayNodes = new LinkedHashMap<>();
    Map<Long, ReaderWay> ways = new HashMap<>();
    Set<Long> needed = new HashSet<>();
    stream(osmFile, new SkipOptions(false, false, true), element -> {
      if (!element.hasTags()) {
        return;
      }
      PlaceCategory category = PlaceCategory.of(element.getTags());
      if (category == null) {
        return;
      }
      if (element instanceof ReaderNode node) {
        places.add(place("node/" + node.getId(), node, category, new LatLon(node.getLat(), node.getLon())));
      } else if (element instanceof ReaderWay way && !way.getNodes().isEmpty()) {
        LongArrayList nodes = new LongArrayList(way.getNodes());
        wayNodes.put(way.getId(), nodes);
        ways.put(way.getId(), way);
        for (int i = 0; i < nodes.size(); i++) {
          needed.add(nodes.get(i));
        }
      }
    });
    if (!wayNodes.isEmpty()) {
      Map<Long, LatLon> coords = new HashMap<>();
      stream(osmFile, new SkipOptions(false, true, true), element -> {
        if (element instanceof ReaderNode node && needed.contains(node.getId())) {
          coords.put(node.getId(), new LatLon(node.getLat(), node.getLon()));
        }
      });
      for (Map.Entry<Long, LongArrayList> entry : wayNodes.entrySet()) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        LongArrayList nodes = entry.getValue();
        for (int i = 0; i < nodes.size(); i++) {
          LatLon p = coords.get(nodes.get(i));
          if (p != null) {
            lat += p.lat();
            lon += p.lon();
            n++;
          }
        }
        if (n > 0) {
          ReaderWay way = ways.get(entry.getKey());
          places.add(place("way/" + way.getId(), way, PlaceCategory.of(way.getTags()), new LatLon(lat / n, lon / n)));
        }
      }
    }
    return dedupe(places);
  }

  private static Place place(String id, ReaderElement element, PlaceCategory category, LatLon at) {
    String name = element.getTag("name", null);
    if (name == null || name.isBlank()) {
      name = element.getTag("name:en", null);
    }
    boolean named = name != null && !name.isBlank();
    if (!named) {
      name = "unnamed " + category.code();
    }
    return new Place(id, clean(name), named, category, at);
  }

  private static String clean(String name) {
    return name.replaceAll("[\\t\\r\\n]+", " ").trim();
  }

  /** The same named place mapped twice (a node and a building) is kept once. */
  private static List<Place> dedupe(List<Place> places) {
    List<Place> kept = new ArrayList<>();
    for (Place place : places) {
      boolean duplicate = false;
      if (place.named()) {
        for (Place other : kept) {
          if (other.named()
              && other.name().equalsIgnoreCase(place.name())
              && other.at().metersTo(place.at()) < SAME_PLACE_METERS) {
            duplicate = true;
            break;
          }
        }
      }
      if (!duplicate) {
        kept.add(place);
      }
    }
    return List.copyOf(kept);
  }

  private interface ElementHandler {
    void accept(ReaderElement element);
  }

  private static void stream(Path osmFile, SkipOptions skip, ElementHandler handler) {
    try (OSMInputFile in = new OSMInputFile(osmFile.toFile()).setWorkerThreads(1).setSkipOptions(skip).open()) {
      for (ReaderElement element; (element = in.getNext()) != null; ) {
        handler.accept(element);
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      throw new InvalidInputException(osmFile + ": cannot read OSM data: " + e.getMessage(), e);
    }
  }

  // --- the places file kept beside the cached graph -------------------------------------------

  static void write(List<Place> places, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# osm_id\tcategory\tnamed\tlat\tlon\tname\n");
      for (Place p : places) {
        out.write(String.format(Locale.ROOT, "%s\t%s\t%b\t%.7f\t%.7f\t%s%n",
            p.osmId(), p.category().name(), p.named(), p.at().lat(), p.at().lon(), p.name()));
      }
    }
  }

  static List<Place> load(Path file) throws IOException {
    List<Place> places = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", 6);
        if (f.length != 6) {
          throw new IOException(file + ":" + number + ": expected 6 tab-separated fields, found " + f.length);
        }
        places.add(new Place(f[0], f[5], Boolean.parseBoolean(f[2]), PlaceCategory.valueOf(f[1]),
            new LatLon(Double.parseDouble(f[3]), Double.parseDouble(f[4]))));
      }
    }
    return List.copyOf(places);
  }
}
