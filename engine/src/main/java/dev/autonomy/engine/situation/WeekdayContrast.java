package dev.autonomy.engine.situation;

import java.time.LocalDate;
import java.util.List;

/**
 * The difference a situation makes to a daily quantity, same weekday compared: the least-squares
 * coefficient of a treated-day indicator in {@code y ~ weekday + treated}, with its standard error.
 *
 * <p>The weekday terms are removed by centring both y and the indicator within each weekday (the
 * Frisch-Waugh-Lovell theorem gives the same coefficient as the full regression), so a person whose
 * rainy days happened to fall on their rest days is not told that rain keeps them in.
 *
 * @param contrast treated days minus the other days, same weekday compared, in y's units
 * @param standardError its standard error (homoscedastic OLS; NaN with too few days)
 * @param treated how many treated days
 * @param others how many comparison days
 */
record WeekdayContrast(double contrast, double standardError, int treated, int others) {
  /** One day's value and whether it had the situation. */
  record Day(LocalDate date, double y, boolean treated) {}

  static WeekdayContrast of(List<Day> days) {
    double[] ySum = new double[7];
    double[] xSum = new double[7];
    int[] count = new int[7];
    int treated = 0;
    for (Day d : days) {
      int w = d.date().getDayOfWeek().getValue() - 1;
      ySum[w] += d.y();
      xSum[w] += d.treated() ? 1 : 0;
      count[w]++;
      treated += d.treated() ? 1 : 0;
    }
    double sxy = 0;
    double sxx = 0;
    for (Day d : days) {
      int w = d.date().getDayOfWeek().getValue() - 1;
      double x = (d.treated() ? 1 : 0) - xSum[w] / count[w];
      sxy += x * (d.y() - ySum[w] / count[w]);
      sxx += x * x;
    }
    int others = days.size() - treated;
    if (sxx <= 1e-12) {
      return new WeekdayContrast(0.0, Double.NaN, treated, others);
    }
    double beta = sxy / sxx;
    double rss = 0;
    for (Day d : days) {
      int w = d.date().getDayOfWeek().getValue() - 1;
      double x = (d.treated() ? 1 : 0) - xSum[w] / count[w];
      double r = (d.y() - ySum[w] / count[w]) - beta * x;
      rss += r * r;
    }
    int weekdays = 0;
    for (int c : count) {
      weekdays += c > 0 ? 1 : 0;
    }
    // Degrees of freedom: one mean per weekday present, and the contrast.
    int dof = days.size() - weekdays - 1;
    double se = dof > 0 ? Math.sqrt(rss / dof / sxx) : Double.NaN;
    return new WeekdayContrast(beta, se, treated, others);
  }
}
