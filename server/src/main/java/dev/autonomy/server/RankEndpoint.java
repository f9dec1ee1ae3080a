package dev.autonomy.server;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Situation;
import dev.autonomy.engine.context.StatedContext;
import dev.autonomy.engine.rank.ItemRanking;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code POST /rank}: an app's own items ranked for the person ({@link ItemRanking} says what the
 * answer discloses). A thin shell: it reads the body, hands the items to the engine under the lock,
 * and records how many items were ranked in the access log.
 */
final class RankEndpoint {
  private static final String EXAMPLE = "{\"items\":[{\"id\":\"a1\",\"title\":\"Yoga class\",\"desire\":\"move\","
      + "\"minutes\":45,\"effort\":3,\"cost\":12,\"tags\":[\"calm\"],\"place\":\"indoor\"}],\"limit\":5}";

  private final Endpoints endpoints;

  RankEndpoint(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * The body of {@code POST /rank}. Numbers are read as any number so that 4.5 minutes reaches the
   * check as sent: an {@code Integer} field would have Jackson round it down.
   */
  record Body(List<ItemBody> items, Number limit) {}

  /** One item as the app sends it; only id, title and desire are needed. */
  record ItemBody(String id, String title, String desire, Number minutes, Number effort, Number cost, List<String> tags,
      String place) {}

  void rank(Context ctx) {
    Body body = JsonBody.read(ctx, Body.class, EXAMPLE, List.of(
        new JsonBody.Check<>("items", b -> b.items() != null && !b.items().isEmpty(),
            "items must be a list of 1 to " + ItemRanking.MAX_ITEMS + " items"),
        new JsonBody.Check<>("limit", b -> b.limit() == null || b.limit() instanceof Integer,
            "limit must be a whole number")));
    List<ItemRanking.Item> items = new ArrayList<>(body.items().size());
    for (int i = 0; i < body.items().size(); i++) {
      ItemBody item = body.items().get(i);
      if (item == null) {
        throw new InvalidInputException("items[" + i + "] must be an object like " + EXAMPLE);
      }
      if (item.minutes() != null && !(item.minutes() instanceof Integer)) {
        throw new InvalidInputException("items[" + i + "].minutes must be a whole number, was " + item.minutes());
      }
      items.add(ItemRanking.Item.at(i, item.id(), item.title(), item.desire(),
          item.minutes() == null ? null : item.minutes().intValue(),
          item.effort() == null ? null : item.effort().doubleValue(),
          item.cost() == null ? null : item.cost().doubleValue(), item.tags(), item.place()));
    }
    OptionalInt limit = body.limit() == null ? OptionalInt.empty() : OptionalInt.of(body.limit().intValue());
    ItemRanking.Result result = endpoints.locked(a -> {
      Situation situation = StatedContext.parse(ctx.queryParams("context"), a.clock());
      return new ItemRanking(a::rank).rank(situation, items, limit);
    });
    ScopedRoutes.detail(ctx, "ranked " + result.ranked().size() + " of the app's " + result.considered() + " items, "
        + result.leftOut().size() + " left out");
    ctx.json(result);
  }
}
