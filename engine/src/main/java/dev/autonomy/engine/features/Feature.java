package dev.autonomy.engine.features;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The context features, with their names and plain-words meaning. All "recent" features use days
 * strictly before the day predicted, so a day's own data never enters its features.
 */
public enum Feature {
  DOW_SIN("dow_sin", "day of the week (cyclic, sine)"),
  DOW_COS("dow_cos", "day of the week (cyclic, cosine)"),
  WEEKEND("weekend", "it is a weekend day"),
  HOUR_SIN("hour_sin", "time of day (cyclic, sine)"),
  HOUR_COS("hour_cos", "time of day (cyclic, cosine)"),
  STEPS_TODAY_SO_FAR("steps_today_so_far", "your steps so far today"),
  ACTIVE_MIN_TODAY_SO_FAR("active_min_today_so_far", "your active minutes so far today"),
  STEPS_YESTERDAY("steps_yesterday", "your steps yesterday"),
  ACTIVE_MIN_YESTERDAY("active_min_yesterday", "your active minutes yesterday"),
  STEPS_7D_MEAN("steps_7d_mean", "your daily steps over the last 7 days"),
  ACTIVE_MIN_7D_MEAN("active_min_7d_mean", "your daily active minutes over the last 7 days"),
  STEPS_7D_VS_28D("steps_7d_vs_28d", "your last 7 days of steps against your 28-day average"),
  ACTIVE_MIN_7D_VS_28D(
      "active_min_7d_vs_28d", "your last 7 days of active minutes against your 28-day average"),
  STEPS_SAME_WEEKDAY("steps_same_weekday", "your steps on this weekday over the last 4 weeks"),
  ACTIVE_MIN_SAME_WEEKDAY("active_min_same_weekday", "your active minutes on this weekday over the last 4 weeks"),
  SLEEP_LAST_NIGHT("sleep_last_night_h", "hours you slept last night"),
  SLEEP_SAME_WEEKDAY("sleep_same_weekday_h", "hours you slept before this weekday over the last 4 weeks"),
  SLEEP_VS_28D("sleep_vs_28d", "last night's sleep against your 28-day average"),
  BODY_MASS_TREND("body_mass_trend_kg", "change of your body mass: last 7 days against the 3 weeks before"),
  SPEND_7D("spend_7d", "what you spent in the last 7 days"),
  SPEND_7D_VS_28D("spend_7d_vs_28d", "your last 7 days of spending against your 28-day average"),
  TRIP_KM_7D("trip_km_7d", "kilometres of trips in the last 7 days"),
  IMPUTED_SHARE_7D("imputed_share_7d", "share of the last 7 days filled in because data was missing"),
  NOTES_HEALTH("notes_health", "how health-minded yesterday's notes were (0..1, 0.5 when none)"),
  PLACE_INDOOR("place_indoor", "you said you are indoors"),
  PLACE_OUTDOOR("place_outdoor", "you said you are outdoors"),
  WEATHER_RAIN("weather_rain", "you said it rains"),
  WEATHER_SUN("weather_sun", "you said it is sunny"),
  WEATHER_CLOUD("weather_cloud", "you said it is cloudy"),
  WEATHER_SNOW("weather_snow", "you said it snows"),
  WEATHER_OTHER("weather_other", "you described other weather"),
  FREE_HOURS("free_hours", "the free time you stated, in hours (0 when not stated)"),
  BUDGET_VS_DAILY_SPEND(
      "budget_vs_daily_spend", "the budget you stated against your average daily spending (0 when not stated)");

  private final String code;
  private final String meaning;

  Feature(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /**
   * The meaning for a vector that describes {@code day}: words that name a day ("today", "last
   * night", "yesterday's notes", "this weekday", "a weekend day") say which one, so a Monday is never
   * called a weekend day and "last night" is the night into {@code day}, whatever the date of the
   * data or of the machine. Features without such words mean what {@link #meaning()} says.
   */
  public String meaningOn(LocalDate day) {
    String today = name(day) + " " + day;
    String yesterday = name(day.minusDays(1)) + " " + day.minusDays(1);
    String lastNight = "the night from " + yesterday + " into " + name(day);
    String weekday = name(day) + "s";
    return switch (this) {
      case DOW_SIN -> "day of the week: " + name(day) + " (cyclic, sine)";
      case DOW_COS -> "day of the week: " + name(day) + " (cyclic, cosine)";
      case WEEKEND -> isWeekend(day) ? "it is a weekend day (" + name(day) + ")"
          : "it is a weekday (" + name(day) + "), not a weekend day";
      case STEPS_TODAY_SO_FAR -> "your steps so far today (" + today + ")";
      case ACTIVE_MIN_TODAY_SO_FAR -> "your active minutes so far today (" + today + ")";
      case STEPS_YESTERDAY -> "your steps yesterday (" + yesterday + ")";
      case ACTIVE_MIN_YESTERDAY -> "your active minutes yesterday (" + yesterday + ")";
      case STEPS_SAME_WEEKDAY -> "your steps on " + weekday + " over the last 4 weeks";
      case ACTIVE_MIN_SAME_WEEKDAY -> "your active minutes on " + weekday + " over the last 4 weeks";
      case SLEEP_LAST_NIGHT -> "hours you slept last night (" + lastNight + ")";
      case SLEEP_SAME_WEEKDAY -> "hours you slept before " + weekday + " over the last 4 weeks";
      case SLEEP_VS_28D -> "last night's sleep (" + lastNight + ") against your 28-day average";
      case NOTES_HEALTH -> "how health-minded yesterday's notes (" + yesterday + ") were (0..1, 0.5 when none)";
      default -> meaning;
    };
  }

  /** Saturday or Sunday. */
  public static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String name(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** Meanings of all features by name, undated (see {@link #meaningOn}). */
  public static Map<String, String> meanings() {
    return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Feature::code, Feature::meaning));
  }

  private static final Map<String, Feature> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Feature::code, Function.identity()));

  public static Feature fromCode(String code) {
    Feature f = BY_CODE.get(code);
    if (f == null) {
      throw new IllegalArgumentException("unknown feature '" + code + "'; expected one of " + BY_CODE.keySet());
    }
    return f;
  }

  /** Features known at the start of a day: the daily desire models learn from these. */
  public static List<String> dailyCodes() {
    Set<Feature> intraday = EnumSet.of(HOUR_SIN, HOUR_COS, STEPS_TODAY_SO_FAR, ACTIVE_MIN_TODAY_SO_FAR);
    return Arrays.stream(values()).filter(f -> !intraday.contains(f)).map(Feature::code).toList();
  }
}
