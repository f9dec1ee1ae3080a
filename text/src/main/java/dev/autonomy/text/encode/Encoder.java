package dev.autonomy.text.encode;

import java.util.List;

/**
 * Turns text into a fixed-length vector. Implementations load their model lazily, once, and are
 * safe to call from several threads.
 *
 * <p>Texts must not be blank ({@link IllegalArgumentException}). Texts longer than {@link
 * #MAX_CHARS} characters are cut to their first {@link #MAX_CHARS} characters before tokenising:
 * the models read at most 512 tokens anyway, so a 1 MB line costs what a 2,000-character one does.
 */
public interface Encoder extends AutoCloseable {
  /** Texts are cut to this many characters (about the models' 512-token window). */
  int MAX_CHARS = 2_000;

  /** The registry name saved with every model ("all-minilm-l6-v2-q", "bge-small-zh-v15-q"). */
  String name();

  /** Length of every vector this encoder returns. */
  int dimension();

  /** One text's vector (L2-normalised). */
  float[] embed(String text);

  /** The vectors of many texts, in order; implementations batch and parallelise. */
  List<float[]> embedAll(List<String> texts);

  /** Releases the model; the default does nothing. */
  @Override
  default void close() {}
}
