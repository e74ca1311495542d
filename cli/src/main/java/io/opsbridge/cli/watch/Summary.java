package io.opsbridge.cli.watch;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.cli.ExitCodes;
import io.opsbridge.cli.output.Texts;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The lines printed when a watched operation ends. */
public final class Summary {

    private static final int WIDTH = 78; // with the indent, lines fit 80 columns

    private Summary() {
    }

    /**
     * <pre>
     * completed op_training_… in 8.4s (Epoch 3/3, 3 metrics)
     *   artifact_path_on_server=/srv/opsbridge/data/models/… strategy=mlp_direction
     *   model=mlp_direction/v3 artifact=op_training_… epochs_completed=3 final_train_loss=1.0787
     * </pre>
     */
    public static void print(PrintWriter out, OperationInfo op) {
        String step = op.progress().currentStep() == null ? "" : op.progress().currentStep() + ", ";
        switch (op.status()) {
            case COMPLETED -> out.printf("%s %s in %s (%s%d metrics)%n",
                    ExitCodes.warnings(op).isEmpty() ? "completed" : "COMPLETED WITH WARNINGS", op.operationId(),
                    Texts.duration(op), step, op.metricsCount());
            case FAILED -> out.printf("FAILED %s after %s: %s%n", op.operationId(), Texts.duration(op),
                    op.errorMessage() == null ? "no reason given" : op.errorMessage());
            case CANCELLED -> out.printf("CANCELLED %s after %s at %s%s%n", op.operationId(), Texts.duration(op),
                    step, Texts.percent(op.progress().percentage()));
            default -> out.printf("%s %s%n", op.status().wireName(), op.operationId());
        }
        if (op.resultSummary() != null) {
            StringBuilder line = new StringBuilder(" ");
            for (Map.Entry<String, Object> e : op.resultSummary().entrySet()) {
                if (e.getValue() instanceof Map || e.getValue() instanceof Collection) {
                    continue; // nested details: ops get -o json shows them
                }
                Map.Entry<String, Object> shown = Texts.resultEntry(op.resultSummary(), e);
                String pair = shown.getKey() + "=" + Texts.value(shown.getValue());
                if (line.length() > 2 && line.length() + pair.length() > WIDTH) {
                    out.println(line);
                    line.setLength(1);
                }
                line.append(' ').append(pair);
            }
            if (line.length() > 2) {
                out.println(line);
            }
        }
        ExitCodes.warnings(op).forEach(w -> out.println("  warning: " + w));
        nextStep(op).ifPresent(next -> out.println("next: " + next));
        out.flush();
    }

    /**
     * The command a person most likely runs next: activate a model a training registered but did not
     * activate; train on what a data load loaded; run a failed or cancelled job again.
     */
    public static Optional<String> nextStep(OperationInfo op) {
        Map<String, Object> result = op.resultSummary() == null ? Map.of() : op.resultSummary();
        if (op.status() == OperationStatus.COMPLETED && OperationType.TRAINING.equals(op.operationType())) {
            Object version = result.get("registry_version");
            if (version == null) {
                return Optional.empty();
            }
            String model = result.getOrDefault("strategy", "mlp_direction") + " " + version;
            return Optional.of(Boolean.TRUE.equals(result.get("activated"))
                    ? "it serves signals now (opsbridge models list)" : "opsbridge models activate " + model);
        }
        if (op.status() == OperationStatus.COMPLETED && OperationType.DATA_LOADING.equals(op.operationType())
                && op.metadata() != null && op.metadata().symbols() != null) {
            return Optional.of("opsbridge train --symbols " + String.join(",", op.metadata().symbols())
                    + (op.metadata().timeframe() == null ? "" : " --timeframe " + op.metadata().timeframe()));
        }
        if (op.status() == OperationStatus.FAILED || op.status() == OperationStatus.CANCELLED) {
            return Optional.of("opsbridge ops rerun " + op.operationId());
        }
        return Optional.empty();
    }
}
