package dev.autonomy.ingest.fitbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autonomy.core.InvalidInputException;
import dev.autonomy.core.signal.Modality;
import dev.autonomy.core.signal.Signal;
import dev.autonomy.core.signal.SignalKind;
import dev.autonomy.ingest.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitbitImporterTest {
  private static final String PERSON = "1503960366";
  private final FitbitImporter importer = new FitbitImporter();

  @TempDir Path dir;

  /** The person's rows of a file, split naively (these files have no quoted fields). */
  private static List<String[]> rows(Path file, String person) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.skip(1).map(l -> l.strip().split(",", -1)).filter(r -> r[0].equals(person)).toList();
    }
  }

  @Test
  void import_fitabaseFolder_forOnePerson_matchesTheFiles() throws IOException {
    Path folder = Samples.data("fitbit-fitabase-2016");
    var result = Samples.read(importer, folder, Samples.options("fitabase", PERSON));
    List<String[]> daily = rows(folder.resolve("dailyActivity_merged.csv"), PERSON);

    List<Signal> dailySteps = result.signals().stream()
        .filter(s -> s.kind() == SignalKind.STEPS && s.category().equals("daily")).toList();
    assertThat(dailySteps).hasSize(daily.size()).hasSizeGreaterThan(20);
    ZoneId zone = ZoneId.of("Europe/Zurich");
    Signal first = dailySteps.get(0);
    assertThat(first.start().atZone(zone).toLocalDate()).isEqualTo(LocalDate.of(2016, 4, 12));
    assertThat(first.start().atZone(zone).getHour()).isZero();
    assertThat(first.value()).isEqualTo(Double.parseDouble(daily.get(0)[2]));
    assertThat(first.zone()).isEqualTo(zone);
    assertThat(first.provenance().device()).isEqualTo("Fitbit");
    assertThat(first.provenance().format()).isEqualTo("fitbit");

    Signal distance = result.signals().stream().filter(s -> s.kind() == SignalKind.DISTANCE).findFirst().orElseThrow();
    assertThat(distance.value()).isCloseTo(Double.parseDouble(daily.get(0)[3]) * 1000, within(1e-6));
    Signal active = result.signals().stream().filter(s -> s.kind() == SignalKind.ACTIVE_MINUTES && s.category().equals("daily")).findFirst().orElseThrow();
    assertThat(active.value()).isEqualTo(Double.parseDouble(daily.get(0)[10]) + Double.parseDouble(daily.get(0)[11]));

    List<String[]> hourly = rows(folder.resolve("hourlySteps_merged.csv"), PERSON);
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.STEPS && s.category().equals("hourly")).hasSize(hourly.size());
    double hourlySum = result.signals().stream().filter(s -> s.kind() == SignalKind.STEPS && s.category().equals("hourly")
        && s.start().atZone(zone).toLocalDate().equals(LocalDate.of(2016, 4, 12))).mapToDouble(Signal::value).sum();
    assertThat(hourlySum).as("hourly steps add up to the day's").isCloseTo(first.value(), within(first.value() * 0.05));

    List<String[]> sleep = rows(folder.resolve("sleepDay_merged.csv"), PERSON);
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.SLEEP && s.category().equals("asleep")).hasSize(sleep.size())
        .first().satisfies(s -> assertThat(s.value()).isEqualTo(Double.parseDouble(sleep.get(0)[3])));

    List<String[]> weight = rows(folder.resolve("weightLogInfo_merged.csv"), PERSON);
    assertThat(result.signals()).filteredOn(s -> s.kind() == SignalKind.BODY_MASS).hasSize(weight.size())
        .allSatisfy(s -> assertThat(s.provenance().modality()).isEqualTo(Modality.SELF_REPORTED));
    assertThat(result.report().skipped()).containsKey("file dailySteps_merged.csv (not read: repeats dailyActivity, or minute data)");
  }

  @Test
  void import_withoutPerson_listsSomeIds() {
    Path folder = Samples.data("fitbit-fitabase-2016");
    assertThatThrownBy(() -> Samples.read(importer, folder, Samples.options("f")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--person")
        .hasMessageContaining(PERSON);
  }

  @Test
  void import_unknownPerson_isAnError() {
    Path folder = Samples.data("fitbit-fitabase-2016", "sleepDay_merged.csv");
    assertThatThrownBy(() -> Samples.read(importer, folder, Samples.options("f", "42")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("person 42").hasMessageContaining(PERSON);
  }

  @Test
  void import_singleFileWithOnePerson_needsNoPerson() throws IOException {
    Path file = dir.resolve("weightLogInfo_merged.csv");
    Files.writeString(file, "Id,Date,WeightKg,WeightPounds,Fat,BMI,IsManualReport,LogId\r\n"
        + "7,5/2/2016 11:59:59 PM,80.5,177.4,,24,False,1\r\n7,5/3/2016 1:05:00 PM,80.1,176.6,,24,True,2\r\n");
    var result = Samples.read(importer, file, Samples.options("w"));
    assertThat(result.signals()).extracting(Signal::value).containsExactly(80.5, 80.1);
    assertThat(result.signals()).extracting(s -> s.provenance().modality()).containsExactly(Modality.SENSED, Modality.SELF_REPORTED);
    assertThat(result.signals().get(1).start().atZone(ZoneId.of("Europe/Zurich")).getHour()).isEqualTo(13);
  }

  @Test
  void import_renamedColumn_namesFileLineAndColumn() throws IOException {
    Path file = dir.resolve("dailyActivity_merged.csv");
    Files.writeString(file, "Id,ActivityDate,Steps,TotalDistance,VeryActiveMinutes,FairlyActiveMinutes,SedentaryMinutes,Calories\n1,4/12/2016,1,1,1,1,1,1\n");
    assertThatThrownBy(() -> Samples.read(importer, file, Samples.options("d", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("dailyActivity_merged.csv:1: field 'TotalSteps'");
  }

  @Test
  void import_badValue_namesLineAndField() throws IOException {
    Path file = dir.resolve("hourlySteps_merged.csv");
    Files.writeString(file, "Id,ActivityHour,StepTotal\n1,4/12/2016 1:00:00 AM,10\n1,4/12/2016 2:00:00 AM,ten\n");
    assertThatThrownBy(() -> Samples.read(importer, file, Samples.options("h", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("hourlySteps_merged.csv:3: field 'StepTotal'");
    Files.writeString(file, "Id,ActivityHour,StepTotal\n1,13/12/2016 1:00:00 AM,10\n");
    assertThatThrownBy(() -> Samples.read(importer, file, Samples.options("h", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("hourlySteps_merged.csv:2: field 'ActivityHour'");
  }

  @Test
  void fitbitTime_readsAmPm() {
    assertThat(FitbitTime.parse("4/12/2016 12:00:00 AM", "f", 1, "t")).hasToString("2016-04-12T00:00");
    assertThat(FitbitTime.parse("4/12/2016 12:30:00 PM", "f", 1, "t")).hasToString("2016-04-12T12:30");
    assertThat(FitbitTime.parse("5/2/2016 11:59:59 PM", "f", 1, "t")).hasToString("2016-05-02T23:59:59");
    assertThat(FitbitTime.parse("4/12/2016", "f", 1, "t")).hasToString("2016-04-12T00:00");
  }

  @Test
  void import_twice_givesIdenticalNaturalKeys() throws IOException {
    Path folder = Samples.data("fitbit-fitabase-2016", "sleepDay_merged.csv");
    Set<String> a = Samples.read(importer, folder, Samples.options("s", PERSON)).signals().stream().map(Signal::naturalKey).collect(Collectors.toSet());
    Set<String> b = Samples.read(importer, folder, Samples.options("s", PERSON)).signals().stream().map(Signal::naturalKey).collect(Collectors.toSet());
    assertThat(a).isNotEmpty().isEqualTo(b);
  }
}
