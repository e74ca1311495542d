package io.opsbridge.cli.watch;

import io.opsbridge.cli.output.Texts;
import io.opsbridge.core.api.OperationInfo;
import java.io.PrintWriter;
import java.util.Map;

/** The lines printed when a watched operation ends. */
public final class Summary {

    private Summary() {
    }

    /**
     * <pre>
     * completed op_training_… in 8.4s (Epoch 3/3, 3 metrics)
     *   final_val_accuracy=0.5120  model_path=data/models/…
     * </pre>
     */
    public static void print(PrintWriter out, OperationInfo op) {
        String step = op.progress().currentStep() == null ? "" : op.progress().currentStep() + ", ";
        switch (op.status()) {
            case COMPLETED -> out.printf("completed %s in %s (%s%d metrics)%n", op.operationId(), Texts.duration(op),
                    step, op.metricsCount());
            case FAILED -> out.printf("FAILED %s after %s: %s%n", op.operationId(), Texts.duration(op),
                    op.errorMessage() == null ? "no reason given" : op.errorMessage());
            case CANCELLED -> out.printf("CANCELLED %s after %s at %s%s%n", op.operationId(), Texts.duration(op),
                    step, Texts.percent(op.progress().percentage()));
            default -> out.printf("%s %s%n", op.status().wireName(), op.operationId());
        }
        if (op.resultSummary() != null && !op.resultSummary().isEmpty()) {
            StringBuilder line = new StringBuilder(" ");
            for (Map.Entry<String, Object> e : op.resultSummary().entrySet()) {
                if (!(e.getValue() instanceof Map) && !(e.getValue() instanceof java.util.Collection)) {
                    line.append(' ').append(e.getKey()).append('=').append(Texts.value(e.getValue()));
                }
            }
            out.println(line);
        }
        out.flush();
    }
}
