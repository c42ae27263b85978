package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace tables of precomputed lists. {@code recs_models} holds one row per model: the
 * version that readers use. List rows of any other version are leftovers (an older version, or a
 * train that failed before its commit) and invisible to readers; they are deleted on the next
 * train.
 */
final class RecsTables {
  /** Layout version of the tables. */
  static final int FORMAT = 1;

  static final String MODELS = "recs_models";
  static final String USER_LISTS = "recs_user_lists";
  static final String ITEM_LISTS = "recs_item_lists";

  private static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS "
        + MODELS
        + " (model VARCHAR NOT NULL, version BIGINT NOT NULL, format INTEGER NOT NULL,"
        + " trained_at TIMESTAMP NOT NULL, list_length INTEGER NOT NULL, options VARCHAR NOT NULL,"
        + " fingerprint VARCHAR NOT NULL, users BIGINT NOT NULL, items BIGINT NOT NULL,"
        + " seconds DOUBLE NOT NULL)",
    "CREATE TABLE IF NOT EXISTS "
        + USER_LISTS
        + " (model VARCHAR NOT NULL, version BIGINT NOT NULL, user_id VARCHAR,"
        + " rank INTEGER NOT NULL, item_id VARCHAR NOT NULL, score DOUBLE NOT NULL,"
        + " source VARCHAR NOT NULL, reason VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS "
        + ITEM_LISTS
        + " (model VARCHAR NOT NULL, version BIGINT NOT NULL, item_id VARCHAR NOT NULL,"
        + " rank INTEGER NOT NULL, similar_item_id VARCHAR NOT NULL, score DOUBLE NOT NULL,"
        + " source VARCHAR NOT NULL, reason VARCHAR NOT NULL)"
  };

  private RecsTables() {}

  /** Creates the tables when absent. */
  static void create(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
  }

  /** Whether the tables exist (a workspace that never trained lists has none). */
  static boolean exist(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                    + MODELS
                    + "'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  /** Deletes list rows no model row refers to; returns a fresh version number. */
  static long prepare(Connection connection) throws SQLException {
    create(connection);
    try (Statement s = connection.createStatement()) {
      for (String table : List.of(USER_LISTS, ITEM_LISTS)) {
        s.execute(
            "DELETE FROM "
                + table
                + " WHERE (model, version) NOT IN (SELECT (model, version) FROM "
                + MODELS
                + ")");
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT coalesce(max(version), 0) + 1 FROM (SELECT version FROM "
                  + MODELS
                  + " UNION ALL SELECT version FROM "
                  + USER_LISTS
                  + " UNION ALL SELECT version FROM "
                  + ITEM_LISTS
                  + ")")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Makes {@code info}'s version the one readers see, in one transaction, and deletes the rows of
   * the model's previous version.
   */
  static void commit(Connection connection, RecsInfo info) throws SQLException {
    boolean auto = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + MODELS + " WHERE model = ?")) {
        delete.setString(1, info.model());
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + MODELS
                  + " VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, info.model());
        insert.setLong(2, info.version());
        insert.setInt(3, FORMAT);
        insert.setString(4, LocalDateTime.ofInstant(info.trainedAt(), ZoneOffset.UTC).toString());
        insert.setInt(5, info.listLength());
        insert.setString(6, info.options());
        insert.setString(7, info.fingerprint());
        insert.setLong(8, info.users());
        insert.setLong(9, info.items());
        insert.setDouble(10, info.seconds());
        insert.executeUpdate();
      }
      for (String table : List.of(USER_LISTS, ITEM_LISTS)) {
        try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM " + table + " WHERE model = ? AND version <> ?")) {
          delete.setString(1, info.model());
          delete.setLong(2, info.version());
          delete.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(auto);
    }
  }

  /** The stored models, latest trained first. */
  static List<RecsInfo> list(Connection connection) throws SQLException {
    List<RecsInfo> out = new ArrayList<>();
    if (!exist(connection)) {
      return out;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT model, version, epoch_ms(trained_at), list_length, options, fingerprint, users,"
                    + " items, seconds FROM "
                    + MODELS
                    + " ORDER BY trained_at DESC, version DESC")) {
      while (rs.next()) {
        out.add(
            new RecsInfo(
                rs.getString(1),
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getDouble(9)));
      }
    }
    return out;
  }

  /** The stored model {@code model}, or the latest trained when null. */
  static Optional<RecsInfo> find(Connection connection, String model) throws SQLException {
    return list(connection).stream()
        .filter(info -> model == null || info.model().equals(model))
        .findFirst();
  }
}
