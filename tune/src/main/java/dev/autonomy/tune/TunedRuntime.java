package dev.autonomy.tune;

import dev.autonomy.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What runs a fine-tuned encoder at inference: ONNX Runtime on the model's ONNX export (the
 * default, and the faster), or PyTorch on the saved weights, the path it trained on. Models saved
 * before exports existed, and encoders built here without an ONNX base, run on PyTorch either way.
 */
public enum TunedRuntime {
  ONNX_RUNTIME("onnx"),
  PYTORCH("pytorch");

  /** System property naming the runtime {@code TunedModels.open(store, model)} uses: onnx (default) or pytorch. */
  public static final String PROPERTY = "autonomy.tuned.runtime";

  private final String code;

  TunedRuntime(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The runtime of that code. */
  public static TunedRuntime fromCode(String code) {
    for (TunedRuntime r : values()) {
      if (r.code.equals(code.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new InvalidInputException(
        "unknown runtime '" + code + "' for fine-tuned models; expected one of "
            + Arrays.stream(values()).map(TunedRuntime::code).toList());
  }

  /** The runtime the {@link #PROPERTY} system property names, ONNX Runtime when it is not set. */
  static TunedRuntime configured() {
    String p = System.getProperty(PROPERTY);
    return p == null || p.isBlank() ? ONNX_RUNTIME : fromCode(p);
  }
}
