package org.shopcast.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

/** The format options of {@code import}: --map, --types, --tz and --anonymous-users. */
class FormatOptionsCommandTest {
  private static final String TIANCHI =
      Fixtures.path("tianchi/sample_user_behavior.csv").toString();

  @TempDir Path workspace;

  private CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @Test
  void csvWithMapTypesAndTz_importsAndPrintsTheContract() throws Exception {
    CliRun run =
        run(
            "import",
            TIANCHI,
            "--format",
            "csv",
            "--map",
            "user_id=user_id,item_id=item_id,type=behavior_type,ts=time:%Y-%m-%d %H",
            "--types",
            "1=VIEW,2=FAVORITE,3=CART_ADD,4=PURCHASE",
            "--tz",
            "Asia/Shanghai",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("read").asLong()).isEqualTo(1999);
    assertThat(json.get("rejected").asLong()).isZero();
    assertThat(json.get("minTs").asText()).isEqualTo("2014-11-18T02:00:00Z");
  }

  @Test
  void badMapping_isAUsageErrorListingEveryProblem() {
    CliRun run =
        run(
            "import",
            TIANCHI,
            "--format",
            "csv",
            "--map",
            "user=user_id,ts=time:epoch_us",
            "--types",
            "1=LOOK");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--map user: field must be one of")
        .contains("got 'epoch_us'")
        .contains("--types 1=LOOK");
  }

  @Test
  void mappedColumnMissingFromHeader_isAUsageErrorNamingTheHeader() {
    CliRun run =
        run(
            "import",
            TIANCHI,
            "--format",
            "csv",
            "--map",
            "user_id=visitorid,ts=time,type=behavior_type");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no column 'visitorid'").contains("header: user_id, item_id");
  }

  @Test
  void anonymousUsers_keepsOnlineRetailRowsWithoutCustomer() throws Exception {
    String file = Fixtures.path("online-retail/online_retail_random20k_first5000.csv").toString();
    CliRun plain = run("import", file, "--format", "online-retail", "--json");
    CliRun anonymous =
        CliRun.of(
            "--workspace",
            workspace.resolve("anon").toString(),
            "import",
            file,
            "--format",
            "online-retail",
            "--anonymous-users",
            "--json");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(anonymous.exitCode()).as(anonymous.err()).isZero();
    JsonNode before = Json.mapper().readTree(plain.out());
    JsonNode after = Json.mapper().readTree(anonymous.out());
    long missing = before.get("rejectedByCode").get("MissingCustomer").asLong();
    assertThat(missing).isPositive();
    assertThat(after.get("rejectedByCode").has("MissingCustomer")).isFalse();
    assertThat(after.get("accepted").asLong() + after.get("duplicates").asLong())
        .isEqualTo(before.get("accepted").asLong() + before.get("duplicates").asLong() + missing);
  }
}
