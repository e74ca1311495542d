package io.opsbridge.core.store;

import io.opsbridge.api.LogsResponse;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.replicas.OwnerApi;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An owner replica that cannot be reached (its process is gone): every connection refused. */
class RefusingOwner implements OwnerApi {

    @Override
    public CompletionStage<OperationInfo> read(String id, boolean forceRefresh, String to, String by) {
        return CompletableFuture.failedFuture(new RuntimeException(new ConnectException("Connection refused")));
    }

    @Override
    public CompletionStage<OperationInfo> whenChanged(String id, String wait, long sinceVersion, String to,
            String by) {
        return read(id, false, to, by);
    }

    @Override
    public LogsResponse logs(String id, int cursor, String to, String by) {
        throw new RuntimeException(new ConnectException("Connection refused"));
    }

    @Override
    public OperationInfo cancel(String id, String to, String by, String caller) {
        throw new RuntimeException(new ConnectException("Connection refused"));
    }
}
