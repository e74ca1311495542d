package io.opsbridge.workloads.training;

import io.opsbridge.core.retention.RetentionListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The checkpoints of an operation go with it: when retention deletes operations, the directory
 * {@code {models-dir}/checkpoints/{operation_id}/} of each goes too (a failed training keeps its
 * checkpoints for a resume until then), and so does the terminal record a Job's training left
 * ({@code {models-dir}/terminal/{operation_id}.json}, read only while its record is not terminal). Ids of
 * other types simply have none.
 */
@ApplicationScoped
public class CheckpointRetention implements RetentionListener {

    private static final Logger LOG = Logger.getLogger(CheckpointRetention.class);

    private final TrainingOrchestrator orchestrator;

    public CheckpointRetention(TrainingOrchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    @Override
    public void deleted(List<String> operationIds) {
        int removed = 0;
        int terminal = 0;
        for (String id : operationIds) {
            CheckpointPlan plan;
            try {
                plan = orchestrator.checkpointPlan(id, 1, 1);
            } catch (IllegalArgumentException notADirectoryName) {
                continue; // no training's key, so no checkpoints
            }
            if (Files.isDirectory(plan.dir())) {
                new CheckpointStore(plan.dir(), plan.keep()).deleteAll();
                removed++;
            }
            if (deleted(orchestrator.terminalRecordFile(id))) {
                terminal++;
            }
        }
        if (removed + terminal > 0) {
            LOG.infof("retention: removed the checkpoints of %d and the terminal records of %d deleted operations",
                    removed, terminal);
        }
    }

    private static boolean deleted(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
