package dev.autonomy.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autonomy.engine.rank.ItemRanking;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON schemas of the API's bodies and answers, each written once: the routes refer to them
 * by name ({@link #ref}) and {@code /openapi.json} carries them under {@code components/schemas}.
 * They name the fields a caller can rely on; an answer may carry more.
 */
final class ApiSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Map<String, ObjectNode> NAMED = new LinkedHashMap<>();

  static {
    name("Problem", obj("RFC 9457 problem details: every error answer, as application/problem+json",
        "type", str(), "title", str(), "status", integer(), "detail", str()), "type", "title", "status", "detail");
    name("Contribution", obj("one input's part in a score: value x weight, with its meaning in words",
        "input", str(), "value", num(), "weight", num(), "meaning", str()));
    name("RuleApplication", obj("what one of the person's rules left out of this list",
        "ruleId", str(), "ruleText", str(), "removed", arr(str())));
    name("LimitApplication", obj("a limit stated with the context and the options over it",
        "limit", str(), "value", str(), "soft", bool(), "over", arr(obj("", "optionId", str(), "reason", str()))));
    name("Explanation", obj("why an option was shown", "summary", str(), "contributions", arr(ref("Contribution")),
        "rules", arr(ref("RuleApplication")), "limits", arr(ref("LimitApplication")), "exploration", bool(),
        "propensity", num(), "evidence", arr(obj("the data a desire rests on")), "model", str()));
    name("Option", obj("a thing the person could do", "id", str(), "name", str(), "desire", str(), "place", str(),
        "minutes", integer(), "effort", num(), "cost", num(), "activity", str(), "tags", arr(str())));
    name("Recommendation", obj("one suggestion; its id is what why and feedback take", "id", str(),
        "option", ref("Option"), "desire", str(), "score", num(), "confidence", num(), "explanation", ref("Explanation")));
    name("Ranking", obj("recommend's answer (the CLI's recommend --json)", "at", str(), "context", map(str()),
        "considered", integer(), "eligible", integer(), "rules", arr(ref("RuleApplication")),
        "limits", arr(ref("LimitApplication")), "recommendations", arr(ref("Recommendation"))));
    name("TradeOffs", obj("decide myself (the CLI's recommend --no-rank --json): every option the rules allow, side by"
        + " side, in a fixed order that is not a preference, with no score and no pick", "at", str(), "context", map(str()),
        "ranked", bool(), "order", str(), "desires", map(num()), "considered", integer(),
        "rules", arr(ref("RuleApplication")), "limits", arr(ref("LimitApplication")),
        "options", arr(obj("one option and what it takes and gives", "id", str(), "name", str(), "desire", str(),
            "desire_now", num(), "place", str(), "minutes", integer(), "effort", num(), "cost", num(), "tags", arr(str()),
            "over", map(str()), "notes", arr(str())))));
    name("Desires", obj("the desires now (the CLI's desires --json)", "at", str(), "context", map(str()),
        "desires", arr(obj("", "type", str(), "intensity", num(), "confidence", num(), "basis", str(),
            "contributions", arr(ref("Contribution")))), "stated", arr(obj("what each stated key did")),
        "data_age", arr(str())));
    name("Answer", obj("ask's answer: what the text was understood as, and suggestions", "text", str(),
        "understood", obj("the desire and context read from the text"), "context", map(str()),
        "recommendations", arr(ref("Recommendation"))));
    name("Why", obj("why a recommendation was made", "id", str(), "created", str(), "context", map(str()),
        "option", ref("Option"), "desire", str(), "score", num(), "confidence", num(), "explanation", ref("Explanation"),
        "feedback_since", arr(obj("feedback given since")), "preference_now", num(), "feedback_count", integer()));
    name("FeedbackBody", required(obj("what became of a recommendation", "outcome", enumOf("done", "skipped"),
        "rating", integer().put("minimum", 1).put("maximum", 5)), "outcome"));
    name("FeedbackResult", obj("the feedback as recorded", "id", str(), "outcome", str(), "rating", integer(),
        "option", str(), "preference_now", num()));
    name("Rule", obj("one of the person's rules", "id", str(), "text", str(), "created", str()));
    name("Rules", obj("the person's rules (the CLI's rule list --json)", "rules", arr(ref("Rule"))));
    name("RuleBody", required(obj("a rule in the person's words", "text", str()), "text"));
    name("Removed", obj("what was removed", "removed", str()));
    name("Audit", obj("the self-audit (the CLI's audit --json)"));
    name("Signals", obj("raw signals, oldest first", "signals", arr(obj("", "kind", str(), "start", str(), "end", str(),
        "zone", str(), "value", num(), "unit", str(), "category", str(), "text", str(), "source", str())),
        "truncated", bool()));
    name("PolicySwitch", obj("a switch of the live policy", "at", str(), "from", str(), "to", str()));
    name("Policies", obj("ranking policies, shadows and the switches the person made",
        "policies", arr(obj("", "name", str(), "live", bool(), "shadow", bool(), "updates", integer(), "description", str())),
        "shadows", arr(str()), "switches", arr(ref("PolicySwitch"))));
    name("PolicyBody", required(obj("the policy to make live", "name", str()), "name"));
    name("Shadows", obj("the policies ranking in the shadow", "shadows", arr(str())));
    name("PolicyEvaluation", obj("how a policy would have done on the person's logged lists"));
    name("RankItem", required(obj("one of the app's own items", "id", str(), "title", str(), "desire", str(),
        "minutes", integer().put("minimum", 0).put("maximum", 1440), "effort", num().put("minimum", 0).put("maximum", 10),
        "cost", num().put("minimum", 0), "tags", arr(str()).put("maxItems", ItemRanking.MAX_TAGS),
        "place", enumOf("indoor", "outdoor", "any")), "id", "title", "desire"));
    name("RankBody", required(obj("the app's items to rank for the person", "items",
        arr(ref("RankItem")).put("minItems", 1).put("maxItems", ItemRanking.MAX_ITEMS),
        "limit", integer().put("minimum", 1)), "items"));
    ObjectNode reasons = arr(obj("", "input", str(), "meaning", str()));
    ObjectNode ranked = obj("", "rank", integer(), "id", str(), "title", str(), "desire", str(),
        "explanation", obj("", "summary", str(), "contributions", reasons));
    name("RankResult", obj("the app's items in the order that suits the person, with reasons in words and no value"
        + " of the person's", "considered", integer(), "ranked", arr(ranked),
        "leftOut", arr(obj("", "id", str(), "reason", str()))));
    name("Health", obj("the server is up and its vault is there", "status", str()));
    name("OpenApi", obj("this document"));
  }

  private ApiSchemas() {}

  /** Every named schema, for {@code components/schemas}. */
  static ObjectNode components() {
    ObjectNode out = NODES.objectNode();
    NAMED.forEach((name, schema) -> out.set(name, schema.deepCopy()));
    return out;
  }

  /** A reference to a named schema; fails at once for a name never written. */
  static ObjectNode ref(String name) {
    if (!NAMED.containsKey(name)) {
      throw new IllegalArgumentException("no schema named " + name);
    }
    return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
  }

  static ObjectNode str() {
    return NODES.objectNode().put("type", "string");
  }

  static ObjectNode num() {
    return NODES.objectNode().put("type", "number");
  }

  static ObjectNode integer() {
    return NODES.objectNode().put("type", "integer");
  }

  static ObjectNode bool() {
    return NODES.objectNode().put("type", "boolean");
  }

  static ObjectNode arr(JsonNode items) {
    ObjectNode out = NODES.objectNode().put("type", "array");
    out.set("items", items);
    return out;
  }

  static ObjectNode map(JsonNode values) {
    ObjectNode out = NODES.objectNode().put("type", "object");
    out.set("additionalProperties", values);
    return out;
  }

  static ObjectNode enumOf(String... values) {
    ObjectNode out = str();
    ArrayNode list = out.putArray("enum");
    for (String v : values) {
      list.add(v);
    }
    return out;
  }

  /** An object schema: a description, then name and schema pairs. */
  static ObjectNode obj(String description, Object... namesAndSchemas) {
    ObjectNode out = NODES.objectNode().put("type", "object");
    if (!description.isEmpty()) {
      out.put("description", description);
    }
    if (namesAndSchemas.length > 0) {
      ObjectNode properties = out.putObject("properties");
      for (int i = 0; i < namesAndSchemas.length; i += 2) {
        properties.set((String) namesAndSchemas[i], (JsonNode) namesAndSchemas[i + 1]);
      }
    }
    return out;
  }

  private static ObjectNode required(ObjectNode schema, String... names) {
    ArrayNode list = schema.putArray("required");
    for (String n : names) {
      list.add(n);
    }
    return schema;
  }

  private static void name(String name, ObjectNode schema, String... requiredNames) {
    NAMED.put(name, requiredNames.length == 0 ? schema : required(schema, requiredNames));
  }
}
