package dev.autonomy.vault;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The recommendations of one shown list (their JSON, explanations included), deflated together.
 * Lists shown to one person repeat each other (the same options, rules, reasons and evidence with
 * new numbers), so a list is deflated with another list's JSON as the preset dictionary: it then
 * costs a few hundred bytes instead of kilobytes. A <em>key list</em> is deflated alone; one is
 * written every {@link #KEY_EVERY} lists, and the lists after it (its group, {@code bodies_key}
 * naming it) are each deflated against the list before it in the group ({@value #CHAINED}): the
 * list shown just before is the most alike (the same hour, the same feedback counts), 20% smaller
 * than against the key. Reading a list alone inflates the lists before it in its group (at most
 * {@link #KEY_EVERY}); reading the log in order inflates each once. Lists logged before vault
 * migration 10 ({@value #FORMAT}) were deflated against their key list.
 *
 * <p>Measured on the demo person ({@code DecisionLogSizeTest}): see docs/benchmarks.md, "decision
 * log size".
 */
final class ListBodies {
  /** Deflated alone, or (in a group) against the key list's JSON. */
  static final int FORMAT = 1;
  /** Deflated against the JSON of the list before it in its group. */
  static final int CHAINED = 2;
  /** Significant digits a logged explanation keeps of each number: more than any reason prints (two or three). */
  static final int DIGITS = 4;

  /**
   * The vault's JSON, with every double kept to {@value #DIGITS} significant digits: the 16 digits
   * of a double are noise to a reader and cost deflate more than everything else in a list.
   */
  private static final ObjectMapper ROUNDED = Json.mapper().copy().registerModule(new SimpleModule()
      .addSerializer(Double.class, new Rounded()).addSerializer(double.class, new Rounded()));

  private static final class Rounded extends StdSerializer<Double> {
    Rounded() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(round(value));
    }
  }

  /** {@code v} to {@value #DIGITS} significant digits; as it is when it is 0, not finite or too large to scale. */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v) || Math.abs(v) >= 1e12 || Math.abs(v) < 1e-12) {
      return v;
    }
    double scale = Math.pow(10, DIGITS - 1 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  /** The JSON of {@code value} as a list's recommendations are logged. */
  static byte[] json(Object value) {
    try {
      return ROUNDED.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new VaultException("cannot write the shown list as JSON: " + e.getOriginalMessage(), e);
    }
  }
  /** A new key list after this many lists deflated against the previous one. */
  static final int KEY_EVERY = 64;

  private ListBodies() {}

  /** Deflates {@code json}, with {@code dictionary} (the key list's JSON) as the preset dictionary when it is not null. */
  static byte[] pack(byte[] json, byte[] dictionary) {
    return Deflated.pack(FORMAT, json, dictionary);
  }

  /** Deflates {@code json} against {@code previous}, the JSON of the list before it in its group. */
  static byte[] chain(byte[] json, byte[] previous) {
    return Deflated.pack(CHAINED, json, previous);
  }

  /** Whether {@code packed} was deflated against the list before it in its group rather than against its key. */
  static boolean chained(byte[] packed) {
    return packed != null && packed.length > 0 && packed[0] == CHAINED;
  }


  /** The JSON {@link #pack} or {@link #chain} deflated, given the same dictionary; {@code where} names the row in an error. */
  static byte[] unpack(byte[] packed, byte[] dictionary, String where) {
    if (packed == null || packed.length < 1 || (packed[0] != FORMAT && packed[0] != CHAINED)) {
      throw new VaultException("the recommendations logged with " + where + " have an unknown format "
          + (packed == null || packed.length == 0 ? "(empty)" : packed[0]) + ", expected " + FORMAT + " or " + CHAINED);
    }
    return Deflated.unpack(packed, dictionary, "the recommendations logged with " + where);
  }

}
