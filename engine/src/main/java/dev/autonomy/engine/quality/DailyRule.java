package dev.autonomy.engine.quality;

import dev.autonomy.core.signal.SignalKind;

/**
 * How each kind is checked and rolled up into a day. The physical bounds apply to one signal; the
 * daily cap to the day's total.
 *
 * <table>
 *   <caption>Bounds per kind (canonical units)</caption>
 *   <tr><th>kind</th><th>one signal</th><th>day</th><th>roll-up</th><th>day without data</th></tr>
 *   <tr><td>steps</td><td>0..100,000</td><td>&le; 150,000</td><td>sum</td><td>missing</td></tr>
 *   <tr><td>distance</td><td>0..300 km</td><td></td><td>sum</td><td>missing</td></tr>
 *   <tr><td>active / basal energy</td><td>0..20,000 kcal</td><td></td><td>sum</td><td>missing</td></tr>
 *   <tr><td>heart rate, resting heart rate</td><td>25..250 /min</td><td></td><td>mean</td><td>missing</td></tr>
 *   <tr><td>sleep</td><td>0..1,200 min (20 h)</td><td>&le; 1,440</td><td>sum</td><td>missing</td></tr>
 *   <tr><td>body mass</td><td>20..400 kg</td><td></td><td>mean</td><td>missing</td></tr>
 *   <tr><td>active / sedentary minutes</td><td>0..1,440</td><td>&le; 1,440</td><td>sum</td><td>missing</td></tr>
 *   <tr><td>flights climbed</td><td>0..1,000</td><td></td><td>sum</td><td>missing</td></tr>
 *   <tr><td>workout</td><td>0..1,440 min</td><td></td><td>sum</td><td>zero</td></tr>
 *   <tr><td>elevation gain</td><td>0..10,000 m</td><td></td><td>sum</td><td>zero</td></tr>
 *   <tr><td>purchase</td><td>0..10^7</td><td></td><td>sum</td><td>zero</td></tr>
 *   <tr><td>transaction</td><td>any</td><td></td><td>sum</td><td>zero</td></tr>
 *   <tr><td>trip</td><td>0..20,000 km</td><td></td><td>sum</td><td>zero</td></tr>
 *   <tr><td>note</td><td>any</td><td></td><td>count</td><td>zero</td></tr>
 *   <tr><td>temperature</td><td>-90..60 °C</td><td></td><td>mean</td><td>missing</td></tr>
 *   <tr><td>precipitation</td><td>0..2,000 mm</td><td>&le; 2,000</td><td>sum</td><td>missing</td></tr>
 *   <tr><td>weather</td><td>0..5 (a condition's position)</td><td></td><td>most frequent</td><td>missing</td></tr>
 * </table>
 *
 * <p>"Event" kinds (workouts, money, trips, notes) happen now and then: a day without one inside
 * the kind's span is an observed zero, not a gap. Measured kinds (steps, sleep...) are expected
 * every day: a day without data is missing. Weather is measured: a day without a reading is
 * missing, not dry. The weather condition is a category, not a quantity: its day is the condition
 * read most often that day (a tie goes to the later one in {@link SignalKind#WEATHER_CONDITIONS},
 * the worse weather), and it is never flagged as an outlier.
 *
 * @param min smallest possible value of one signal
 * @param max largest possible value of one signal
 * @param dailyMax largest possible daily total
 * @param additive whether a day is the sum of its signals (else their mean; notes are counted, a
 *     weather condition is the most frequent)
 * @param event whether a day without signals is an observed zero
 */
record DailyRule(double min, double max, double dailyMax, boolean additive, boolean event) {
  public DailyRule {
    if (min > max) {
      throw new IllegalArgumentException("min greater than max: " + min + " > " + max);
    }
  }

  private static final double INF = Double.POSITIVE_INFINITY;

  /** The rule for a kind, from the table above. */
  public static DailyRule of(SignalKind kind) {
    return switch (kind) {
      case STEPS -> new DailyRule(0, 100_000, 150_000, true, false);
      case DISTANCE -> new DailyRule(0, 300_000, INF, true, false);
      case ACTIVE_ENERGY, BASAL_ENERGY -> new DailyRule(0, 20_000, INF, true, false);
      case HEART_RATE, RESTING_HEART_RATE -> new DailyRule(25, 250, INF, false, false);
      case SLEEP -> new DailyRule(0, 1_200, 1_440, true, false);
      case BODY_MASS -> new DailyRule(20, 400, INF, false, false);
      case ACTIVE_MINUTES, SEDENTARY_MINUTES -> new DailyRule(0, 1_440, 1_440, true, false);
      case FLIGHTS_CLIMBED -> new DailyRule(0, 1_000, INF, true, false);
      case WORKOUT -> new DailyRule(0, 1_440, INF, true, true);
      case ELEVATION_GAIN -> new DailyRule(0, 10_000, INF, true, true);
      case PURCHASE -> new DailyRule(0, 1e7, INF, true, true);
      case TRANSACTION -> new DailyRule(-INF, INF, INF, true, true);
      case TRIP -> new DailyRule(0, 2e7, INF, true, true);
      case NOTE -> new DailyRule(-INF, INF, INF, true, true);
      case TEMPERATURE -> new DailyRule(-90, 60, INF, false, false);
      case PRECIPITATION -> new DailyRule(0, 2_000, 2_000, true, false);
      case WEATHER -> new DailyRule(0, SignalKind.WEATHER_CONDITIONS.size() - 1, INF, false, false);
    };
  }

  public boolean allows(double value) {
    return value >= min && value <= max;
  }
}
