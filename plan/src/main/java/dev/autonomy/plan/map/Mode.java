package dev.autonomy.plan.map;

import java.util.Locale;

/** How the person moves; each is a GraphHopper profile with GraphHopper's own custom model. */
public enum Mode {
  FOOT("foot.json"),
  BIKE("bike.json");

  private final String customModel;

  Mode(String customModel) {
    this.customModel = customModel;
  }

  /** The GraphHopper profile name. */
  public String profile() {
    return name().toLowerCase(Locale.ROOT);
  }

  String customModelResource() {
    return customModel;
  }
}
