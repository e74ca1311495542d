package io.opsbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.api.InvalidRequestException;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationList;
import io.opsbridge.api.OperationQuery;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.core.bridge.TestBridge;
import io.opsbridge.core.follow.ProgressSources;
import io.opsbridge.core.lifecycle.OperationLifecycle;
import io.opsbridge.core.service.OperationsService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsServiceListTest {

    private final ServiceFixture fixture = new ServiceFixture();
    private final OperationsService operations = fixture.operations;
    private final OperationLifecycle lifecycle = fixture.lifecycle;
    private final ProgressSources sources = fixture.sources;
    private String pendingTraining;
    private String runningTraining;
    private String runningLoading;
    private String completedTraining;
    private String cancelledLoading;

    /** Five operations, one minute apart, oldest first. */
    @BeforeEach
    void fiveOperations() {
        pendingTraining = fixture.created(OperationType.TRAINING);
        fixture.clock.advance(Duration.ofMinutes(1));
        runningTraining = fixture.running(new TestBridge());
        fixture.clock.advance(Duration.ofMinutes(1));
        runningLoading = fixture.created(OperationType.DATA_LOADING);
        sources.registerLocal(runningLoading, new TestBridge());
        lifecycle.start(runningLoading);
        fixture.clock.advance(Duration.ofMinutes(1));
        completedTraining = fixture.running(new TestBridge());
        lifecycle.complete(completedTraining, Map.of("accuracy", 0.9));
        fixture.clock.advance(Duration.ofMinutes(1));
        cancelledLoading = fixture.created(OperationType.DATA_LOADING);
        lifecycle.cancel(cancelledLoading);
    }

    @Test
    void unfilteredListShowsEveryOperationNewestFirst() {
        OperationList list = operations.list(new OperationQuery(null, null, 50, 0));

        assertThat(list.operations()).extracting(OperationInfo::operationId)
                .containsExactly(cancelledLoading, completedTraining, runningLoading, runningTraining, pendingTraining);
        assertThat(list.total()).isEqualTo(5);
        assertThat(list.activeCount()).isEqualTo(3);
    }

    @Test
    void statusFilterKeepsOnlyThatStatus() {
        OperationList running = operations.list(new OperationQuery(OperationStatus.RUNNING, null, 50, 0));

        assertThat(running.operations()).extracting(OperationInfo::operationId)
                .containsExactly(runningLoading, runningTraining);
        assertThat(running.total()).isEqualTo(2);
        // active_count counts every pending or running operation, whatever the filter
        assertThat(running.activeCount()).isEqualTo(3);
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        OperationList loads = operations.list(new OperationQuery(null, OperationType.DATA_LOADING, 50, 0));

        assertThat(loads.operations()).extracting(OperationInfo::operationId)
                .containsExactly(cancelledLoading, runningLoading);
        assertThat(loads.total()).isEqualTo(2);
    }

    @Test
    void statusAndTypeFiltersCombine() {
        OperationList list = operations.list(new OperationQuery(OperationStatus.COMPLETED, OperationType.TRAINING, 50, 0));

        assertThat(list.operations()).extracting(OperationInfo::operationId).containsExactly(completedTraining);
        assertThat(list.total()).isEqualTo(1);
    }

    @Test
    void limitAndOffsetPageThroughTheMatchesWhileTotalCountsThemAll() {
        OperationList page = operations.list(new OperationQuery(null, null, 2, 1));

        assertThat(page.operations()).extracting(OperationInfo::operationId)
                .containsExactly(completedTraining, runningLoading);
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void offsetPastTheEndGivesAnEmptyPage() {
        OperationList page = operations.list(new OperationQuery(null, null, 10, 10));

        assertThat(page.operations()).isEmpty();
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void badLimitOrOffsetIsAnInvalidRequest() {
        assertThatThrownBy(() -> new OperationQuery(null, null, 0, 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("limit");
        assertThatThrownBy(() -> new OperationQuery(null, null, OperationQuery.MAX_LIMIT + 1, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new OperationQuery(null, null, 10, -1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("offset");
    }
}
