package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import java.util.Map;

/** Shows nothing while watching: {@code --output json} prints only the final operation. */
public class SilentProgressView implements ProgressView {

    @Override
    public void update(OperationInfo op) {
    }

    @Override
    public void metric(Map<String, Object> metric) {
    }

    @Override
    public void close() {
    }
}
