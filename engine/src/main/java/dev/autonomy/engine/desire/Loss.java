package dev.autonomy.engine.desire;

import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** The loss the {@link DesireTrainer} minimises (Tribuo objectives). */
public enum Loss {
  /** Squared error: fits means. */
  SQUARED,
  /** Huber with threshold 0.1 on the 0..1 scale: squared near the fit, absolute beyond. */
  HUBER,
  /** Absolute error: fits medians, which is what mean absolute error rewards. */
  ABSOLUTE;

  RegressionObjective objective() {
    return switch (this) {
      case SQUARED -> new SquaredLoss();
      case HUBER -> new Huber(0.1);
      case ABSOLUTE -> new AbsoluteLoss();
    };
  }
}
