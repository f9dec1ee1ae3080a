package dev.autonomy.ingest.xml;

import dev.autonomy.core.InvalidInputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses XML with a tag (a start tag with its attributes, or a comment, a declaration) or a text
 * between two tags longer than a limit, before the parser holds it: the JDK's StAX parser keeps a
 * whole attribute value, or a whole text, in memory, so an attribute of 1 GB in a 1 MB zip runs the
 * JVM out of memory, and StAX has no setting that bounds an attribute's size. No file we read holds
 * anything near the limit.
 */
final class BoundedMarkup extends FilterReader {
  private final String file;
  private final long limit;
  private boolean inTag;
  private boolean declaration;
  private char quote;
  private long run;
  private long line = 1;

  BoundedMarkup(Reader in, String file, long limit) {
    super(in);
    this.file = file;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int off, int len) throws IOException {
    int n = super.read(buffer, off, len);
    for (int i = 0; i < n; i++) {
      see(buffer[off + i]);
    }
    return n;
  }

  private void see(char c) {
    if (c == '\n') {
      line++;
    }
    if (!inTag) {
      if (c == '<') {
        inTag = true;
        declaration = false;
        quote = 0;
        run = 0;
        return;
      }
      if (++run > limit) {
        throw refused("a text of more than " + limit + " characters between two tags");
      }
      return;
    }
    if (run == 0 && (c == '!' || c == '?')) {
      declaration = true; // a comment, CDATA, DOCTYPE or processing instruction: quotes in it need not pair
    }
    if (++run > limit) {
      throw refused("a tag (its attributes, or a comment) of more than " + limit + " characters");
    }
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      }
    } else if (!declaration && (c == '"' || c == '\'')) {
      quote = c;
    } else if (c == '>') {
      inTag = false;
      run = 0;
    }
  }

  private InvalidInputException refused(String what) {
    return new InvalidInputException(file + ":" + line + ": " + what + "; refused (no export holds one, and reading it"
        + " would exhaust memory); nothing was imported");
  }
}
