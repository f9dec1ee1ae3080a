package dev.autonomy.bench.federated;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autonomy.engine.desire.PopulationTrainer;
import dev.autonomy.engine.federate.Coordinator;
import dev.autonomy.engine.federate.Federation;
import dev.autonomy.federate.secagg.AdvertiseKeys;
import dev.autonomy.federate.secagg.MaskedInput;
import dev.autonomy.federate.secagg.RoundConfig;
import dev.autonomy.federate.secagg.SecAggClient;
import dev.autonomy.federate.secagg.ShareKeys;
import dev.autonomy.federate.secagg.UnmaskResponse;
import dev.autonomy.vault.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a federated round costs: {@code clients} secure-aggregation clients and the coordinator in
 * one process (no network), the engine's model shape (60 values), every message serialised to the
 * JSON the HTTP routes carry. Reports the bytes one person sends per round and the round's time,
 * over {@code rounds} rounds (the first one warms the JVM and is left out).
 */
final class FederatedCost {
  private FederatedCost() {}

  record Result(int clients, int dimension, int rounds, long bytesPerClient, double meanRoundMillis,
      double maxRoundMillis) {}

  static Result run(int clients, int rounds) throws Exception {
    ObjectMapper json = Json.mapper();
    PopulationTrainer trainer = Federation.trainer();
    Coordinator coordinator = new Coordinator(
        new Coordinator.Settings(clients, clients / 2 + 1, rounds + 1, 0.2, 1.0, 1e-5, Duration.ofMinutes(1)),
        trainer, Coordinator.fresh(trainer), Clock.systemUTC(), s -> { });
    SecureRandom secure = new SecureRandom();
    Random values = new Random(1);
    int dimension = coordinator.model().dimension();
    long bytes = 0;
    List<Double> times = new ArrayList<>();
    for (int r = 0; r <= rounds; r++) {
      long start = System.nanoTime();
      long round = coordinator.status().round();
      List<SecAggClient> cohort = new ArrayList<>();
      long sent = 0;
      for (int i = 0; i < clients; i++) {
        cohort.add(new SecAggClient(RoundConfig.of(round, dimension, clients / 2 + 1),
            coordinator.join(round).clientId(), secure));
      }
      for (SecAggClient c : cohort) {
        AdvertiseKeys keys = c.advertiseKeys();
        sent += json.writeValueAsBytes(keys).length;
        coordinator.keys(keys);
      }
      List<AdvertiseKeys> roster = coordinator.roster(round);
      for (SecAggClient c : cohort) {
        ShareKeys shares = c.shareKeys(roster);
        sent += json.writeValueAsBytes(shares).length;
        coordinator.shares(shares);
      }
      for (SecAggClient c : cohort) {
        double[] update = new double[dimension];
        for (int k = 0; k < dimension; k++) {
          update[k] = 0.02 * values.nextGaussian();
        }
        MaskedInput input = c.maskedInput(update, coordinator.sharesFor(round, c.clientId()));
        sent += json.writeValueAsBytes(input).length;
        coordinator.input(input);
      }
      var request = coordinator.unmaskRequest(round);
      for (SecAggClient c : cohort) {
        UnmaskResponse response = c.unmask(request);
        sent += json.writeValueAsBytes(response).length;
        coordinator.unmask(response);
      }
      double millis = (System.nanoTime() - start) / 1e6;
      if (r > 0) {
        times.add(millis);
        bytes += sent / clients;
      }
    }
    return new Result(clients, dimension, rounds, bytes / rounds,
        times.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
        times.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }
}
