package dev.autonomy.engine.desire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.desire.Desire;
import dev.autonomy.core.desire.DesireType;
import dev.autonomy.engine.features.FeatureVector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Persons who share one pattern (a day after a long sleep, move is higher by 0.15 per standard
 * deviation of sleep against their own usual) but differ in level and in the scale of their sleep:
 * a prior learned across them finds the pattern, and a new person with a handful of days gets it
 * from the prior where their own fit cannot see it yet.
 */
class PopulationPriorTest {
  private static final List<String> INPUTS = List.of("sleep", "weekend");
  private static final double EFFECT = 0.15;

  /** One person: level, sleep scale, days; move = level + EFFECT * z(sleep) + noise. */
  static DesireDataset person(long seed, int days) {
    Random random = new Random(seed);
    double level = 0.3 + 0.4 * random.nextDouble();
    double usualSleep = 6 + 2 * random.nextDouble();
    double spread = 0.5 + random.nextDouble();
    List<DesireDataset.LabelledDay> out = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      double z = random.nextGaussian();
      Map<String, Double> x = new LinkedHashMap<>();
      x.put("sleep", usualSleep + spread * z);
      x.put("weekend", d % 7 >= 5 ? 1.0 : 0.0);
      double y = Math.max(0, Math.min(1, level + EFFECT * z + 0.05 * random.nextGaussian()));
      out.add(new DesireDataset.LabelledDay(LocalDate.of(2026, 1, 1).plusDays(d), FeatureVector.of(x),
          Map.of(DesireType.MOVE, y)));
    }
    return new DesireDataset(out);
  }

  private static PopulationTrainer trainer() {
    return new PopulationTrainer(INPUTS, List.of(DesireType.MOVE), 30.0, 10.0, false);
  }

  private static PopulationPrior.Origin origin(String method) {
    return new PopulationPrior.Origin(method, 20, 1, null, null, "test", 0.0);
  }

  private static List<PopulationTrainer.PersonData> federation(int persons) {
    List<PopulationTrainer.PersonData> out = new ArrayList<>();
    for (int p = 0; p < persons; p++) {
      out.add(trainer().person(person(100 + p, 40)));
    }
    return out;
  }

  @Test
  void pooledPriorFindsTheSharedPatternAgainstEachPersonsOwnUsual() {
    PopulationPrior prior = trainer().pooled(federation(20), origin("pooled"));
    // standardised z of sleep has sd ~1 per person, so the weight is the effect per sd
    assertThat(prior.weights().get(DesireType.MOVE).get(0)).isCloseTo(EFFECT, within(0.02));
    assertThat(prior.weights().get(DesireType.MOVE).get(1)).isCloseTo(0.0, within(0.03));
  }

  @Test
  void federatedAveragingWithoutNoiseComesCloseToThePooledFit() {
    PopulationTrainer t = trainer();
    List<PopulationTrainer.PersonData> members = federation(20);
    PopulationPrior global = PopulationPrior.zero(INPUTS, List.of(DesireType.MOVE), origin("federated"));
    for (int round = 0; round < 5; round++) {
      double[] mean = new double[global.dimension()];
      for (PopulationTrainer.PersonData m : members) {
        double[] u = t.localUpdate(global, m);
        for (int i = 0; i < mean.length; i++) {
          mean[i] += u[i] / members.size();
        }
      }
      global = t.step(global, mean, origin("federated"));
    }
    PopulationPrior pooled = t.pooled(members, origin("pooled"));
    assertThat(global.weights().get(DesireType.MOVE).get(0))
        .isCloseTo(pooled.weights().get(DesireType.MOVE).get(0), within(0.02));
  }

  @Test
  void aNewPersonWithFewDaysFollowsThePriorAndSaysHowMuchCameFromIt() {
    PopulationPrior prior = trainer().pooled(federation(20), origin("pooled"));
    DesireTrainerSettings settings = DesireTrainerSettings.defaults(7).withInputs(INPUTS);
    DesireDataset fewDays = person(999, 4);
    LinearDesireModel alone = new DesireTrainer(settings).train(fewDays, Goals.none());
    LinearDesireModel withPrior = new DesireTrainer(settings, prior).train(fewDays, Goals.none());
    LinearHead head = withPrior.head(DesireType.MOVE);
    assertThat(head.population().get(0)).isCloseTo(prior.weights().get(DesireType.MOVE).get(0), within(1e-12));
    assertThat(alone.head(DesireType.MOVE).population()).containsOnly(0.0);
    // a day one sd above this person's usual sleep: the prior moves move up, the person's own 4 days cannot
    double usual = head.means().get(0);
    double sd = head.scales().get(0);
    FeatureVector longSleep = FeatureVector.of(Map.of("sleep", usual + sd, "weekend", 0.0));
    Desire withIt = withPrior.predict(longSleep, DesireType.MOVE);
    Desire without = alone.predict(longSleep, DesireType.MOVE);
    assertThat(withIt.intensity() - without.intensity()).isGreaterThan(0.08);
    assertThat(withIt.populationEffect()).isCloseTo(head.population().get(0), within(1e-9));
    assertThat(without.populationEffect()).isZero();
    assertThat(withPrior.provenance().settings()).containsKey("population_prior");
  }

  @Test
  void aPriorThatDoesNotFitThePersonIsUndoneWhenTheirDaysCanTell() {
    // the prior says the opposite of what this person's 60 days show
    PopulationPrior wrong = PopulationPrior.zero(INPUTS, List.of(DesireType.MOVE), origin("pooled"))
        .with(new double[] {-0.3, 0.0}, origin("pooled"));
    DesireTrainerSettings settings = DesireTrainerSettings.defaults(7).withInputs(INPUTS);
    LinearDesireModel model = new DesireTrainer(settings, wrong).train(person(5, 60), Goals.none());
    // whatever share of the prior is kept, the person's own fit on what it leaves undoes it
    assertThat(model.head(DesireType.MOVE).weights().get(0)).isCloseTo(EFFECT, within(0.05));
    LinearDesireModel without = new DesireTrainer(settings).train(person(5, 60), Goals.none());
    FeatureVector longSleep = FeatureVector.of(Map.of("sleep", model.head(DesireType.MOVE).means().get(0)
        + model.head(DesireType.MOVE).scales().get(0), "weekend", 0.0));
    assertThat(model.predict(longSleep, DesireType.MOVE).intensity())
        .isCloseTo(without.predict(longSleep, DesireType.MOVE).intensity(), within(0.04));
  }

  @Test
  void noiseAsLargeAsAWeightCancelsItAndSmallNoiseBarelyShrinksIt() {
    PopulationPrior.Origin noisy = new PopulationPrior.Origin("federated", 20, 1, 2.0, 1e-5, "test", 0.1);
    PopulationPrior prior = PopulationPrior.zero(INPUTS, List.of(DesireType.MOVE), noisy)
        .with(new double[] {0.3, 0.08}, noisy);
    double[] used = prior.weightsFor(DesireType.MOVE, INPUTS);
    assertThat(used[0]).isCloseTo(0.3 * (1 - 0.01 / 0.09), within(1e-12));
    assertThat(used[1]).isZero();
  }

  @Test
  void savedPriorReadsBackAndAWrongShapeIsRefused() {
    PopulationPrior prior = trainer().pooled(federation(5), origin("pooled"));
    assertThat(PopulationPrior.fromJson(prior.toJson())).isEqualTo(prior);
    assertThatThrownBy(() -> trainer().step(prior, new double[3], origin("pooled")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 values");
    PopulationTrainer other = new PopulationTrainer(List.of("sleep"), List.of(DesireType.MOVE), 30, 10, false);
    assertThatThrownBy(() -> other.localUpdate(prior, other.person(person(1, 10))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expects [sleep]");
    assertThatThrownBy(() -> PopulationPrior.fromJson("{\"format\":\"population-prior/9\"}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("format");
  }
}
