package dev.autonomy.text;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text module's one JSON configuration, for saved models and the data formats it reads. The
 * text module sits below the vault, so it cannot use the vault's mapper; this is its only other.
 */
public final class TextJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TextJson() {}

  /** Shared and thread-safe: configured once, never changed. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
