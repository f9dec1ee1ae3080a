package dev.autonomy.core.signal;

/** Where an importer sends what it reads, one signal at a time, so nothing is held in memory. */
@FunctionalInterface
public interface SignalSink {
  void accept(Signal signal);
}
