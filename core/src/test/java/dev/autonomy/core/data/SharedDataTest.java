package dev.autonomy.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {
  @TempDir Path dir;
  Path repo;
  Path data;

  /** dir/repo (a Maven project with a module) beside dir/shared/data. */
  @BeforeEach
  void layout() throws IOException {
    repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Files.createDirectories(repo.resolve("cli/src"));
    Files.writeString(repo.resolve("cli/pom.xml"), "<project/>");
    data = Files.createDirectories(dir.resolve("shared/data/tsplib"));
    data = data.getParent();
  }

  @Test
  void root_isFoundFromTheRepositoryRootAndFromAModuleFolderAndBelow() {
    assertThat(SharedData.root(null, repo)).contains(data);
    assertThat(SharedData.root(null, repo.resolve("cli"))).contains(data);
    assertThat(SharedData.root(null, repo.resolve("cli/src"))).contains(data);
  }

  @Test
  void root_isAbsentOutsideAMavenProjectOrWithoutTheSharedFolder() throws IOException {
    assertThat(SharedData.root(null, dir)).isEmpty();
    Path other = Files.createDirectories(dir.resolve("elsewhere/clone"));
    Files.writeString(other.resolve("pom.xml"), "<project/>");
    assertThat(SharedData.root(null, other)).isEmpty();
  }

  @Test
  void property_winsAndIsNotSecondGuessed() throws IOException {
    Path mine = Files.createDirectories(dir.resolve("mine/data"));
    assertThat(SharedData.root(dir.resolve("mine").toString(), repo)).contains(mine);
    assertThat(SharedData.root(dir.resolve("nothing").toString(), repo)).isEmpty();
  }

  @Test
  void dataset_isPresentOnlyWhenItExists() {
    Optional<Path> root = SharedData.root(null, repo);
    assertThat(SharedData.dataset(root, "tsplib")).contains(data.resolve("tsplib"));
    assertThat(SharedData.dataset(root, "tsplib/tsp/eil51.tsp")).isEmpty();
    assertThat(SharedData.dataset(Optional.empty(), "tsplib")).isEmpty();
  }

  @Test
  void dataset_rejectsBlankAndAbsoluteNames() {
    assertThatThrownBy(() -> SharedData.dataset(Optional.of(data), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
    assertThatThrownBy(() -> SharedData.dataset(Optional.of(data), data.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be relative to the data folder");
  }
}
