package dev.autonomy.ingest.applehealth;

import dev.autonomy.core.signal.SignalKind;
import java.util.HashMap;
import java.util.Map;

/**
 * The HealthKit record types Autonomy imports, with the signal kind and category each becomes.
 * Anything else is counted as skipped.
 */
record HealthKitType(SignalKind kind, String category) {
  static final String SLEEP = "HKCategoryTypeIdentifierSleepAnalysis";

  private static final Map<String, HealthKitType> TYPES = new HashMap<>();

  static {
    quantity("StepCount", SignalKind.STEPS, "");
    quantity("DistanceWalkingRunning", SignalKind.DISTANCE, "walking_running");
    quantity("DistanceCycling", SignalKind.DISTANCE, "cycling");
    quantity("DistanceSwimming", SignalKind.DISTANCE, "swimming");
    quantity("ActiveEnergyBurned", SignalKind.ACTIVE_ENERGY, "");
    quantity("BasalEnergyBurned", SignalKind.BASAL_ENERGY, "");
    quantity("HeartRate", SignalKind.HEART_RATE, "");
    quantity("RestingHeartRate", SignalKind.RESTING_HEART_RATE, "");
    quantity("BodyMass", SignalKind.BODY_MASS, "");
    quantity("AppleExerciseTime", SignalKind.ACTIVE_MINUTES, "");
    quantity("FlightsClimbed", SignalKind.FLIGHTS_CLIMBED, "");
    TYPES.put(SLEEP, new HealthKitType(SignalKind.SLEEP, ""));
  }

  private static void quantity(String name, SignalKind kind, String category) {
    TYPES.put("HKQuantityTypeIdentifier" + name, new HealthKitType(kind, category));
  }

  /** The mapping for a record type, or null when Autonomy does not import it. */
  static HealthKitType of(String type) {
    return TYPES.get(type);
  }

  /**
   * The sleep stage a HealthKit sleep value names: asleep, inBed, core, deep, rem or awake; null
   * for a value this version does not know.
   */
  static String sleepStage(String value) {
    if (value == null) {
      return null;
    }
    switch (value) {
      case "HKCategoryValueSleepAnalysisInBed":
        return "inBed";
      case "HKCategoryValueSleepAnalysisAsleep":
      case "HKCategoryValueSleepAnalysisAsleepUnspecified":
        return "asleep";
      case "HKCategoryValueSleepAnalysisAsleepCore":
        return "core";
      case "HKCategoryValueSleepAnalysisAsleepDeep":
        return "deep";
      case "HKCategoryValueSleepAnalysisAsleepREM":
        return "rem";
      case "HKCategoryValueSleepAnalysisAwake":
        return "awake";
      default:
        return null;
    }
  }

  /** "HKWorkoutActivityTypeTraditionalStrengthTraining" becomes "traditional_strength_training". */
  static String activity(String workoutActivityType) {
    String name = workoutActivityType.startsWith("HKWorkoutActivityType")
        ? workoutActivityType.substring("HKWorkoutActivityType".length())
        : workoutActivityType;
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
