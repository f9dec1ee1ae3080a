package dev.autonomy.federate.secagg;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Drives a whole round in memory: one server, n clients with ids 1..n, seeded randomness. */
final class Rounds {
  final RoundConfig config;
  final Aggregator server;
  final Map<Integer, SecAggClient> clients = new TreeMap<>();

  Rounds(RoundConfig config, int clientCount, long seed) {
    this.config = config;
    this.server = new Aggregator(config);
    for (int id = 1; id <= clientCount; id++) {
      clients.put(id, new SecAggClient(config, id, seeded(seed * 1_000 + id)));
    }
  }

  /**
   * A SecureRandom that repeats: SHA1PRNG seeded before first use, so test runs are reproducible.
   */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("the JDK lacks SHA1PRNG", e);
    }
  }

  /** Rounds 0 and 1: every client advertises and shares keys. */
  Rounds shareKeys() {
    clients.values().forEach(client -> server.accept(client.advertiseKeys()));
    List<AdvertiseKeys> roster = server.roster();
    clients.values().forEach(client -> server.accept(client.shareKeys(roster)));
    return this;
  }

  /** Round 2 for the clients not in {@code dropped}: their masked inputs, as sent. */
  List<MaskedInput> sendMaskedInputs(Map<Integer, double[]> updates, Set<Integer> dropped) {
    List<MaskedInput> sent = new ArrayList<>();
    for (SecAggClient client : clients.values()) {
      if (!dropped.contains(client.clientId())) {
        MaskedInput input =
            client.maskedInput(updates.get(client.clientId()), server.sharesFor(client.clientId()));
        server.accept(input);
        sent.add(input);
      }
    }
    return sent;
  }

  /** Round 3: every survivor answers the server's request, then the server sums. */
  Aggregate unmask() {
    UnmaskRequest request = server.unmaskRequest();
    for (int survivor : request.seedsOf()) {
      server.accept(clients.get(survivor).unmask(request));
    }
    return server.result();
  }

  Aggregate run(Map<Integer, double[]> updates, Set<Integer> dropped) {
    shareKeys();
    sendMaskedInputs(updates, dropped);
    return unmask();
  }
}
