package io.opsbridge.backend.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.backend.models.ModelNotFoundException;
import io.opsbridge.backend.models.ModelStatus;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.NewModelVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry rules, run against every database the migrations support. */
abstract class ModelRegistryStoreContract {

    protected ModelRegistryStore store;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    /** The migrated database of this test class. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void emptyRegistry() throws SQLException {
        RegistryDatabases.clear(dataSource());
        store = new ModelRegistryStore(dataSource());
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void registeredVersionsAreNumberedPerStrategyAndStartInactive() {
        ModelVersion a1 = store.register(model("alpha", "op1"));
        ModelVersion a2 = store.register(model("alpha", "op2"));
        ModelVersion b1 = store.register(model("beta", "op3"));

        assertThat(List.of(a1.version(), a2.version(), b1.version())).containsExactly("v1", "v2", "v1");
        assertThat(a1.status()).isEqualTo(ModelStatus.INACTIVE);
        assertThat(a1.performanceMetrics()).containsEntry("val_accuracy", 0.5);
        assertThat(a1.config()).containsEntry("epochs", 2);
        assertThat(a1.operationId()).isEqualTo("op1");
        assertThat(a1.createdAt()).isNotNull();
        assertThat(store.list("alpha")).extracting(ModelVersion::version).containsExactly("v1", "v2");
        assertThat(store.list(null)).hasSize(3);
        assertThat(store.find("alpha", "v2")).contains(a2);
    }

    @Test
    void registeringTheSameTrainingAgainReturnsItsVersion() {
        ModelVersion first = store.register(model("alpha", "op1"));
        assertThat(store.register(model("alpha", "op1"))).isEqualTo(first);
        assertThat(store.list("alpha")).hasSize(1);
    }

    @Test
    void activationMakesOneVersionActiveAndThePreviousInactive() {
        store.register(model("alpha", "op1"));
        store.register(model("alpha", "op2"));

        ModelVersion v1 = store.activate("alpha", "v1");
        assertThat(v1.status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(v1.activatedAt()).isNotNull();

        ModelVersion v2 = store.activate("alpha", "v2");
        assertThat(v2.status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(store.active("alpha")).contains(v2);
        ModelVersion old = store.find("alpha", "v1").orElseThrow();
        assertThat(old.status()).isEqualTo(ModelStatus.INACTIVE);
        assertThat(old.deactivatedAt()).isNotNull();
        assertThat(store.activate("alpha", "v2")).isEqualTo(v2);
    }

    @Test
    void activatingAnUnknownVersionIsNotFoundAndChangesNothing() {
        store.register(model("alpha", "op1"));
        store.activate("alpha", "v1");
        assertThatThrownBy(() -> store.activate("alpha", "v9")).isInstanceOf(ModelNotFoundException.class);
        assertThat(store.active("alpha")).map(ModelVersion::version).contains("v1");
    }

    @Test
    void failedMarkNeverTouchesTheActiveVersion() {
        store.register(model("alpha", "op1"));
        store.register(model("alpha", "op2"));
        store.activate("alpha", "v1");
        store.markFailed("alpha", "v1", "nope");
        store.markFailed("alpha", "v2", "corrupt weights");

        assertThat(store.find("alpha", "v1").orElseThrow().status()).isEqualTo(ModelStatus.ACTIVE);
        ModelVersion failed = store.find("alpha", "v2").orElseThrow();
        assertThat(failed.status()).isEqualTo(ModelStatus.FAILED);
        assertThat(failed.statusMessage()).isEqualTo("corrupt weights");
        assertThat(store.activate("alpha", "v2").status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void theDatabaseRefusesASecondActiveRowEvenWithoutTheStore() throws SQLException {
        store.register(model("alpha", "op1"));
        store.register(model("alpha", "op2"));
        store.activate("alpha", "v1");

        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            // a writer that sets only the status is refused by the CHECK tying status to active_strategy
            assertThatThrownBy(() -> s.executeUpdate(
                    "UPDATE model_registry SET status = 'active' WHERE version = 'v2'"))
                    .isInstanceOf(SQLException.class);
            // one that sets both is refused by the unique key
            assertThatThrownBy(() -> s.executeUpdate("UPDATE model_registry SET status = 'active',"
                    + " active_strategy = strategy_name WHERE version = 'v2'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
        }
        assertThat(store.list("alpha")).filteredOn(v -> v.status() == ModelStatus.ACTIVE).hasSize(1);
    }

    @Test
    void concurrentActivationsLeaveExactlyOneActiveVersion() throws Exception {
        int versions = 8;
        for (int i = 0; i < versions; i++) {
            store.register(model("alpha", "op" + i));
        }
        for (int round = 0; round < 5; round++) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ModelVersion>> calls = new ArrayList<>();
            for (int i = 1; i <= versions; i++) {
                String version = "v" + i;
                calls.add(pool.submit(() -> {
                    go.await();
                    return store.activate("alpha", version);
                }));
            }
            go.countDown();
            for (Future<ModelVersion> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(ModelStatus.ACTIVE);
            }
            List<ModelVersion> active = store.list("alpha").stream().filter(v -> v.status() == ModelStatus.ACTIVE).toList();
            assertThat(active).hasSize(1);
            assertThat(store.active("alpha")).contains(active.get(0));
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctVersions() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ModelVersion>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String op = "op" + i;
            calls.add(pool.submit(() -> {
                go.await();
                return store.register(model("alpha", op));
            }));
        }
        go.countDown();
        List<String> versions = new ArrayList<>();
        for (Future<ModelVersion> call : calls) {
            versions.add(call.get(30, TimeUnit.SECONDS).version());
        }
        assertThat(versions).containsExactlyInAnyOrder("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8");
    }

    @Test
    void bothMigrationsRanInOneFlywayRun() throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM operations")) {
            var rows = q.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(0);
        }
    }

    private static NewModelVersion model(String strategy, String operationId) {
        return new NewModelVersion(strategy, "/models/" + strategy + "/" + operationId,
                Map.of("val_accuracy", 0.5, "epochs", 2), Map.of("epochs", 2, "symbols", List.of("AAPL")), operationId);
    }
}
