package org.shopcast.data.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/** Collects an import's rejected rows in a temp table and writes them to the quarantine. */
final class Quarantine {
  static final String STAGE = "shopcast_quarantine_stage";

  private Quarantine() {}

  static void createStage(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + STAGE
              + " (line BIGINT, field VARCHAR, code VARCHAR, expected VARCHAR, found VARCHAR,"
              + " raw VARCHAR)");
    }
  }

  /** Copies the lines DuckDB's CSV reader rejected; returns how many lines that is. */
  static long stageReaderRejects(Connection connection, String file) throws SQLException {
    try (Statement st = connection.createStatement()) {
      boolean exists =
          Landing.count(
                  st,
                  "SELECT count(*) FROM duckdb_tables() WHERE table_name = '"
                      + SqlSource.REJECTS_TABLE
                      + "'")
              > 0;
      if (!exists) {
        return 0;
      }
      st.execute(
          "INSERT INTO "
              + STAGE
              + " SELECT line, NULL, '"
              + ErrorCode.MalformedRow.name()
              + "', 'a row of the format''s fields (' || string_agg(DISTINCT error_type, ', ') ||"
              + " ')', first(error_message ORDER BY column_idx), first(csv_line) FROM "
              + SqlSource.REJECTS_TABLE
              + " GROUP BY line");
      return Landing.count(st, "SELECT count(*) FROM " + STAGE);
    }
  }

  /** Adds the rows rejected after reading, with the lines and raw text the locator found. */
  static void stageLocated(
      Connection connection, Map<Long, LineLocator.Place> places, String badRows)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE shopcast_places (ord BIGINT, line BIGINT, raw VARCHAR)");
    }
    try (var appender =
        ((org.duckdb.DuckDBConnection) connection)
            .createAppender("temp", "main", "shopcast_places")) {
      for (Map.Entry<Long, LineLocator.Place> entry : places.entrySet()) {
        appender.beginRow();
        appender.append(entry.getKey());
        appender.append(entry.getValue().line());
        appender.append(entry.getValue().raw());
        appender.endRow();
      }
    }
    try (Statement st = connection.createStatement()) {
      st.execute(
          "INSERT INTO "
              + STAGE
              + " SELECT coalesce(p.line, 0), s.err_field, s.err_code, s.err_expected, s.err_found,"
              + " p.raw FROM "
              + badRows
              + " s LEFT JOIN shopcast_places p ON p.ord = s.ord WHERE s.err_code IS NOT NULL");
    }
  }

  /** Writes the staged quarantine rows of an import (inside the caller's transaction). */
  static void insert(Connection connection, long importId, String source, String stage)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO quarantine SELECT ?, ?, line, field, code, expected, found, ? || ':' || line || ': [' ||"
                + " code || '] ' || CASE WHEN field IS NULL THEN '' ELSE 'field ''' || field ||"
                + " ''': ' END || 'expected ' || expected || CASE WHEN found IS NULL THEN '' ELSE"
                + " ', got ''' || found || '''' END, raw FROM "
                + stage)) {
      ps.setLong(1, importId);
      ps.setString(2, source);
      ps.setString(3, source);
      ps.executeUpdate();
    }
  }

  static Map<String, Long> countsByCode(Connection connection, long importId) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT code, count(*) FROM quarantine WHERE import_id = "
                    + importId
                    + " GROUP BY code ORDER BY count(*) DESC, code")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  static List<RowError> first(Connection connection, long importId, int limit) throws SQLException {
    List<RowError> errors = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT source, line, field, code, expected, found FROM quarantine WHERE import_id = "
                    + importId
                    + " ORDER BY line LIMIT "
                    + limit)) {
      while (rs.next()) {
        errors.add(
            new RowError(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                ErrorCode.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return errors;
  }
}
