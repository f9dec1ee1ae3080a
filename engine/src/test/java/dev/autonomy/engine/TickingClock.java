package dev.autonomy.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that moves a minute each time it is read, so lists and feedback have an order in time. */
final class TickingClock extends Clock {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private Instant now = Instant.parse("2026-11-30T08:00:00Z");

  @Override
  public ZoneId getZone() {
    return PARIS;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    now = now.plus(Duration.ofMinutes(1));
    return now;
  }
}
