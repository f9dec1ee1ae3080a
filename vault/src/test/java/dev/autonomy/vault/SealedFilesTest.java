package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.data.Sealing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files an encrypted vault keeps beside its database: sealed, bound to their names, kept through a re-key. */
class SealedFilesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);
  private static final Argon2id CHEAP = new Argon2id(1024, 1, 1);
  private static final byte[] MODEL = "{\"labels\":[\"healthy\",\"unhealthy-okapi\"]}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path home;
  @TempDir Path other;

  private static Passphrase pass(String text) {
    return Passphrase.of(text.toCharArray());
  }

  private static Vault open(Path home, String passphrase) {
    return Vault.open(home, CLOCK, PassphraseSource.of(pass(passphrase)), CHEAP);
  }

  @Test
  void aClearVault_writesFilesAsTheyAre() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.sealing().encrypts()).isFalse();
      assertThat(vault.sealing().seal(MODEL, "notes.json")).isEqualTo(MODEL);
    }
  }

  @Test
  void anEncryptedVault_sealsWithAuthenticatedEncryption_boundToTheName() {
    byte[] sealed;
    try (Vault vault = open(home, "correct horse battery")) {
      Sealing sealing = vault.sealing();
      assertThat(sealing.encrypts()).isTrue();
      sealed = sealing.seal(MODEL, "notes.json");
      assertThat(Sealing.isSealed(sealed)).isTrue();
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("okapi");
      // a fresh nonce each time
      assertThat(sealing.seal(MODEL, "notes.json")).isNotEqualTo(sealed);
      assertThat(sealing.open(sealed, "notes.json")).isEqualTo(MODEL);
      assertThatThrownBy(() -> sealing.open(sealed, "other.json"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("other.json does not open with this vault's key");
      byte[] flipped = sealed.clone();
      flipped[flipped.length - 20] ^= 1;
      assertThatThrownBy(() -> sealing.open(flipped, "notes.json")).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> sealing.open(MODEL, "notes.json"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not sealed");
    }
    // the same vault opened again: the same file key
    try (Vault vault = open(home, "correct horse battery")) {
      assertThat(vault.sealing().open(sealed, "notes.json")).isEqualTo(MODEL);
    }
    // another encrypted vault, even with the same passphrase, has its own key
    try (Vault vault = open(other, "correct horse battery")) {
      assertThatThrownBy(() -> vault.sealing().open(sealed, "notes.json")).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void afterAChangeOfPassphrase_sealedFilesStillOpen() {
    byte[] sealed;
    try (Vault vault = open(home, "correct horse battery")) {
      sealed = vault.sealing().seal(MODEL, "notes.json");
    }
    VaultCrypt.rekey(home, pass("correct horse battery"), pass("tr0ub4dor and more"), CHEAP);
    try (Vault vault = open(home, "tr0ub4dor and more")) {
      assertThat(vault.sealing().open(sealed, "notes.json")).isEqualTo(MODEL);
    }
  }

  @Test
  void encryptingAClearVault_sealsItsModels_removesItsMapCaches_andKeepsThePersonsMapFiles() throws IOException {
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.sealing().encrypts()).isFalse();
    }
    Path models = Files.createDirectories(home.resolve("models").resolve("text"));
    Files.write(models.resolve("notes.json"), MODEL);
    Files.write(models.resolve("notes.0123456789ab.tuned"), MODEL);
    Path maps = Files.createDirectories(home.resolve("maps"));
    Files.writeString(maps.resolve("monaco.osm.gz"), "the person's own file");
    Path cache = Files.createDirectories(maps.resolve("monaco-0123456789abcdef"));
    Files.writeString(cache.resolve("places.tsv"), "Jardin Exotique\t43.73\t7.41");
    VaultCrypt.encrypt(home, pass("correct horse battery"), CHEAP);
    // still clear until the vault is opened with its passphrase
    assertThat(Files.readAllBytes(models.resolve("notes.json"))).isEqualTo(MODEL);
    try (Vault vault = open(home, "correct horse battery")) {
      for (String name : new String[] {"notes.json", "notes.0123456789ab.tuned"}) {
        byte[] stored = Files.readAllBytes(models.resolve(name));
        assertThat(Sealing.isSealed(stored)).as(name).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("okapi");
        assertThat(vault.sealing().open(stored, name)).isEqualTo(MODEL);
      }
    }
    assertThat(cache).doesNotExist();
    assertThat(maps.resolve("monaco.osm.gz")).hasContent("the person's own file");
    try (var files = Files.list(models)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("notes.0123456789ab.tuned", "notes.json");
    }
    // opening again seals nothing twice
    byte[] once = Files.readAllBytes(models.resolve("notes.json"));
    try (Vault vault = open(home, "correct horse battery")) {
      assertThat(Files.readAllBytes(models.resolve("notes.json"))).isEqualTo(once);
    }
  }
}
