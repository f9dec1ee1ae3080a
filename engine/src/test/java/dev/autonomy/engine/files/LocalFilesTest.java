package dev.autonomy.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autonomy.core.data.SharedData;
import dev.autonomy.plan.map.OsmMap;
import dev.autonomy.vault.Passphrase;
import dev.autonomy.vault.PassphraseSource;
import dev.autonomy.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFilesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path clear;
  @TempDir Path encrypted;

  private static Path monaco() {
    Optional<Path> file = SharedData.dataset("osm-graphhopper/monaco.osm.gz");
    assumeTrue(file.isPresent(), "needs ../shared/data/osm-graphhopper/monaco.osm.gz");
    return file.get();
  }

  private static long entries(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.count() - 1;
    }
  }

  @Test
  void aClearVault_cachesTheMapGraph_anEncryptedOne_writesNoneOfIt() throws IOException {
    Path monaco = monaco();
    try (Vault vault = Vault.open(clear, CLOCK)) {
      LocalFiles files = new LocalFiles(vault);
      assertThat(files.sealed()).isFalse();
      try (OsmMap map = files.openMap(monaco)) {
        assertThat(map.isInMemory()).isFalse();
        assertThat(map.folder().getParent()).isEqualTo(files.maps());
      }
      assertThat(entries(files.maps())).isPositive();
    }
    try (Vault vault = Vault.open(encrypted, CLOCK,
        PassphraseSource.of(Passphrase.of("correct horse battery".toCharArray())))) {
      LocalFiles files = new LocalFiles(vault);
      assertThat(files.sealed()).isTrue();
      assertThat(files.textModels().seals()).isTrue();
      try (OsmMap map = files.openMap(monaco)) {
        assertThat(map.isInMemory()).isTrue();
        assertThat(map.places()).isNotEmpty();
        assertThat(map.folder().startsWith(encrypted)).isFalse();
      }
      assertThat(entries(files.maps())).isZero();
    }
  }
}
