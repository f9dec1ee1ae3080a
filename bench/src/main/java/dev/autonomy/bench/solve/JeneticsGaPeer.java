package dev.autonomy.bench.solve;

import dev.autonomy.solve.tsp.TspInstance;
import dev.autonomy.solve.tsp.TspTour;
import io.jenetics.EnumGene;
import io.jenetics.PartiallyMatchedCrossover;
import io.jenetics.Phenotype;
import io.jenetics.SwapMutator;
import io.jenetics.engine.Codecs;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.Limits;
import io.jenetics.util.RandomRegistry;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Jenetics' own genetic algorithm on the permutation codec, as in its TSP example: partially
 * matched crossover and swap mutation, population 500, minimising tour length, evaluated on the
 * common fork-join pool (all cores).
 */
final class JeneticsGaPeer implements TspPeer {
  @Override
  public String name() {
    return "jenetics GA";
  }

  @Override
  public TspTour solve(TspInstance instance, Duration budget, long seed, long target) {
    int n = instance.dimension();
    var codec = Codecs.ofPermutation(n);
    Engine<EnumGene<Integer>, Long> engine =
        Engine.builder(instance::tourLength, codec)
            .minimizing()
            .populationSize(500)
            .maximalPhenotypeAge(11)
            .alterers(new SwapMutator<>(0.2), new PartiallyMatchedCrossover<>(0.35))
            .build();
    Phenotype<EnumGene<Integer>, Long> best =
        RandomRegistry.with(new SplittableRandom(seed), random ->
            engine.stream()
                .limit(Limits.byExecutionTime(budget))
                .limit(result -> result.bestFitness() > target)
                .collect(EvolutionResult.toBestPhenotype()));
    return new TspTour(codec.decode(best.genotype()), best.fitness());
  }
}
