package dev.autonomy.text.data;

import dev.autonomy.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a data file's text strictly: bad bytes are the person's error, with the file named. */
final class FileText {
  private FileText() {}

  static String read(Path file, Charset charset) {
    byte[] bytes;
    try (InputStream in = open(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return decode(file, bytes, charset);
  }

  static String decode(Path file, byte[] bytes, Charset charset) {
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(
          file + ": not valid " + charset.name() + " text (" + e.getMessage() + ")");
    }
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      try {
        return new GZIPInputStream(in, 1 << 16);
      } catch (IOException e) {
        in.close();
        throw new InvalidInputException(file + ": not a gzip file (" + e.getMessage() + ")");
      }
    }
    return in;
  }

  static String utf8(Path file) {
    return read(file, StandardCharsets.UTF_8);
  }

}
