package dev.autonomy.tune;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import dev.autonomy.core.AutonomyFailure;

/**
 * The PyTorch engine, found offline: the native library comes from the {@code
 * pytorch-native-cpu} jar on the class path (DJL unpacks it once into its cache folder) and DJL is
 * told never to download anything, so a machine without a network trains and classifies the same.
 */
final class TorchRuntime {
  static final String ENGINE = "PyTorch";

  private TorchRuntime() {}

  /** Tells DJL never to download; must run before DJL first looks for a native library. */
  static void offline() {
    // An explicit setting by the person wins.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** The engine, loading libtorch on first use. */
  static Engine engine() {
    offline();
    try {
      return Engine.getEngine(ENGINE);
    } catch (EngineException | IllegalArgumentException e) {
      throw new AutonomyFailure(
          "cannot load the PyTorch engine offline; the pytorch-native-cpu jar for this platform"
              + " (linux-x86_64) must be on the class path (" + e.getMessage() + ")",
          e);
    }
  }

  /** A new root manager for arrays on the CPU. */
  static NDManager newManager() {
    return engine().newBaseManager();
  }
}
