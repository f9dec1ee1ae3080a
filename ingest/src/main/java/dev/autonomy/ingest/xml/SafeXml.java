package dev.autonomy.ingest.xml;

import dev.autonomy.core.InvalidInputException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that are safe on files from anywhere: no external entities, no DTD processing (an
 * internal DTD such as Apple Health's is skipped, not followed), no size limits that a 2 GB
 * export would hit, but a bound on any one tag or text ({@link #MAX_MARKUP_CHARS}), which no export
 * comes near and an XML bomb does.
 */
public final class SafeXml {
  /**
   * The longest tag (attributes included) or text between two tags read, in characters: the parser
   * holds each whole, so this bounds its memory ({@link BoundedMarkup}). Exports' tags are under 1 KB.
   */
  public static final long MAX_MARKUP_CHARS = 16L << 20;

  private static final XMLInputFactory FACTORY = newFactory();

  private SafeXml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
    trySet(factory, "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit", "0");
    trySet(factory, "jdk.xml.totalEntitySizeLimit", "0");
    return factory;
  }

  private static void trySet(XMLInputFactory factory, String name, Object value) {
    try {
      factory.setProperty(name, value);
    } catch (IllegalArgumentException unsupported) {
      // another StAX implementation: it has no such limit to lift
    }
  }

  /**
   * A reader over a UTF-8 stream; the caller closes both. The bytes are decoded here, with
   * malformed sequences replaced by U+FFFD, rather than by the JDK parser, which prints "[Fatal
   * Error]" lines to stderr on malformed UTF-8 before it throws. Apple Health and GPX files are
   * UTF-8; an encoding declared in the XML prolog is not followed.
   */
  public static XMLStreamReader reader(InputStream in, String file) {
    try {
      return FACTORY.createXMLStreamReader(
          new BoundedMarkup(new InputStreamReader(in, StandardCharsets.UTF_8), file, MAX_MARKUP_CHARS));
    } catch (XMLStreamException e) {
      throw invalid(file, e);
    } catch (RuntimeException e) {
      throw translate(file, null, e);
    }
  }

  /** The person-facing error for XML that cannot be read, with the line the parser stopped at. */
  public static InvalidInputException invalid(String file, XMLStreamException e) {
    Location location = e.getLocation();
    long line = location == null ? 0 : Math.max(0, location.getLineNumber());
    String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int nested = message.indexOf("\nMessage: ");
    if (nested >= 0) {
      message = message.substring(nested + "\nMessage: ".length());
    }
    return new InvalidInputException(
        file + (line > 0 ? ":" + line : "") + ": not well-formed XML (" + message.strip() + ")", e);
  }

  /**
   * The JDK's StAX parser sometimes fails on damaged input with a runtime exception of its own (a
   * MissingResourceException for a bad character in a DTD, for one). Such a failure raised inside
   * the parser becomes the person-facing error; anything else is rethrown as it is.
   */
  public static RuntimeException translate(String file, XMLStreamReader reader, RuntimeException failure) {
    if (failure instanceof InvalidInputException) {
      return failure;
    }
    for (StackTraceElement frame : failure.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("dev.autonomy.")) {
        return failure;
      }
      if (type.startsWith("com.sun.org.apache.xerces.") || type.startsWith("com.sun.xml.internal.stream.")) {
        long line = reader == null ? 0 : line(reader);
        return new InvalidInputException(
            file + (line > 0 ? ":" + line : "") + ": not well-formed XML (the parser stopped with " + failure + ")", failure);
      }
    }
    return failure;
  }

  /** The current line of a reader, for error messages. */
  public static long line(XMLStreamReader reader) {
    Location location;
    try {
      location = reader.getLocation();
    } catch (RuntimeException e) {
      return 0;
    }
    return location == null ? 0 : Math.max(0, location.getLineNumber());
  }
}
