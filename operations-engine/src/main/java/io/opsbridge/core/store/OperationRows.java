package io.opsbridge.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationProgress;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Maps {@link OperationInfo} to a row of {@code operations} and back; nested blocks travel as JSON text. */
final class OperationRows {

    static final String COLUMNS = "operation_id, operation_type, status, mode, owner_node, created_at, started_at, "
            + "updated_at, completed_at, progress_json, metadata_json, result_summary_json, error_message, "
            + "metrics_count, version, strategy, attempt, attempts_json";

    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private OperationRows() {
    }

    /**
     * The record as the database keeps it: timestamps at microsecond precision (PostgreSQL's),
     * so what a store returns always equals what a later read returns.
     */
    static OperationInfo normalize(OperationInfo info) {
        return new OperationInfo(info.operationId(), info.operationType(), info.status(), micros(info.createdAt()),
                micros(info.startedAt()), micros(info.updatedAt()), micros(info.completedAt()), info.progress(),
                info.metadata(), info.resultSummary(), info.errorMessage(), info.metricsCount(), info.version(),
                info.attempts());
    }

    static String mode(OperationInfo info) {
        return info.metadata() == null || info.metadata().mode() == null ? "local" : info.metadata().mode();
    }

    /** {@link #COLUMNS}, each with a table alias such as {@code o.}. */
    static String columns(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** The strategy column: the training's {@code metadata.parameters.strategy}, if it fits the column. */
    static String strategy(OperationInfo info) {
        String strategy = OperationQuery.strategyOf(info);
        return strategy == null || strategy.length() > OperationQuery.MAX_STRATEGY ? null : strategy;
    }

    /** Binds the 18 {@link #COLUMNS} in order, starting at parameter 1. */
    static void bind(PreparedStatement statement, OperationInfo info, String ownerNode) throws SQLException {
        statement.setString(1, info.operationId());
        statement.setString(2, info.operationType().wireName());
        statement.setString(3, info.status().wireName());
        statement.setString(4, mode(info));
        statement.setString(5, ownerNode);
        JdbcColumns.setInstant(statement, 6, info.createdAt());
        JdbcColumns.setInstant(statement, 7, info.startedAt());
        JdbcColumns.setInstant(statement, 8, info.updatedAt());
        JdbcColumns.setInstant(statement, 9, info.completedAt());
        statement.setString(10, toJson(info.progress() == null ? OperationProgress.none() : info.progress()));
        JdbcColumns.setText(statement, 11, info.metadata() == null ? null : toJson(info.metadata()));
        JdbcColumns.setText(statement, 12, info.resultSummary() == null ? null : toJson(info.resultSummary()));
        JdbcColumns.setText(statement, 13, info.errorMessage());
        statement.setInt(14, info.metricsCount());
        statement.setLong(15, info.version());
        JdbcColumns.setText(statement, 16, strategy(info));
        statement.setInt(17, attempt(info));
        JdbcColumns.setText(statement, 18, attemptsJson(info));
    }

    /** The {@code attempt} column: the number of the current attempt, what a claim of the next one compares. */
    static int attempt(OperationInfo info) {
        return Math.max(1, info.attempts().count());
    }

    static String attemptsJson(OperationInfo info) {
        return info.attempts().count() == 0 ? null : toJson(info.attempts());
    }

    static OperationInfo read(ResultSet row) throws SQLException {
        String metadata = row.getString("metadata_json");
        String result = row.getString("result_summary_json");
        String attempts = row.getString("attempts_json");
        return new OperationInfo(
                row.getString("operation_id"),
                OperationType.of(row.getString("operation_type")),
                OperationStatus.fromWire(row.getString("status")),
                JdbcColumns.getInstant(row, "created_at"),
                JdbcColumns.getInstant(row, "started_at"),
                JdbcColumns.getInstant(row, "updated_at"),
                JdbcColumns.getInstant(row, "completed_at"),
                fromJson(row.getString("progress_json"), OperationProgress.class),
                metadata == null ? null : fromJson(metadata, OperationMetadata.class),
                result == null ? null : mapFromJson(result),
                row.getString("error_message"),
                row.getInt("metrics_count"),
                row.getLong("version"),
                attempts == null ? OperationAttempts.NONE : fromJson(attempts, OperationAttempts.class));
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> mapFromJson(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
