package io.opsbridge.backend.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.models.serving.LoadedModel;
import io.opsbridge.backend.models.serving.ModelLease;
import io.opsbridge.backend.models.serving.ModelLoader;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.opsbridge.backend.models.store.RegistryDatabases;
import io.opsbridge.workloads.training.SampleDataGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelRegistry#reloadIfChanged} and {@link ModelRegistry#activate} with real DJL models on H2. */
class ModelRegistryReloadTest {

    private static final String STRATEGY = "mlp_direction";

    @TempDir
    static Path tmp;
    private static Path good1;
    private static Path good2;

    private ModelRegistryStore store;
    private ModelRegistry registry;

    @BeforeAll
    static void trainTwoModels() {
        Path data = tmp.resolve("data");
        new SampleDataGenerator(42).generate(data, TestArtifacts.SYMBOLS, "1h", 300);
        good1 = TestArtifacts.train(data, tmp.resolve("models"), STRATEGY, "op_one", 1);
        good2 = TestArtifacts.train(data, tmp.resolve("models"), STRATEGY, "op_two", 2);
    }

    @BeforeEach
    void freshRegistry() {
        store = new ModelRegistryStore(RegistryDatabases.h2());
        registry = new ModelRegistry(store, new ModelLoader());
        registry.initialize(Set.of(STRATEGY));
    }

    @AfterEach
    void closeModels() {
        registry.close();
    }

    @Test
    void firstLoadReloadsThenASecondCallIsUpToDate() {
        register(good1, "op1");
        store.activate(STRATEGY, "v1");

        ReloadResult first = registry.reloadIfChanged(STRATEGY);
        assertThat(first.reloaded()).isTrue();
        assertThat(first.failed()).isFalse();
        assertThat(first.version()).isEqualTo("v1");
        assertThat(first.previousVersion()).isNull();

        ReloadResult second = registry.reloadIfChanged(STRATEGY);
        assertThat(second.reloaded()).isFalse();
        assertThat(second.failed()).isFalse();
        assertThat(second.version()).isEqualTo("v1");
        assertThat(second.message()).contains("already up to date");
    }

    @Test
    void aNewActiveVersionIsReloadedAndNamesThePreviousOne() {
        register(good1, "op1");
        register(good2, "op2");
        store.activate(STRATEGY, "v1");
        registry.reloadIfChanged(STRATEGY);

        store.activate(STRATEGY, "v2");
        ReloadResult result = registry.reloadIfChanged(STRATEGY);

        assertThat(result.reloaded()).isTrue();
        assertThat(result.version()).isEqualTo("v2");
        assertThat(result.previousVersion()).isEqualTo("v1");
        assertThat(registry.serving(STRATEGY)).map(m -> m.version().version()).contains("v2");
    }

    @Test
    void aCorruptNewVersionIsNotReloadedAndTheOldOneKeepsServing() {
        assertFailedReloadKeepsV1(TestArtifacts.corruptCopy(good1, tmp.resolve("corrupt-" + System.nanoTime())));
    }

    @Test
    void aMissingNewVersionIsNotReloadedAndTheOldOneKeepsServing() {
        assertFailedReloadKeepsV1(tmp.resolve("does-not-exist"));
    }

    @Test
    void aDescriptorMismatchIsNotReloadedAndTheOldOneKeepsServing() {
        assertFailedReloadKeepsV1(TestArtifacts.mismatchedCopy(good1, tmp.resolve("mismatch-" + System.nanoTime())));
    }

    @Test
    void activatingAVersionThatCannotLoadLeavesThePreviousActiveAndServing() {
        register(good1, "op1");
        register(TestArtifacts.corruptCopy(good2, tmp.resolve("corrupt-" + System.nanoTime())), "op2");
        registry.activate(STRATEGY, "v1");

        assertThatThrownBy(() -> registry.activate(STRATEGY, "v2"))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("v2");

        assertThat(store.active(STRATEGY)).map(ModelVersion::version).contains("v1");
        assertThat(store.find(STRATEGY, "v2").orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
        assertThat(registry.serving(STRATEGY)).map(m -> m.version().version()).contains("v1");
        try (ModelLease lease = registry.lease(STRATEGY)) {
            assertThat(lease.predictor().predict(new float[8])).hasSize(3);
        }
    }

    @Test
    void aRequestInFlightKeepsItsModelUntilItEndsAndOnlyThenIsItClosed() {
        register(good1, "op1");
        register(good2, "op2");
        registry.activate(STRATEGY, "v1");
        LoadedModel v1 = registry.serving(STRATEGY).orElseThrow();

        ModelLease inFlight = registry.lease(STRATEGY);
        registry.activate(STRATEGY, "v2");

        assertThat(v1.isClosed()).isFalse();
        assertThat(inFlight.version().version()).isEqualTo("v1");
        assertThat(inFlight.predictor().predict(new float[8])).hasSize(3);
        try (ModelLease next = registry.lease(STRATEGY)) {
            assertThat(next.version().version()).isEqualTo("v2");
        }
        inFlight.close();
        assertThat(v1.isClosed()).isTrue();
    }

    @Test
    void beforeStartupFinishesRequestsAreToldTheRegistryIsNotInitialized() {
        ModelRegistry starting = new ModelRegistry(store, new ModelLoader());
        assertThatThrownBy(() -> starting.lease(STRATEGY)).isInstanceOf(NoModelLoadedException.class)
                .hasMessage("Model registry not initialized");
    }

    @Test
    void aStrategyWithNoModelAtAllIsNotFoundRatherThanRetryable() {
        assertThatThrownBy(() -> registry.lease(STRATEGY)).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no model for strategy");
        ReloadResult result = registry.reloadIfChanged(STRATEGY);
        assertThat(result.reloaded()).isFalse();
        assertThat(result.failed()).isFalse();
        assertThat(result.message()).contains("no active version");
    }

    private void assertFailedReloadKeepsV1(Path broken) {
        register(good1, "op1");
        register(broken, "op2");
        store.activate(STRATEGY, "v1");
        registry.reloadIfChanged(STRATEGY);

        store.activate(STRATEGY, "v2"); // e.g. by another replica, or by hand in the database
        ReloadResult result = registry.reloadIfChanged(STRATEGY);

        assertThat(result.reloaded()).isFalse();
        assertThat(result.failed()).isTrue();
        assertThat(result.version()).isEqualTo("v1");
        assertThat(result.message()).contains("v2").contains("v1 keeps serving").doesNotContain("up to date");
        assertThat(registry.serving(STRATEGY)).map(m -> m.version().version()).contains("v1");
        assertThat(registry.lastFailure()).hasValueSatisfying(f -> assertThat(f.version()).isEqualTo("v2"));
        try (ModelLease lease = registry.lease(STRATEGY)) {
            assertThat(lease.version().version()).isEqualTo("v1");
            assertThat(lease.predictor().predict(new float[8])).hasSize(3);
        }
        // asked again, it fails again: never "already up to date"
        assertThat(registry.reloadIfChanged(STRATEGY).failed()).isTrue();
    }

    private void register(Path dir, String operationId) {
        store.register(new NewModelVersion(STRATEGY, dir.toString(), Map.of(), Map.of(), operationId));
    }
}
