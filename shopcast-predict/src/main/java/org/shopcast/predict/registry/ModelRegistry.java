package org.shopcast.predict.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The model registry of a workspace: a table {@code model_registry} in the store (one row per
 * model, {@link RegistryEntry}) and a directory {@code models/<id>/} per model holding the model
 * file and a {@code manifest.json} copy of the row.
 *
 * <p>Registration is atomic: the files are written into a staging directory {@code
 * models/.staging-<uuid>}, then, inside one store transaction, the row is inserted and the staging
 * directory renamed to {@code models/<id>} (an atomic rename on one file system), then the
 * transaction commits. Any failure rolls the row back and removes the directory, so a reader never
 * sees a row without its files; a crash can only leave a staging directory, which readers ignore
 * and the next registration removes.
 */
public final class ModelRegistry {
  /** The registry table. */
  public static final String TABLE = "model_registry";

  /** The models directory inside the workspace. */
  public static final String DIRECTORY = "models";

  /** The manifest file in each model directory. */
  public static final String MANIFEST = "manifest.json";

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private final Connection connection;
  private final Path workspace;
  private Runnable beforeCommit = () -> {};

  /** The registry of the store behind {@code connection} in {@code workspace}. */
  public ModelRegistry(Connection connection, Path workspace) {
    this.connection = connection;
    this.workspace = workspace;
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (id VARCHAR PRIMARY KEY, seq INTEGER NOT NULL, task VARCHAR NOT NULL,"
              + " model VARCHAR NOT NULL, horizon_days INTEGER NOT NULL, options JSON NOT NULL,"
              + " data_fingerprint VARCHAR NOT NULL, train_cutoffs JSON NOT NULL,"
              + " validation_cutoff VARCHAR NOT NULL, test_cutoff VARCHAR NOT NULL,"
              + " metrics JSON NOT NULL, feature_names JSON NOT NULL, trees INTEGER NOT NULL,"
              + " code_version VARCHAR NOT NULL, seed BIGINT NOT NULL,"
              + " created_at VARCHAR NOT NULL, path VARCHAR NOT NULL)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the model registry: " + e.getMessage(), e);
    }
  }

  /** Writes a model's files into a directory that exists and is empty. */
  public interface ArtefactWriter {
    /** Writes the files. */
    void write(Path directory) throws IOException;
  }

  /** For tests: runs {@code hook} after the row insert and the rename, before the commit. */
  void beforeCommit(Runnable hook) {
    this.beforeCommit = hook;
  }

  /** The workspace directory. */
  public Path workspace() {
    return workspace;
  }

  /** The absolute model directory of {@code entry}. */
  public Path directory(RegistryEntry entry) {
    return workspace.resolve(entry.path());
  }

  /** The next id for {@code task}: {@code <task>-v<n>}, n one above the highest so far. */
  private int nextSeq() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM " + TABLE)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Registers a model atomically (see the class comment). {@code draft}'s id and path are replaced
   * by the assigned ones.
   *
   * @return the registered entry
   * @throws IllegalStateException when writing fails (nothing is left registered)
   */
  public RegistryEntry register(RegistryEntry draft, ArtefactWriter writer) {
    Path models = workspace.resolve(DIRECTORY);
    Path staging = models.resolve(".staging-" + UUID.randomUUID());
    Path target = null;
    boolean autoCommit = true;
    try {
      Files.createDirectories(models);
      removeStaleStaging(models);
      Files.createDirectories(staging);
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      int seq = nextSeq();
      String id = draft.task() + "-v" + seq;
      String relative = DIRECTORY + "/" + id;
      RegistryEntry entry =
          new RegistryEntry(
              id,
              draft.task(),
              draft.model(),
              draft.horizonDays(),
              draft.options(),
              draft.dataFingerprint(),
              draft.trainCutoffs(),
              draft.validationCutoff(),
              draft.testCutoff(),
              draft.metrics(),
              draft.featureNames(),
              draft.trees(),
              draft.codeVersion(),
              draft.seed(),
              draft.createdAt(),
              relative);
      writer.write(staging);
      Files.writeString(staging.resolve(MANIFEST), MAPPER.writeValueAsString(entry));
      insert(entry, seq);
      target = models.resolve(id);
      if (Files.exists(target)) {
        throw new IllegalStateException(
            "model directory " + target + " exists without a registry row; remove it");
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IllegalStateException(
            "the file system cannot rename " + staging + " atomically", e);
      }
      beforeCommit.run();
      connection.commit();
      target = null;
      return entry;
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write the model files: " + e.getMessage(), e);
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("cannot register the model: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    } finally {
      deleteTree(staging);
      if (target != null) {
        deleteTree(target);
      }
      try {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // the connection is unusable anyway; the caller's next statement reports it
      }
    }
  }

  private void rollback() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // nothing was committed; the row goes with the failed transaction
    }
  }

  private void insert(RegistryEntry e, int seq) throws SQLException, JsonProcessingException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int c = 1;
      insert.setString(c++, e.id());
      insert.setInt(c++, seq);
      insert.setString(c++, e.task());
      insert.setString(c++, e.model());
      insert.setInt(c++, e.horizonDays());
      insert.setString(c++, MAPPER.writeValueAsString(e.options()));
      insert.setString(c++, e.dataFingerprint());
      insert.setString(c++, MAPPER.writeValueAsString(e.trainCutoffs()));
      insert.setString(c++, e.validationCutoff());
      insert.setString(c++, e.testCutoff());
      insert.setString(c++, MAPPER.writeValueAsString(e.metrics()));
      insert.setString(c++, MAPPER.writeValueAsString(e.featureNames()));
      insert.setInt(c++, e.trees());
      insert.setString(c++, e.codeVersion());
      insert.setLong(c++, e.seed());
      insert.setString(c++, e.createdAt());
      insert.setString(c, e.path());
      insert.executeUpdate();
    }
  }

  /** Every registered model, oldest first. */
  public List<RegistryEntry> list() {
    return query("", null);
  }

  /** The model with this id. */
  public Optional<RegistryEntry> find(String id) {
    return query(" WHERE id = ?", id).stream().findFirst();
  }

  /**
   * The model {@code idOrLatest} names: an id, or {@code latest} for the newest model of {@code
   * task}.
   *
   * @throws IllegalArgumentException when there is no such model, or the id is of another task
   */
  public RegistryEntry resolve(String idOrLatest, String task) {
    if (idOrLatest == null || idOrLatest.equals("latest")) {
      List<RegistryEntry> all = query(" WHERE task = ?", task);
      if (all.isEmpty()) {
        throw new IllegalArgumentException(
            "no " + task + " model in the registry; train one with: shopcast train --task " + task);
      }
      return all.get(all.size() - 1);
    }
    RegistryEntry entry =
        find(idOrLatest)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no model '"
                            + idOrLatest
                            + "' in the registry; list them with: shopcast models"));
    if (task != null && !entry.task().equals(task)) {
      throw new IllegalArgumentException(
          "model '" + idOrLatest + "' is a " + entry.task() + " model, not " + task);
    }
    return entry;
  }

  private List<RegistryEntry> query(String where, String parameter) {
    List<RegistryEntry> out = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, task, model, horizon_days, options, data_fingerprint, train_cutoffs,"
                + " validation_cutoff, test_cutoff, metrics, feature_names, trees, code_version,"
                + " seed, created_at, path FROM "
                + TABLE
                + where
                + " ORDER BY seq")) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RegistryEntry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  MAPPER.readValue(rs.getString(5), MAP),
                  rs.getString(6),
                  MAPPER.readValue(rs.getString(7), LIST),
                  rs.getString(8),
                  rs.getString(9),
                  MAPPER.readValue(rs.getString(10), MAP),
                  MAPPER.readValue(rs.getString(11), LIST),
                  rs.getInt(12),
                  rs.getString(13),
                  rs.getLong(14),
                  rs.getString(15),
                  rs.getString(16)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the model registry: " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the model registry holds bad JSON: " + e.getMessage(), e);
    }
    return out;
  }

  private static void removeStaleStaging(Path models) throws IOException {
    try (Stream<Path> children = Files.list(models)) {
      for (Path child : children.toList()) {
        if (child.getFileName().toString().startsWith(".staging-")) {
          deleteTree(child);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
