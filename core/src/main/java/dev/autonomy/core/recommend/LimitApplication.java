package dev.autonomy.core.recommend;

import dev.autonomy.core.Requires;
import java.util.List;

/**
 * What a limit the person stated with the context ({@code budget}, {@code free_minutes}) did to a
 * recommendation list: under hard limits (the default) the options over it were left out; under
 * {@code limits=soft} they were kept but scored down.
 *
 * @param limit the context key ("budget", "free_minutes")
 * @param value the value stated ("20")
 * @param soft whether the options over it were scored down (soft) rather than left out (hard)
 * @param over the options over the limit in this list, each with why ("costs 25 > budget 20")
 */
public record LimitApplication(String limit, String value, boolean soft, List<Over> over) {
  public LimitApplication {
    Requires.nonBlank(limit, "limit");
    Requires.nonBlank(value, "value");
    over = over == null ? List.of() : List.copyOf(over);
  }

  /**
   * One option over a stated limit.
   *
   * @param optionId the option's id
   * @param reason why it is over, in the person's words ("costs 25 > budget 20")
   */
  public record Over(String optionId, String reason) {
    public Over {
      Requires.nonBlank(optionId, "optionId");
      Requires.nonBlank(reason, "reason");
    }
  }

  /** The ids of the options over this limit. */
  public List<String> optionIds() {
    return over.stream().map(Over::optionId).toList();
  }
}
