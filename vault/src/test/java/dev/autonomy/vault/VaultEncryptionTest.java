package dev.autonomy.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.UnavailableException;
import dev.autonomy.core.signal.ImportReport;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Provenance;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultEncryptionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);
  /** Cheap settings, so the tests do not spend a second per derivation; the default is measured in bench. */
  private static final Argon2id CHEAP = new Argon2id(1024, 1, 1);
  private static final String NOTE = "felt anxious about the dentist quokka";
  private static final String CATEGORY = "pharmacy-wombat";
  private static final String DEVICE = "Garmin Fenix Axolotl";
  private static final String RULE = "never swim";
  private static final String DOCUMENT = "placebo-document-walrus";
  private static final List<String> KNOWN = List.of(NOTE, CATEGORY, DEVICE, RULE, DOCUMENT);

  @TempDir Path home;
  @TempDir Path elsewhere;

  private static Passphrase pass(String text) {
    return Passphrase.of(text.toCharArray());
  }

  private Vault open(String passphrase) {
    return Vault.open(home, CLOCK, PassphraseSource.of(pass(passphrase)), CHEAP);
  }

  private static void fill(Vault vault) {
    Instant start = Instant.parse("2026-01-02T18:00:00Z");
    ZoneId zone = ZoneId.of("Europe/Paris");
    vault.signals().importSource("events.csv", "events", sink -> {
      for (int d = 0; d < 50; d++) {
        Instant at = start.plusSeconds(86_400L * (d % 7) + d);
        sink.accept(new Signal(SignalKind.NOTE, at, at, zone, 0, "none", "", NOTE + " " + d,
            new Provenance("events.csv", "events", DEVICE, Modality.SELF_REPORTED)));
        sink.accept(new Signal(SignalKind.PURCHASE, at, at, zone, 12.5 + d, "EUR", CATEGORY, "",
            new Provenance("events.csv", "events", DEVICE, Modality.SELF_REPORTED)));
      }
      return new ImportReport("events", 100, Map.of(), List.of());
    });
    vault.rules().add(RULE);
    vault.documents().put("state.test", "{\"thing\":\"" + DOCUMENT + "\"}");
  }

  /** The known plaintexts found in any file under {@code folder}, as "file: text". */
  private static List<String> plaintexts(Path folder) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String text : KNOWN) {
          if (bytes.contains(text)) {
            found.add(f.getFileName() + ": " + text);
          }
        }
      }
    }
    return found;
  }

  private static Map<String, String> hashes(Path folder) throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(f).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }

  @Test
  void clearVault_holdsThePlaintexts_soTheScanCanFail() throws IOException {
    try (Vault vault = Vault.open(home, CLOCK)) {
      fill(vault);
    }
    assertThat(plaintexts(home)).isNotEmpty();
    assertThat(VaultCrypt.status(home).encrypted()).isFalse();
  }

  @Test
  void encryptedVault_noFileHoldsANoteRuleCategoryDeviceOrDocument_includingTheLogAndABackup() throws IOException {
    Path backup = elsewhere.resolve("backup.db");
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
      // While open: the write-ahead log holds the latest pages.
      assertThat(home.resolve("vault.db-wal")).exists();
      assertThat(plaintexts(home)).isEmpty();
      VaultCheck.Report copy = VaultBackup.backup(home, backup, PassphraseSource.of(pass("correct horse battery")));
      assertThat(copy.clean()).isTrue();
      assertThat(copy.signals()).isEqualTo(100);
    }
    assertThat(plaintexts(home)).isEmpty();
    assertThat(plaintexts(elsewhere)).isEmpty();
    assertThat(elsewhere.resolve("backup.db.crypt")).exists();
    VaultCrypt.Status status = VaultCrypt.status(home);
    assertThat(status.encrypted()).isTrue();
    assertThat(status.kdf()).contains(CHEAP);
    // The backup opens as a vault with its key file beside it and the same passphrase.
    Path restored = elsewhere.resolve("restored");
    Files.createDirectories(restored);
    Files.copy(backup, restored.resolve(Vault.DATABASE_FILE));
    Files.copy(elsewhere.resolve("backup.db.crypt"), restored.resolve("vault.db.crypt"));
    try (Vault vault = Vault.open(restored, CLOCK, PassphraseSource.of(pass("correct horse battery")), CHEAP)) {
      assertThat(vault.signals().count()).isEqualTo(100);
      assertThat(vault.rules().list()).hasSize(1);
    }
    assertThat(VaultCheck.check(backup, PassphraseSource.of(pass("correct horse battery"))).clean()).isTrue();
  }

  @Test
  void wrongOrMissingPassphrase_isAClearError_andNoByteOnDiskChanges() throws Exception {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    Map<String, String> before = hashes(home);
    assertThatThrownBy(() -> open("correct horse batterY"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("wrong passphrase")
        .hasMessageContaining("nothing was read or changed");
    assertThatThrownBy(() -> Vault.open(home, CLOCK))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is encrypted and no passphrase was given")
        .hasMessageContaining("AUTONOMY_PASSPHRASE");
    assertThatThrownBy(() -> VaultCheck.check(home, PassphraseSource.of(pass("nope nope nope"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("wrong passphrase");
    assertThatThrownBy(() -> VaultBackup.backup(home, elsewhere.resolve("b.db"), PassphraseSource.none()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no passphrase");
    assertThat(hashes(home)).isEqualTo(before);
    assertThat(elsewhere.resolve("b.db")).doesNotExist();
  }

  @Test
  void rekey_oldPassphraseFailsAfterwards_newOneOpensEveryRow() throws IOException {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    VaultCrypt.rekey(home, pass("correct horse battery"), pass("tr0ub4dor and more"), CHEAP);
    assertThatThrownBy(() -> open("correct horse battery")).hasMessageContaining("wrong passphrase");
    try (Vault vault = open("tr0ub4dor and more")) {
      assertThat(vault.signals().count()).isEqualTo(100);
      assertThat(vault.documents().get("state.test")).hasValueSatisfying(json -> assertThat(json).contains(DOCUMENT));
    }
    assertThat(plaintexts(home)).isEmpty();
    assertThat(home.resolve(VaultCrypt.REKEYING)).doesNotExist();
    assertThat(home.resolve("vault.db.crypt.next")).doesNotExist();
  }

  @Test
  void rekey_refusesAWrongCurrentPassphrase_andAShortNewOne() throws Exception {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    Map<String, String> before = hashes(home);
    assertThatThrownBy(() -> VaultCrypt.rekey(home, pass("not the one at all"), pass("tr0ub4dor and more"), CHEAP))
        .hasMessageContaining("wrong passphrase");
    assertThatThrownBy(() -> VaultCrypt.rekey(home, pass("correct horse battery"), pass("short"), CHEAP))
        .hasMessageContaining("at least 8");
    assertThat(hashes(home)).isEqualTo(before);
  }

  @Test
  void encrypt_migratesAClearVault_keepingEveryRow() throws IOException {
    long signals;
    try (Vault vault = Vault.open(home, CLOCK)) {
      fill(vault);
      signals = vault.signals().count();
    }
    assertThat(plaintexts(home)).isNotEmpty();
    VaultCrypt.Status status = VaultCrypt.encrypt(home, pass("correct horse battery"), CHEAP);
    assertThat(status.encrypted()).isTrue();
    assertThat(plaintexts(home)).isEmpty();
    assertThatThrownBy(() -> Vault.open(home, CLOCK)).hasMessageContaining("is encrypted");
    try (Vault vault = open("correct horse battery")) {
      assertThat(vault.signals().count()).isEqualTo(signals);
      assertThat(vault.rules().list()).extracting(r -> r.text()).containsExactly(RULE);
      assertThat(vault.documents().get("state.test")).isPresent();
      fill(vault);
    }
    assertThat(plaintexts(home)).isEmpty();
    assertThat(VaultCheck.check(home, PassphraseSource.of(pass("correct horse battery"))).clean()).isTrue();
    assertThatThrownBy(() -> VaultCrypt.encrypt(home, pass("correct horse battery"), CHEAP))
        .hasMessageContaining("encrypted already");
  }

  @Test
  void encrypt_refusesWhileAnotherConnectionHasTheVaultOpen_andChangesNothing() {
    try (Vault vault = Vault.open(home, CLOCK)) {
      fill(vault);
      assertThatThrownBy(() -> VaultCrypt.encrypt(home, pass("correct horse battery"), CHEAP))
          .isInstanceOf(UnavailableException.class)
          .hasMessageContaining("another process has the vault");
      assertThat(vault.signals().count()).isEqualTo(100);
    }
    assertThat(VaultCrypt.status(home).encrypted()).isFalse();
    try (Vault vault = Vault.open(home, CLOCK)) {
      assertThat(vault.signals().count()).isEqualTo(100);
    }
  }

  @Test
  void newVault_withAPassphrase_isEncrypted_withoutOne_staysClear() {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    assertThat(VaultCrypt.status(home).encrypted()).isTrue();
    Path other = elsewhere.resolve("clear");
    try (Vault vault = Vault.open(other, CLOCK)) {
      fill(vault);
    }
    assertThat(VaultCrypt.status(other).encrypted()).isFalse();
    assertThatThrownBy(() -> Vault.open(elsewhere.resolve("short"), CLOCK, PassphraseSource.of(pass("abc")), CHEAP))
        .hasMessageContaining("at least 8");
  }

  @Test
  void changeKilledBetweenItsTwoRenames_opensWithTheNewPassphrase_andFinishes() throws IOException {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    Path keyFile = home.resolve("vault.db.crypt");
    Path oldKey = elsewhere.resolve("old.crypt");
    Files.copy(keyFile, oldKey);
    VaultCrypt.rekey(home, pass("correct horse battery"), pass("tr0ub4dor and more"), CHEAP);
    // As if killed after the database was swapped in, before its key file was.
    Files.move(keyFile, home.resolve("vault.db.crypt.next"));
    Files.copy(oldKey, keyFile, StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> open("correct horse battery")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the new passphrase opens it");
    try (Vault vault = open("tr0ub4dor and more")) {
      assertThat(vault.signals().count()).isEqualTo(100);
    }
    assertThat(home.resolve("vault.db.crypt.next")).doesNotExist();
    try (Vault vault = open("tr0ub4dor and more")) {
      assertThat(vault.signals().count()).isEqualTo(100);
    }
  }

  @Test
  void changeKilledBeforeTheDatabaseWasSwapped_stillOpensWithTheOldPassphrase() throws IOException {
    try (Vault vault = open("correct horse battery")) {
      fill(vault);
    }
    Path oldDb = elsewhere.resolve("old.db");
    Path oldKey = elsewhere.resolve("old.crypt");
    Files.copy(home.resolve("vault.db"), oldDb);
    Files.copy(home.resolve("vault.db.crypt"), oldKey);
    VaultCrypt.rekey(home, pass("correct horse battery"), pass("tr0ub4dor and more"), CHEAP);
    // As if killed after the new key file was written as pending, before the database was swapped.
    Files.move(home.resolve("vault.db.crypt"), home.resolve("vault.db.crypt.next"));
    Files.copy(oldKey, home.resolve("vault.db.crypt"));
    Files.copy(oldDb, home.resolve("vault.db"), StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> open("tr0ub4dor and more")).hasMessageContaining("wrong passphrase");
    try (Vault vault = open("correct horse battery")) {
      assertThat(vault.signals().count()).isEqualTo(100);
    }
  }

  @Test
  void passphrase_neverPrints() {
    assertThat(pass("correct horse battery").toString()).doesNotContain("horse");
  }
}
