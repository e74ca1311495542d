package io.opsbridge.core.proxy;

import io.opsbridge.api.MetricsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationResults;
import java.util.concurrent.CompletionStage;

/**
 * The reads on a host's read path, asynchronous: {@link EventLoopReads} in the application, the
 * typed client's own methods ({@link #over}) for a host in memory in a test.
 */
interface HostReads {

    CompletionStage<OperationInfo> read(String id, boolean forceRefresh);

    CompletionStage<OperationInfo> whenChanged(String id, String wait, long sinceVersion);

    CompletionStage<MetricsResponse> metrics(String id, int cursor);

    CompletionStage<OperationResults> results(String id);

    /** The reads of {@code api} itself. */
    static HostReads over(OperationsApi api) {
        return new HostReads() {
            @Override
            public CompletionStage<OperationInfo> read(String id, boolean forceRefresh) {
                return api.read(id, forceRefresh);
            }

            @Override
            public CompletionStage<OperationInfo> whenChanged(String id, String wait, long sinceVersion) {
                return api.whenChanged(id, wait, sinceVersion);
            }

            @Override
            public CompletionStage<MetricsResponse> metrics(String id, int cursor) {
                return api.metrics(id, cursor);
            }

            @Override
            public CompletionStage<OperationResults> results(String id) {
                return api.results(id);
            }
        };
    }
}
